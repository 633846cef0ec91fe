//! Meridian's domain model: what a store, customer, conversation, order and parcel *are*,
//! and the rules that hold for them whatever stores or shows them.
//!
//! Architecture invariant: this crate does no I/O (no files, network, clock or database).
//! Time comes in as values; everything here is deterministic and cheap to test.

#[macro_use]
mod macros;

pub mod channel_rules;
pub mod conversation;
pub mod customer;
pub mod intent;
pub mod money;
pub mod order;
pub mod outbox;
pub mod phone;
pub mod platform;
pub mod shipment;
pub mod tracking;

pub use conversation::{
    AuditEvent, Callback, CallbackState, Conversation, ConversationStatus, Direction, Draft,
    Message, Priority,
};
pub use customer::{Customer, Identity, IdentityKind};
pub use intent::{Action, Intent};
pub use money::{Currency, Money, MoneyError};
pub use order::{Address, FinancialStatus, FulfillmentStatus, LineItem, Order};
pub use outbox::{OutboxItem, OutboxState};
pub use platform::{Channel, Platform, StoreFront};
pub use shipment::{Carrier, CarrierEvent, Shipment, ShipmentStatus};

/// A point in time, always UTC inside Meridian; local times are derived for display.
pub type Timestamp = jiff::Timestamp;

/// An enum value stored or received as text that Meridian does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} {value:?}")]
pub struct UnknownValue {
    pub kind: &'static str,
    pub value: String,
}

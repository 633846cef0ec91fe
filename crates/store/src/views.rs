//! What the store hands to screens and commands: read models shaped for one use each.

use meridian_core::{
    Channel, Conversation, ConversationStatus, Customer, Draft, Intent, Message, Order, Priority,
    Shipment, StoreFront,
};
use serde::{Deserialize, Serialize};

/// Counts of everything in the store, for `meridian stats` and the status bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Stats {
    pub stores: i64,
    pub customers: i64,
    pub orders: i64,
    pub shipments: i64,
    pub conversations: i64,
    pub messages: i64,
    pub agents: i64,
    /// Distinct conversation languages.
    pub languages: i64,
    /// Distinct customer countries.
    pub countries: i64,
}

/// Which conversations the inbox shows. Every field narrows; `None` means any.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InboxFilter {
    pub status: Option<ConversationStatus>,
    pub language: Option<String>,
    pub channel: Option<Channel>,
    pub intent: Option<Intent>,
    /// Words or characters to find in any message of the conversation.
    pub query: Option<String>,
    /// Continue after this item (keyset pagination).
    pub after: Option<InboxCursor>,
    /// Page size; 50 when absent, at most 200.
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InboxCursor {
    /// Milliseconds since the epoch, as text so JavaScript keeps every digit.
    pub last_message_ms: String,
    pub id: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InboxItem {
    pub id: i64,
    pub subject: String,
    pub preview: String,
    pub customer_name: String,
    pub customer_country: String,
    pub language: String,
    pub channel: Channel,
    pub status: ConversationStatus,
    pub intent: Option<Intent>,
    pub priority: Priority,
    pub assignee: Option<String>,
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub last_message_at: jiff::Timestamp,
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub sla_due_at: Option<jiff::Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InboxPage {
    pub items: Vec<InboxItem>,
    /// Present when there may be more.
    pub next: Option<InboxCursor>,
}

/// Values present in the inbox with their counts, for the filter menus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InboxFacets {
    pub languages: Vec<FacetCount>,
    pub intents: Vec<FacetCount>,
    pub statuses: Vec<FacetCount>,
    pub channels: Vec<FacetCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FacetCount {
    pub value: String,
    pub count: i64,
}

/// Everything the three panes show for one conversation, read in one go.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ConversationView {
    pub conversation: Conversation,
    pub store: StoreFront,
    pub customer: Customer,
    /// Oldest first.
    pub messages: Vec<Message>,
    /// The order the conversation is about, when known, else the customer's latest.
    pub focus_order_id: Option<i64>,
    /// The customer's orders, newest first (at most 10).
    pub orders: Vec<Order>,
    /// Parcels of those orders.
    pub shipments: Vec<Shipment>,
    pub draft: Option<Draft>,
    pub assignee_name: Option<String>,
    /// Where each reply of this conversation is on its way out (by message id).
    pub replies: Vec<ReplyState>,
}

/// A reply's place in the outbox, as the thread shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReplyState {
    pub message_id: i64,
    pub outbox_id: i64,
    pub state: meridian_core::OutboxState,
    /// When it leaves (the end of the undo window) while queued.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub not_before: jiff::Timestamp,
    pub last_error: Option<String>,
    pub attempts: i64,
}

/// A member of the support team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Agent {
    pub id: String,
    pub name: String,
    pub time_zone: String,
    /// ISO 639-1, most fluent first.
    pub languages: Vec<String>,
}

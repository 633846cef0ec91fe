//! What clients hand the sync: platform records in Meridian's own model, not yet stored.
//! Ids that only the store can give (`Order::id`, `store_id`, `customer_id`,
//! `Shipment::order_id`) are 0 here; the sync resolves them by the platform's keys.

use meridian_core::{Carrier, Identity, Order, Shipment, Timestamp};

/// One page of a paginated listing, and the opaque cursor of the next (None at the end).
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

/// An order as a platform reports it, with its buyer and the parcels the platform knows.
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteOrder {
    /// Which store front the order belongs to, as `StoreFront::domain` names it: the Shopify
    /// shop domain, the Amazon MarketplaceId, the WooCommerce site URL.
    pub store_domain: String,
    /// `source` names the platform ("shopify"), `fresh_at` is when it was fetched.
    pub order: Order,
    pub customer: Option<RemoteCustomer>,
    pub parcels: Vec<RemoteParcel>,
}

/// A buyer as a platform knows them: the identities link them to one Meridian customer.
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteCustomer {
    /// The platform's customer id ("gid://shopify/Customer/7", WooCommerce "12"); None for guests.
    pub external_id: Option<String>,
    pub name: String,
    /// ISO 3166-1 alpha-2, from the shipping or billing address.
    pub country: String,
    /// Normalised identities: e-mail, Amazon relay address, E.164 phone, "shopify:<id>".
    pub identities: Vec<Identity>,
}

/// A tracking number a platform attached to an order (Shopify fulfilment tracking info,
/// WooCommerce Shipment Tracking meta).
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteParcel {
    pub carrier: Carrier,
    pub tracking_number: String,
    pub shipped_at: Option<Timestamp>,
}

/// A parcel's state from a tracking service (17TRACK, AfterShip), in the one status model.
#[derive(Debug, Clone, PartialEq)]
pub struct TrackingUpdate {
    /// `id` and `order_id` are 0; `events` newest first; `source` is "17track" or "aftership".
    pub shipment: Shipment,
    /// Our reference sent at registration (the order's external id), echoed back.
    pub tag: Option<String>,
}

/// A write the platform should get back from service, carried by the outbox.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WriteAction {
    /// The conversation's summary on the order (Shopify note, WooCommerce private note).
    OrderNote { order_external_id: String, note: String },
    /// Tags on the order (Shopify tags; WooCommerce has none, so they go in a note).
    OrderTags { order_external_id: String, tags: Vec<String> },
    /// An after-sales case: a return request (Shopify returnCreate; WooCommerce note + status).
    ReturnRequest { order_external_id: String, reason: String, note: String },
    /// The customer's satisfaction score, 1–5, on the platform's customer record.
    Satisfaction { order_external_id: String, customer_external_id: Option<String>, score: u8, comment: String },
}

impl WriteAction {
    pub fn order_external_id(&self) -> &str {
        match self {
            WriteAction::OrderNote { order_external_id, .. }
            | WriteAction::OrderTags { order_external_id, .. }
            | WriteAction::ReturnRequest { order_external_id, .. }
            | WriteAction::Satisfaction { order_external_id, .. } => order_external_id,
        }
    }
}

/// What a write did on the platform.
#[derive(Debug, Clone, PartialEq)]
pub enum WriteOutcome {
    /// Written now; the platform's id of what was created, when it has one.
    Written { remote_id: Option<String> },
    /// Found already written under the same idempotency key (a retry after a crash).
    AlreadyDone { remote_id: Option<String> },
}

/// The marker a write leaves on the platform so that a retry can tell it already landed:
/// the platforms do not take idempotency keys for these writes, so the key travels inside.
pub fn idempotency_marker(key: &str) -> String {
    format!("[meridian:{key}]")
}

/// Which tracking service follows a carrier's parcels when both are configured: 17TRACK for
/// postal and Chinese cross-border carriers (its strength), AfterShip for the integrators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrackingService {
    Track17,
    AfterShip,
}

pub fn tracking_service_for(carrier: Carrier) -> TrackingService {
    match carrier {
        Carrier::Ups | Carrier::Usps | Carrier::Fedex | Carrier::Dhl => TrackingService::AfterShip,
        Carrier::ChinaPost | Carrier::YunExpress | Carrier::Post | Carrier::Other => TrackingService::Track17,
    }
}

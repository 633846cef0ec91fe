//! Parcels and their carrier events, in one status model whatever the tracking source.

pub use crate::tracking::Carrier;
use crate::Timestamp;

text_enum! {
    /// The normalised parcel status (17TRACK and AfterShip statuses both map onto it).
    pub enum ShipmentStatus("shipment status") {
        Pending = "pending",
        InfoReceived = "info_received",
        InTransit = "in_transit",
        /// Held by customs, often waiting for duties to be paid.
        Customs = "customs",
        OutForDelivery = "out_for_delivery",
        AvailableForPickup = "available_for_pickup",
        Delivered = "delivered",
        FailedAttempt = "failed_attempt",
        Exception = "exception",
        Returned = "returned",
        Expired = "expired",
    }
}

impl ShipmentStatus {
    /// No further movement is expected.
    pub fn is_final(self) -> bool {
        matches!(self, ShipmentStatus::Delivered | ShipmentStatus::Returned | ShipmentStatus::Expired)
    }
}

/// One scan or status change reported by the carrier.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CarrierEvent {
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub at: Timestamp,
    /// IANA zone of the place of the scan, to show the carrier's local time.
    pub time_zone: Option<String>,
    /// "Madrid, ES" as the carrier names it.
    pub place: String,
    pub country: Option<String>,
    pub status: ShipmentStatus,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Shipment {
    pub id: i64,
    pub order_id: i64,
    pub carrier: Carrier,
    pub tracking_number: String,
    pub status: ShipmentStatus,
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub shipped_at: Option<Timestamp>,
    /// The date the store promised at checkout (a calendar date in the customer's zone).
    pub promised_by: Option<String>,
    /// The carrier's current estimate.
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub expected_at: Option<Timestamp>,
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub delivered_at: Option<Timestamp>,
    /// Newest first.
    pub events: Vec<CarrierEvent>,
    /// Which system this record came from ("17track", "aftership", "shopify", "demo").
    pub source: String,
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub fresh_at: Timestamp,
}

//! Orders as the platforms report them, in one model.

use crate::{Money, Platform, Timestamp};

text_enum! {
    pub enum FinancialStatus("financial status") {
        Pending = "pending",
        Authorized = "authorized",
        Paid = "paid",
        PartiallyPaid = "partially_paid",
        PartiallyRefunded = "partially_refunded",
        Refunded = "refunded",
        Voided = "voided",
        Expired = "expired",
    }
}

text_enum! {
    pub enum FulfillmentStatus("fulfilment status") {
        Unfulfilled = "unfulfilled",
        InProgress = "in_progress",
        OnHold = "on_hold",
        Scheduled = "scheduled",
        PartiallyFulfilled = "partially_fulfilled",
        Fulfilled = "fulfilled",
        Cancelled = "cancelled",
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LineItem {
    pub sku: String,
    pub name: String,
    pub quantity: i64,
    pub unit_price: Money,
}

#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Address {
    pub name: String,
    pub line1: String,
    pub line2: Option<String>,
    pub city: String,
    /// Region or state as written, and its ISO 3166-2 code where known.
    pub region: Option<String>,
    pub region_code: Option<String>,
    pub postcode: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// E.164.
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Order {
    pub id: i64,
    pub store_id: i64,
    pub customer_id: Option<i64>,
    pub platform: Platform,
    /// The platform's own id (a Shopify GID, an Amazon order id, a WooCommerce id).
    pub external_id: String,
    /// What the customer sees: "1047" (Shopify, without '#'), "114-3941689-8772232" (Amazon).
    pub number: String,
    pub email: Option<String>,
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub created_at: Timestamp,
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub updated_at: Timestamp,
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub cancelled_at: Option<Timestamp>,
    pub financial_status: FinancialStatus,
    pub fulfillment_status: FulfillmentStatus,
    pub subtotal: Money,
    pub shipping: Money,
    pub tax: Money,
    pub total: Money,
    pub lines: Vec<LineItem>,
    pub shipping_address: Option<Address>,
    pub source: String,
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub fresh_at: Timestamp,
}

impl Order {
    /// The sum of the lines, shipping and tax; `None` when they do not add up in one currency.
    pub fn computed_total(&self) -> Option<Money> {
        let mut sum = self.shipping.checked_add(&self.tax).ok()?;
        for line in &self.lines {
            sum = sum.checked_add(&line.unit_price.times(line.quantity).ok()?).ok()?;
        }
        Some(sum)
    }
}

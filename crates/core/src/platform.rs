//! Where orders and messages come from.

text_enum! {
    /// A sales platform a store sells on.
    pub enum Platform("platform") {
        Shopify = "shopify",
        Amazon = "amazon",
        WooCommerce = "woocommerce",
    }
}

text_enum! {
    /// How a conversation reaches the store. ("Channel" is taken in the generated
    /// TypeScript by Tauri's IPC channels.)
    #[serde(rename = "MessageChannel")]
    pub enum Channel("channel") {
        Email = "email",
        /// Amazon Buyer-Seller Messaging: no external links, 24-hour reply expectation.
        AmazonMessaging = "amazon_messaging",
        Chat = "chat",
    }
}

/// One storefront of the business on one platform, in one market.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StoreFront {
    pub id: i64,
    pub name: String,
    pub platform: Platform,
    /// Shop domain, marketplace id or site URL, as the platform names the store.
    pub domain: String,
    /// ISO 3166-1 alpha-2 country of the market.
    pub country: String,
    /// ISO 4217 currency the market sells in.
    pub currency: String,
    /// IANA time zone the store's business hours are in.
    pub time_zone: String,
}

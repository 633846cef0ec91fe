//! Customers and the identities that link them across platforms.

use crate::Timestamp;

text_enum! {
    pub enum IdentityKind("identity kind") {
        Email = "email",
        /// Amazon's anonymised buyer address (xxxx@marketplace.amazon.com).
        AmazonAlias = "amazon_alias",
        /// E.164 phone number.
        Phone = "phone",
        /// A platform's customer id, "shopify:123".
        PlatformId = "platform_id",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Identity {
    pub kind: IdentityKind,
    pub value: String,
}

impl Identity {
    /// Normalises the value so that the same person is found whichever way it was written.
    pub fn new(kind: IdentityKind, value: &str) -> Identity {
        let value = match kind {
            IdentityKind::Email | IdentityKind::AmazonAlias => value.trim().to_lowercase(),
            IdentityKind::Phone | IdentityKind::PlatformId => value.trim().to_owned(),
        };
        Identity { kind, value }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Customer {
    pub id: i64,
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// ISO 639-1 language the customer writes in.
    pub language: String,
    /// IANA time zone, and how it was found ("address", "phone", "agent").
    pub time_zone: Option<String>,
    pub time_zone_source: Option<String>,
    pub identities: Vec<Identity>,
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub created_at: Timestamp,
}

impl Customer {
    pub fn identity(&self, kind: IdentityKind) -> Option<&str> {
        self.identities.iter().find(|i| i.kind == kind).map(|i| i.value.as_str())
    }
}

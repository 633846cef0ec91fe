//! The connector configuration: which stores and tracking services to talk to, and where.
//! It holds no secret: credentials are typed here but live in the OS keyring (the sync crate
//! reads them under [`Config`]'s account names); the file can be shared and logged.

use crate::http::HttpOptions;
use std::time::Duration;

/// A credential value. Serialises as the plain string (it travels only into the keyring);
/// `Debug` and `Display` never show it.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub http: HttpConfig,
    #[serde(default)]
    pub shopify: Vec<ShopifyConfig>,
    #[serde(default)]
    pub amazon: Vec<AmazonConfig>,
    #[serde(default)]
    pub woocommerce: Vec<WooConfig>,
    #[serde(default)]
    pub track17: Option<Track17Config>,
    #[serde(default)]
    pub aftership: Option<AfterShipConfig>,
    /// Where replies leave: the store's outgoing mail server.
    #[serde(default)]
    pub smtp: Option<SmtpConfig>,
    /// The sandbox's control endpoint, when the config was written by `meridian sandbox`
    /// (used to subscribe the sync's webhook receiver; real platforms use their own APIs).
    #[serde(default)]
    pub sandbox_admin: Option<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HttpConfig {
    pub timeout_ms: u64,
    pub max_retries: u32,
    pub base_backoff_ms: u64,
    pub max_backoff_ms: u64,
}

impl Default for HttpConfig {
    fn default() -> Self {
        let d = HttpOptions::default();
        HttpConfig {
            timeout_ms: d.timeout.as_millis() as u64,
            max_retries: d.max_retries,
            base_backoff_ms: d.base_backoff.as_millis() as u64,
            max_backoff_ms: d.max_backoff.as_millis() as u64,
        }
    }
}

impl HttpConfig {
    pub fn options(&self) -> HttpOptions {
        HttpOptions {
            timeout: Duration::from_millis(self.timeout_ms),
            connect_timeout: Duration::from_millis(self.timeout_ms.min(10_000)),
            max_retries: self.max_retries,
            base_backoff: Duration::from_millis(self.base_backoff_ms),
            max_backoff: Duration::from_millis(self.max_backoff_ms),
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShopifyConfig {
    /// The shop domain, "meridian-demo.myshopify.com"; matches the store's domain.
    pub shop: String,
    /// Base URL; default `https://{shop}`. The client appends `/admin/api/{version}/graphql.json`.
    #[serde(default)]
    pub endpoint: Option<String>,
    #[serde(default = "default_shopify_version")]
    pub api_version: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmazonConfig {
    /// "na", "eu" or "fe".
    pub region: String,
    /// The marketplaces this seller account sells in ("ATVPDKIKX0DER"); each is a store.
    pub marketplace_ids: Vec<String>,
    /// SP-API base URL; default `https://sellingpartnerapi-{region}.amazon.com`.
    #[serde(default)]
    pub endpoint: Option<String>,
    /// Login with Amazon token URL; default `https://api.amazon.com/auth/o2/token`.
    #[serde(default)]
    pub lwa_endpoint: Option<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WooConfig {
    /// Site URL, "https://shop.example.com"; the client appends `/wp-json/wc/v3/`.
    pub site: String,
    /// The store front's domain (`StoreFront::domain`); default: the site URL's host.
    #[serde(default)]
    pub domain: Option<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Track17Config {
    /// Default `https://api.17track.net`; the client appends `/track/v2.2/…`.
    #[serde(default)]
    pub endpoint: Option<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AfterShipConfig {
    /// Default `https://api.aftership.com`; the client appends `/tracking/{version}/…`.
    #[serde(default)]
    pub endpoint: Option<String>,
    #[serde(default = "default_aftership_version")]
    pub api_version: String,
}

/// The outgoing mail server replies leave through (customers' e-mail and Amazon's relay
/// addresses alike).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    pub host: String,
    #[serde(default = "default_smtp_port")]
    pub port: u16,
    /// "starttls" (port 587, the default), "tls" (465), or "none" (only to a loopback host).
    #[serde(default = "default_smtp_security")]
    pub security: String,
    /// The store's address replies come from (an authorised sender for Amazon's relay).
    pub from: String,
}

/// SMTP: the login for the outgoing mail server.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SmtpCredentials {
    pub username: String,
    pub password: Secret,
}

impl SmtpConfig {
    pub fn account(&self) -> String {
        format!("smtp/{}", self.host)
    }
}

fn default_smtp_port() -> u16 {
    587
}

fn default_smtp_security() -> String {
    "starttls".into()
}

fn default_shopify_version() -> String {
    "2025-10".into()
}

fn default_aftership_version() -> String {
    "2025-07".into()
}

/// Shopify: the Admin API access token and the app's client secret (signs webhooks).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ShopifyCredentials {
    pub access_token: Secret,
    pub webhook_secret: Secret,
}

/// Amazon: the LWA application's client id and secret and the seller's refresh token.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AmazonCredentials {
    pub client_id: String,
    pub client_secret: Secret,
    pub refresh_token: Secret,
}

/// WooCommerce: the REST API key pair and the webhook secret.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WooCredentials {
    pub consumer_key: Secret,
    pub consumer_secret: Secret,
    pub webhook_secret: Secret,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Track17Credentials {
    pub key: Secret,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AfterShipCredentials {
    pub api_key: Secret,
    pub webhook_secret: Secret,
}

/// Keyring account names: one entry per connection, holding its credentials as JSON.
impl ShopifyConfig {
    pub fn account(&self) -> String {
        format!("shopify/{}", self.shop)
    }
}
impl AmazonConfig {
    pub fn account(&self) -> String {
        format!("amazon/{}", self.region)
    }
}
impl WooConfig {
    pub fn account(&self) -> String {
        format!("woocommerce/{}", self.site.trim_end_matches('/'))
    }
}
impl Track17Config {
    pub fn account(&self) -> String {
        "17track".into()
    }
}
impl AfterShipConfig {
    pub fn account(&self) -> String {
        "aftership".into()
    }
}

impl Config {
    pub fn from_toml(text: &str) -> Result<Config, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).expect("the config is plain data")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_print() {
        let c = ShopifyCredentials { access_token: Secret::new("shpat_abc"), webhook_secret: Secret::new("whsec") };
        let shown = format!("{c:?}");
        assert!(!shown.contains("shpat_abc") && !shown.contains("whsec"), "{shown}");
        assert_eq!(serde_json::to_string(&c.access_token).unwrap(), "\"shpat_abc\"");
    }

    #[test]
    fn config_round_trips_and_rejects_unknown_keys() {
        let c = Config {
            shopify: vec![ShopifyConfig { shop: "a.myshopify.com".into(), endpoint: Some("http://127.0.0.1:1/shopify".into()), api_version: "2025-10".into() }],
            track17: Some(Track17Config { endpoint: None }),
            ..Config::default()
        };
        assert_eq!(Config::from_toml(&c.to_toml()).unwrap(), c);
        let err = Config::from_toml("[[shopify]]\nshop = \"a\"\ntoken = \"x\"\n").unwrap_err();
        assert!(err.contains("token"), "{err}");
    }
}

//! The configured clients: one per store connection (Shopify shop, Amazon region, WooCommerce
//! site) and per tracking service, each with its credentials from a `CredentialSource`.

use crate::secrets::{load, CredentialSource, SecretError};
use meridian_connectors::aftership::AfterShipClient;
use meridian_connectors::amazon::AmazonClient;
use meridian_connectors::shopify::ShopifyClient;
use meridian_connectors::track17::Track17Client;
use meridian_connectors::woocommerce::WooClient;
use meridian_connectors::{Config, Http, Page, RemoteOrder, Result, WriteAction, WriteOutcome};
use meridian_core::Platform;

#[derive(Clone)]
pub enum OrderClient {
    Shopify(ShopifyClient),
    Amazon(AmazonClient),
    WooCommerce(WooClient),
}

/// One store connection.
#[derive(Clone)]
pub struct Connection {
    /// The keyring account and checkpoint key ("shopify/northwind.myshopify.com").
    pub key: String,
    pub platform: Platform,
    pub client: OrderClient,
}

impl Connection {
    pub fn label(&self) -> String {
        match &self.client {
            OrderClient::Shopify(c) => c.name(),
            OrderClient::Amazon(c) => c.name(),
            OrderClient::WooCommerce(c) => c.name(),
        }
    }

    pub fn http(&self) -> &Http {
        match &self.client {
            OrderClient::Shopify(c) => c.http(),
            OrderClient::Amazon(c) => c.http(),
            OrderClient::WooCommerce(c) => c.http(),
        }
    }

    pub async fn check(&self) -> Result<()> {
        match &self.client {
            OrderClient::Shopify(c) => c.check().await,
            OrderClient::Amazon(c) => c.check().await,
            OrderClient::WooCommerce(c) => c.check().await,
        }
    }

    /// One page of orders updated at or after `since`, oldest update first.
    pub async fn orders_page(&self, since: Option<jiff::Timestamp>, cursor: Option<&str>) -> Result<Page<RemoteOrder>> {
        match &self.client {
            OrderClient::Shopify(c) => c.orders_updated_since(since, cursor, 50).await,
            OrderClient::Amazon(c) => c.orders_updated_since(since, cursor).await,
            OrderClient::WooCommerce(c) => c.orders_modified_since(since, cursor, 100).await,
        }
    }

    /// One order by the platform's id, fetched now.
    pub async fn order(&self, external_id: &str) -> Result<Option<RemoteOrder>> {
        match &self.client {
            OrderClient::Shopify(c) => c.order(external_id).await,
            OrderClient::Amazon(c) => c.order(external_id).await,
            OrderClient::WooCommerce(c) => c.order(external_id).await,
        }
    }

    pub async fn write(&self, action: &WriteAction, key: &str) -> Result<WriteOutcome> {
        match &self.client {
            OrderClient::Shopify(c) => c.write(action, key).await,
            OrderClient::Amazon(c) => c.write(action, key).await,
            OrderClient::WooCommerce(c) => c.write(action, key).await,
        }
    }
}

#[derive(Clone)]
pub struct Connections {
    pub config: Config,
    pub stores: Vec<Connection>,
    pub track17: Option<Track17Client>,
    pub aftership: Option<AfterShipClient>,
    /// Where replies leave.
    pub smtp: Option<meridian_connectors::smtp::SmtpClient>,
}

impl Connections {
    /// Builds every configured client; fails on the first connection without credentials.
    pub fn new(config: &Config, secrets: &dyn CredentialSource) -> std::result::Result<Connections, SecretError> {
        let opts = config.http.options();
        let mut stores = Vec::new();
        for c in &config.shopify {
            let key = c.account();
            stores.push(Connection { client: OrderClient::Shopify(ShopifyClient::new(c, load(secrets, &key)?, opts.clone())), key, platform: Platform::Shopify });
        }
        for c in &config.amazon {
            let key = c.account();
            stores.push(Connection { client: OrderClient::Amazon(AmazonClient::new(c, load(secrets, &key)?, opts.clone())), key, platform: Platform::Amazon });
        }
        for c in &config.woocommerce {
            let key = c.account();
            stores.push(Connection { client: OrderClient::WooCommerce(WooClient::new(c, load(secrets, &key)?, opts.clone())), key, platform: Platform::WooCommerce });
        }
        let track17 = match &config.track17 {
            Some(c) => Some(Track17Client::new(c, load(secrets, &c.account())?, opts.clone())),
            None => None,
        };
        let aftership = match &config.aftership {
            Some(c) => Some(AfterShipClient::new(c, load(secrets, &c.account())?, opts.clone())),
            None => None,
        };
        let smtp = match &config.smtp {
            Some(c) => Some(
                meridian_connectors::smtp::SmtpClient::new(c, Some(load(secrets, &c.account())?), opts.timeout)
                    .map_err(|e| SecretError::Corrupt { account: format!("{} ({e})", c.account()) })?,
            ),
            None => None,
        };
        Ok(Connections { config: config.clone(), stores, track17, aftership, smtp })
    }

    /// Every client's HTTP counters, summed: (requests, throttled, retries).
    pub fn totals(&self) -> (u64, u64, u64) {
        let mut https: Vec<&Http> = self.stores.iter().map(Connection::http).collect();
        https.extend(self.track17.as_ref().map(|c| c.http()));
        https.extend(self.aftership.as_ref().map(|c| c.http()));
        https.iter().map(|h| h.stats().snapshot()).fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
    }

    /// (health key, label) of every connection and tracking service.
    pub fn keys_and_labels(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self.stores.iter().map(|c| (c.key.clone(), c.label())).collect();
        out.extend(self.track17.iter().map(|c| ("17track".to_owned(), c.name())));
        out.extend(self.aftership.iter().map(|c| ("aftership".to_owned(), c.name())));
        out
    }

    pub fn of_platform(&self, platform: Platform) -> impl Iterator<Item = &Connection> {
        self.stores.iter().filter(move |c| c.platform == platform)
    }
}

//! The sandbox's world and everything the simulators remember (notes, returns,
//! registrations, webhook subscriptions), behind one lock that is never held across an await.

use meridian_connectors::config::*;
use meridian_connectors::{Config, Secret};
use meridian_core::Platform;
use meridian_demo::{Assets, DemoSpec, World};
use std::sync::{Arc, Mutex, MutexGuard};

pub type Shared = Arc<Inner>;

pub struct Inner {
    state: Mutex<SimState>,
}

impl Inner {
    pub fn lock(&self) -> MutexGuard<'_, SimState> {
        // A panicking handler must not take the whole sandbox down with a poisoned lock.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The credentials the sandbox accepts; deterministic per seed so configs can be rebuilt.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub shopify: ShopifyCredentials,
    pub amazon: AmazonCredentials,
    pub woocommerce: WooCredentials,
    pub track17: Track17Credentials,
    pub aftership: AfterShipCredentials,
    pub smtp: SmtpCredentials,
}

impl Credentials {
    fn for_seed(seed: u64) -> Credentials {
        let s = |prefix: &str, what: &str| Secret::new(format!("{prefix}{what}{seed:016x}"));
        Credentials {
            shopify: ShopifyCredentials { access_token: s("shpat_", "sandbox"), webhook_secret: s("", "shopify-client-secret-") },
            amazon: AmazonCredentials {
                client_id: format!("amzn1.application-oa2-client.sandbox{seed:x}"),
                client_secret: s("amzn1.oa2-cs.v1.", "sandbox"),
                refresh_token: s("Atzr|", "sandbox-refresh-"),
            },
            woocommerce: WooCredentials { consumer_key: s("ck_", "sandbox"), consumer_secret: s("cs_", "sandbox"), webhook_secret: s("", "woo-webhook-") },
            track17: Track17Credentials { key: s("", "17track-key-") },
            aftership: AfterShipCredentials { api_key: s("asat_", "sandbox"), webhook_secret: s("", "aftership-webhook-") },
            smtp: SmtpCredentials { username: "support@northwind.example".into(), password: s("", "smtp-") },
        }
    }
}

/// Where a webhook goes: one subscription per API (Shopify topics are all sent to it).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Subscription {
    /// "shopify", "woocommerce", "17track", "aftership".
    pub api: String,
    pub url: String,
}

pub struct SimState {
    /// `http://127.0.0.1:PORT`, known once the listener is bound.
    pub base_url: String,
    /// The SMTP server's port (same address as `base_url`).
    pub smtp_port: u16,
    /// Mail the SMTP server accepted, in order (every copy).
    pub mail: Vec<crate::mail::ReceivedMail>,
    pub world: World,
    pub now: jiff::Timestamp,
    pub seed: u64,
    pub credentials: Credentials,
    pub faults: crate::faults::Faults,
    pub subscriptions: Vec<Subscription>,
    /// Webhooks the sandbox has sent (api, topic, delivered?), for tests and the summary.
    pub deliveries: Vec<(String, String, bool)>,
    pub shopify: crate::shopify::ShopifyState,
    pub amazon: crate::amazon::AmazonState,
    pub woocommerce: crate::woocommerce::WooState,
    pub track17: crate::track17::Track17State,
    pub aftership: crate::aftership::AfterShipState,
}

impl SimState {
    pub fn build(opts: &crate::Options) -> Shared {
        let assets = Assets::load().expect("the demo phrase books are compiled in");
        let spec = DemoSpec {
            seed: opts.seed,
            customers: (opts.orders * 2 / 5).max(20),
            orders: opts.orders,
            conversations: 0,
            messages_per_conversation: None,
            now: opts.now,
        };
        let world = meridian_demo::generate(&spec, &assets);
        let state = SimState {
            base_url: String::new(),
            smtp_port: 0,
            mail: Vec::new(),
            now: opts.now,
            seed: opts.seed,
            credentials: Credentials::for_seed(opts.seed),
            faults: crate::faults::Faults::new(opts.faults, opts.seed),
            subscriptions: Vec::new(),
            deliveries: Vec::new(),
            shopify: crate::shopify::ShopifyState { plan: crate::shopify::plan_bucket(&opts.shopify_plan), ..Default::default() },
            amazon: Default::default(),
            woocommerce: Default::default(),
            track17: Default::default(),
            aftership: Default::default(),
            world,
        };
        Arc::new(Inner { state: Mutex::new(state) })
    }

    /// Positions (in `world.orders`) of the orders of one platform.
    pub fn orders_of(&self, platform: Platform) -> impl Iterator<Item = usize> + '_ {
        self.world.orders.iter().enumerate().filter(move |(_, o)| o.platform == platform).map(|(i, _)| i)
    }

    /// Positions of the stores of one platform.
    pub fn stores_of(&self, platform: Platform) -> impl Iterator<Item = usize> + '_ {
        self.world.stores.iter().enumerate().filter(move |(_, s)| s.platform == platform).map(|(i, _)| i)
    }

    /// The connector config for this sandbox: every base URL points here.
    pub fn config(&self) -> Config {
        let base = &self.base_url;
        let shopify = self
            .stores_of(Platform::Shopify)
            .map(|i| ShopifyConfig { shop: self.world.stores[i].domain.clone(), endpoint: Some(format!("{base}/shopify")), api_version: "2025-10".into() })
            .collect();
        let marketplaces: Vec<String> = self.stores_of(Platform::Amazon).map(|i| self.world.stores[i].domain.clone()).collect();
        let amazon = if marketplaces.is_empty() {
            vec![]
        } else {
            vec![AmazonConfig {
                region: "na".into(),
                marketplace_ids: marketplaces,
                endpoint: Some(format!("{base}/amazon")),
                lwa_endpoint: Some(format!("{base}/lwa/auth/o2/token")),
            }]
        };
        let woocommerce = self
            .stores_of(Platform::WooCommerce)
            .map(|i| WooConfig { site: format!("{base}/woocommerce"), domain: Some(self.world.stores[i].domain.clone()) })
            .collect();
        Config {
            http: HttpConfig::default(),
            shopify,
            amazon,
            woocommerce,
            track17: Some(Track17Config { endpoint: Some(format!("{base}/17track")) }),
            aftership: Some(AfterShipConfig { endpoint: Some(format!("{base}/aftership")), api_version: "2025-07".into() }),
            sandbox_admin: Some(format!("{base}/_sandbox")),
            smtp: Some(SmtpConfig {
                host: base.trim_start_matches("http://").rsplit_once(':').map(|(h, _)| h.to_owned()).unwrap_or_else(|| "127.0.0.1".into()),
                port: self.smtp_port,
                security: "none".into(),
                from: "support@northwind.example".into(),
            }),
        }
    }
}

impl SimState {
    /// The time a change made now carries: real time, but never before the world's "now",
    /// so that updated-since cursors see it.
    pub fn change_time(&self) -> jiff::Timestamp {
        jiff::Timestamp::now().max(self.now + jiff::SignedDuration::from_secs(1))
    }

    /// An order by the number the customer sees ("1047", "#1047", "114-…", "W1203").
    pub fn order_position(&self, number: &str) -> Option<usize> {
        let n = number.trim().trim_start_matches('#');
        self.world.orders.iter().position(|o| o.number == n || o.external_id == n)
    }

    pub fn shipment_position(&self, tracking: &str) -> Option<usize> {
        let t = meridian_core::tracking::normalize(tracking);
        self.world.shipments.iter().position(|s| s.tracking_number == t)
    }

    /// Ships an order: a new UPU S10 parcel from the store's warehouse with its first scan.
    /// Returns the parcel's position.
    pub fn fulfil(&mut self, order: usize) -> usize {
        use meridian_core::{CarrierEvent, FulfillmentStatus, Shipment, ShipmentStatus};
        let at = self.change_time();
        let serial = 10_000_000 + (self.world.shipments.len() as u32 * 7_919 + order as u32) % 89_999_999;
        let digits: Vec<u32> = serial.to_string().chars().filter_map(|c| c.to_digit(10)).collect();
        let check = meridian_core::tracking::s10_check(&digits);
        let tracking_number = format!("LX{serial}{check}ES");
        let o = &mut self.world.orders[order];
        o.fulfillment_status = FulfillmentStatus::Fulfilled;
        o.updated_at = at;
        let store_tz = self.world.stores[o.store_id as usize].time_zone.clone();
        self.world.shipments.push(Shipment {
            id: self.world.shipments.len() as i64,
            order_id: order as i64,
            carrier: meridian_core::tracking::identify(&tracking_number).map(|t| t.carrier).unwrap_or(meridian_core::Carrier::Post),
            tracking_number,
            status: ShipmentStatus::InfoReceived,
            shipped_at: Some(at),
            promised_by: None,
            expected_at: Some(at + jiff::SignedDuration::from_hours(96)),
            delivered_at: None,
            events: vec![CarrierEvent {
                at,
                time_zone: Some(store_tz),
                place: "Madrid, ES".into(),
                country: Some("ES".into()),
                status: ShipmentStatus::InfoReceived,
                description: "Shipment information received".into(),
            }],
            source: "sandbox".into(),
            fresh_at: at,
        });
        self.world.shipments.len() - 1
    }

    /// Moves a parcel one step: info received → in transit → out for delivery → delivered.
    pub fn advance(&mut self, k: usize) -> Result<(), String> {
        use meridian_core::{CarrierEvent, ShipmentStatus as S};
        let at = self.change_time();
        let s = &mut self.world.shipments[k];
        let (next, place, country, zone, what) = match s.status {
            S::Pending | S::InfoReceived => (S::InTransit, "Madrid, ES", "ES", "Europe/Madrid", "Departed from sorting centre"),
            S::InTransit | S::Customs | S::Exception => (S::OutForDelivery, "Local delivery office", "", "", "Out for delivery"),
            S::OutForDelivery | S::FailedAttempt | S::AvailableForPickup => (S::Delivered, "Local delivery office", "", "", "Delivered"),
            S::Delivered | S::Returned | S::Expired => return Err(format!("parcel {} is {} and does not move any more", s.tracking_number, s.status.as_str())),
        };
        let dest = self.world.orders[s.order_id as usize].shipping_address.as_ref().map(|a| (a.city.clone(), a.country.clone()));
        let (place, country) = match (country, dest) {
            ("", Some((city, c))) => (format!("{city}, {c}"), Some(c)),
            (c, _) => (place.to_owned(), Some(c.to_owned()).filter(|c| !c.is_empty())),
        };
        s.events.insert(0, CarrierEvent { at, time_zone: Some(zone.to_owned()).filter(|z| !z.is_empty()), place, country, status: next, description: what.into() });
        s.status = next;
        if next == S::Delivered {
            s.delivered_at = Some(at);
        }
        s.fresh_at = at;
        let order = s.order_id as usize;
        self.world.orders[order].updated_at = at;
        Ok(())
    }

    /// What the sandbox serves, per platform, for the startup line and `/_sandbox/totals`.
    pub fn totals(&self) -> serde_json::Value {
        let mut per = serde_json::Map::new();
        for p in [Platform::Shopify, Platform::Amazon, Platform::WooCommerce] {
            let orders: Vec<usize> = self.orders_of(p).collect();
            let mut customers: Vec<i64> = orders.iter().filter_map(|&i| self.world.orders[i].customer_id).collect();
            customers.sort_unstable();
            customers.dedup();
            let shipments = self.world.shipments.iter().filter(|s| self.world.orders[s.order_id as usize].platform == p).count();
            per.insert(p.as_str().into(), serde_json::json!({ "orders": orders.len(), "customers": customers.len(), "shipments": shipments }));
        }
        serde_json::json!({
            "orders": self.world.orders.len(),
            "customers": self.world.customers.len(),
            "shipments": self.world.shipments.len(),
            "platforms": per,
            "faults_injected": self.faults.injected.len(),
            "webhooks_delivered": self.deliveries.iter().filter(|d| d.2).count(),
        })
    }
}

//! Backfill, then follow. Each order stream runs in passes over "updated at or after the
//! watermark", oldest first; every page is stored in one transaction together with its
//! checkpoint (the next cursor and the newest update seen), so a sync killed at any point
//! resumes at the page it had not stored, and a page stored twice changes nothing (upserts
//! keyed by the platform's ids). Parcels are refreshed from the tracking services.

use crate::connections::{Connection, Connections, OrderClient};
use meridian_connectors::model::{tracking_service_for, TrackingService};
use meridian_connectors::{ConnectorError, RemoteOrder, TrackingUpdate};
use meridian_core::{Customer, Platform, Shipment, ShipmentStatus};
use meridian_store::{new_store_front, Checkpoint, Store, StoreError, Writer};
use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

/// Tracking services take at most 40 numbers per call.
const TRACK_BATCH: usize = 40;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Connector(#[from] ConnectorError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Something the app may be showing changed.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub enum Change {
    Order { order_id: i64 },
    /// A reply of this conversation moved in the outbox (sent, failed).
    Conversation { conversation_id: i64 },
    Health,
}

/// What one run did, for `meridian sync`'s JSON line and the benchmark.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Summary {
    /// Per platform: orders, customers (linked or new) and shipments stored by this run.
    pub platforms: BTreeMap<String, Counts>,
    /// Parcels reported by a tracking service for which no order is known (kept for later).
    pub unlinked_parcels: u64,
    /// Conversations that found their order by a number the customer wrote.
    pub linked_conversations: u64,
    pub requests: u64,
    pub throttled: u64,
    pub retries: u64,
    pub seconds: f64,
    /// One line per connector that failed, naming it and the operation.
    pub errors: Vec<String>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Counts {
    pub orders: u64,
    pub customers: u64,
    pub shipments: u64,
}

pub struct Syncer {
    pub store: Store,
    pub conns: Connections,
    changes: tokio::sync::broadcast::Sender<Change>,
}

impl Syncer {
    pub fn new(store: Store, conns: Connections) -> Syncer {
        Syncer { store, conns, changes: tokio::sync::broadcast::channel(256).0 }
    }

    /// Changes as they are stored (webhooks, passes, refreshes), for live panes.
    pub fn subscribe(&self) -> tokio::sync::broadcast::Receiver<Change> {
        self.changes.subscribe()
    }

    pub(crate) fn announce(&self, change: Change) {
        let _ = self.changes.send(change);
    }

    /// One full pass over every connection: orders (to the end of the listing), Amazon items,
    /// then parcels. A failing connector is recorded in its health and the summary; the
    /// others go on.
    pub async fn run_once(&self) -> Summary {
        let started = Instant::now();
        let mut summary = Summary::default();
        for conn in &self.conns.stores {
            let result = self.orders_pass(conn, &mut summary).await;
            let result = match result {
                Ok(()) if conn.platform == Platform::Amazon => self.amazon_items(conn).await,
                other => other,
            };
            self.record(&conn.key, &conn.label(), result.as_ref().err(), &mut summary).await;
        }
        self.tracking_pass(&mut summary).await;
        match self.link_conversations().await {
            Ok(n) => summary.linked_conversations = n,
            Err(e) => summary.errors.push(format!("linking conversations to orders: {e}")),
        }
        let (requests, throttled, retries) = self.conns.totals();
        summary.requests = requests;
        summary.throttled = throttled;
        summary.retries = retries;
        summary.seconds = started.elapsed().as_secs_f64();
        summary
    }

    async fn record(&self, key: &str, label: &str, error: Option<&SyncError>, summary: &mut Summary) {
        let message = error.map(|e| e.to_string());
        if let Some(m) = &message {
            tracing::warn!(connector = key, "{m}");
            summary.errors.push(m.clone());
        }
        let now = jiff::Timestamp::now();
        let saved = async {
            let mut w = self.store.writer().await?;
            w.record_health(key, label, message.as_deref(), now).await?;
            w.commit().await
        }
        .await;
        if let Err(e) = saved {
            summary.errors.push(format!("{label}: saving its health: {e}"));
        }
        self.announce(Change::Health);
    }

    async fn orders_pass(&self, conn: &Connection, summary: &mut Summary) -> Result<(), SyncError> {
        let mut cp = self.store.checkpoint(&conn.key, "orders").await?;
        if cp.cursor.is_none() {
            cp.pass_since = cp.since;
            cp.pass_max = cp.since;
        }
        loop {
            let page = conn.orders_page(cp.pass_since, cp.cursor.as_deref()).await?;
            let mut w = self.store.writer().await?;
            let mut stores = HashMap::new();
            for remote in &page.items {
                let (_, new_customer) = apply_order(&mut w, conn.platform, remote, &mut stores).await?;
                let counts = summary.platforms.entry(conn.platform.as_str().into()).or_default();
                counts.orders += 1;
                counts.customers += u64::from(new_customer);
                counts.shipments += remote.parcels.len() as u64;
                cp.pass_max = cp.pass_max.max(Some(remote.order.updated_at));
            }
            cp.cursor = page.next.clone();
            if cp.cursor.is_none() {
                // The pass is over: the next one starts from the newest update it saw.
                cp = Checkpoint { since: cp.pass_max, connector: cp.connector, stream: cp.stream, ..Checkpoint::default() };
            }
            w.save_checkpoint(&cp, jiff::Timestamp::now()).await?;
            w.commit().await?;
            if cp.cursor.is_none() {
                return Ok(());
            }
        }
    }

    /// Amazon lists orders without items; fetch them (paced by the client to the usage plan).
    async fn amazon_items(&self, conn: &Connection) -> Result<(), SyncError> {
        let OrderClient::Amazon(client) = &conn.client else { return Ok(()) };
        for id in self.store.orders_without_lines(Platform::Amazon).await? {
            let lines = client.order_items(&id).await?;
            if lines.is_empty() {
                continue;
            }
            let mut w = self.store.writer().await?;
            let order = w.set_order_lines(Platform::Amazon, &id, &lines).await?;
            w.commit().await?;
            if let Some(order_id) = order {
                self.announce(Change::Order { order_id });
            }
        }
        Ok(())
    }

    /// Refreshes every parcel still moving (and every parcel no service has reported on),
    /// registering with the service those it does not know, and stores what comes back.
    async fn tracking_pass(&self, summary: &mut Summary) {
        if let Some(t17) = &self.conns.track17 {
            let result = self.track17_pass(t17, summary).await;
            self.record("17track", &t17.name(), result.as_ref().err(), summary).await;
        }
        if let Some(after) = &self.conns.aftership {
            let result = self.aftership_pass(after, summary).await;
            self.record("aftership", &after.name(), result.as_ref().err(), summary).await;
        }
    }

    fn service_enabled(&self, service: TrackingService) -> bool {
        // With one service configured it follows every parcel; with both, each its own.
        match (self.conns.track17.is_some(), self.conns.aftership.is_some()) {
            (true, true) => true,
            (true, false) => service == TrackingService::Track17,
            (false, true) => service == TrackingService::AfterShip,
            (false, false) => false,
        }
    }

    fn follows(&self, service: TrackingService, carrier: meridian_core::Carrier) -> bool {
        let both = self.conns.track17.is_some() && self.conns.aftership.is_some();
        self.service_enabled(service) && (!both || tracking_service_for(carrier) == service)
    }

    async fn track17_pass(&self, client: &meridian_connectors::track17::Track17Client, summary: &mut Summary) -> Result<(), SyncError> {
        // Numbers the store's shipping tool registered, with the order they belong to.
        let mut listed: BTreeMap<String, Option<String>> = BTreeMap::new();
        let mut page = None;
        loop {
            let p = client.list(page.as_deref()).await?;
            listed.extend(p.items);
            match p.next {
                Some(n) => page = Some(n),
                None => break,
            }
        }
        let mut wanted: BTreeMap<String, (meridian_core::Carrier, Option<String>)> = BTreeMap::new();
        for (number, tag) in &listed {
            let carrier = meridian_core::tracking::identify(number).map(|t| t.carrier).unwrap_or(meridian_core::Carrier::Other);
            if self.follows(TrackingService::Track17, carrier) {
                wanted.insert(number.clone(), (carrier, tag.clone()));
            }
        }
        let mut to_register = Vec::new();
        for p in self.store.parcels_to_track().await? {
            if !self.follows(TrackingService::Track17, p.carrier) {
                continue;
            }
            if !listed.contains_key(&p.tracking_number) {
                to_register.push((p.carrier, p.tracking_number.clone(), p.order_number.clone()));
            }
            wanted.insert(p.tracking_number, (p.carrier, Some(p.order_number)));
        }
        for batch in to_register.chunks(TRACK_BATCH) {
            for (number, why) in client.register(batch).await? {
                summary.errors.push(format!("17TRACK: register {number}: {why}"));
            }
        }
        let numbers: Vec<(meridian_core::Carrier, String)> = wanted.iter().map(|(n, (c, _))| (*c, n.clone())).collect();
        for batch in numbers.chunks(TRACK_BATCH) {
            let updates = client.track(batch).await?;
            self.store_tracking(updates, &wanted, summary).await?;
        }
        Ok(())
    }

    async fn aftership_pass(&self, client: &meridian_connectors::aftership::AfterShipClient, summary: &mut Summary) -> Result<(), SyncError> {
        let mut known: BTreeMap<String, (meridian_core::Carrier, Option<String>)> = BTreeMap::new();
        let mut cursor = None;
        loop {
            let p = client.list(cursor.as_deref()).await?;
            let updates: Vec<TrackingUpdate> = p.items.into_iter().filter(|u| self.follows(TrackingService::AfterShip, u.shipment.carrier)).collect();
            for u in &updates {
                known.insert(u.shipment.tracking_number.clone(), (u.shipment.carrier, u.tag.clone()));
            }
            self.store_tracking(updates, &known, summary).await?;
            match p.next {
                Some(n) => cursor = Some(n),
                None => break,
            }
        }
        let mut to_register = Vec::new();
        for p in self.store.parcels_to_track().await? {
            if self.follows(TrackingService::AfterShip, p.carrier) && !known.contains_key(&p.tracking_number) {
                to_register.push((p.carrier, p.tracking_number.clone(), p.order_number.clone()));
                known.insert(p.tracking_number, (p.carrier, Some(p.order_number)));
            }
        }
        for batch in to_register.chunks(TRACK_BATCH) {
            for (number, why) in client.register(batch).await? {
                summary.errors.push(format!("AfterShip: register {number}: {why}"));
            }
            let numbers: Vec<_> = batch.iter().map(|(c, n, _)| (*c, n.clone())).collect();
            let updates = client.track(&numbers).await?;
            self.store_tracking(updates, &known, summary).await?;
        }
        Ok(())
    }

    /// Stores tracking updates in one transaction, linking each to its order by the existing
    /// parcel or by the tag (the order's number) the service echoes.
    async fn store_tracking(
        &self,
        updates: Vec<TrackingUpdate>,
        tags: &BTreeMap<String, (meridian_core::Carrier, Option<String>)>,
        summary: &mut Summary,
    ) -> Result<(), SyncError> {
        let mut w = self.store.writer().await?;
        let mut changed = Vec::new();
        for u in updates {
            let tag = u.tag.clone().or_else(|| tags.get(&u.shipment.tracking_number).and_then(|t| t.1.clone()));
            match apply_tracking(&mut w, &u, tag.as_deref()).await? {
                Some((order_id, platform)) => {
                    summary.platforms.entry(platform).or_default().shipments += 1;
                    changed.push(order_id);
                }
                None => summary.unlinked_parcels += 1,
            }
        }
        w.commit().await?;
        for order_id in changed {
            self.announce(Change::Order { order_id });
        }
        Ok(())
    }

    /// Conversations without an order find it by the order numbers their customer wrote
    /// ("#1047", "pedido 5521", "114-3941689-8772232"), now that the orders are stored.
    pub async fn link_conversations(&self) -> Result<u64, SyncError> {
        let mut linked = 0;
        for (conversation_id, text) in self.store.unlinked_conversations(500).await? {
            for number in meridian_assist::entities::extract(&text, None).order_numbers {
                if let Some(order_id) = self.store.link_conversation_to_order(conversation_id, &number).await? {
                    linked += 1;
                    self.announce(Change::Order { order_id });
                    break;
                }
            }
        }
        Ok(linked)
    }

    /// Fetches one order now (the pane's refresh button, or a webhook) and stores it.
    pub async fn refresh_order(&self, order_id: i64) -> Result<bool, SyncError> {
        let Some((platform, domain, external_id)) = self.store.order_origin(order_id).await? else { return Ok(false) };
        let Some(conn) = self.connection_for(platform, &domain) else { return Ok(false) };
        self.fetch_and_store(conn, &external_id).await
    }

    pub(crate) fn connection_for(&self, platform: Platform, domain: &str) -> Option<&Connection> {
        let all: Vec<&Connection> = self.conns.of_platform(platform).collect();
        all.iter().copied().find(|c| c.key.ends_with(domain)).or_else(|| all.first().copied())
    }

    pub(crate) async fn fetch_and_store(&self, conn: &Connection, external_id: &str) -> Result<bool, SyncError> {
        let Some(remote) = conn.order(external_id).await? else { return Ok(false) };
        let mut w = self.store.writer().await?;
        let (order_id, _) = apply_order(&mut w, conn.platform, &remote, &mut HashMap::new()).await?;
        w.commit().await?;
        self.announce(Change::Order { order_id });
        Ok(true)
    }

    pub(crate) async fn store_update(&self, update: TrackingUpdate) -> Result<(), SyncError> {
        let mut w = self.store.writer().await?;
        let tag = update.tag.clone();
        let linked = apply_tracking(&mut w, &update, tag.as_deref()).await?;
        w.commit().await?;
        if let Some((order_id, _)) = linked {
            self.announce(Change::Order { order_id });
        }
        Ok(())
    }
}

/// Stores one platform order with its store front, customer and parcels. Returns the
/// order's id and whether its customer was new to the store.
async fn apply_order(w: &mut Writer, platform: Platform, remote: &RemoteOrder, stores: &mut HashMap<String, i64>) -> Result<(i64, bool), SyncError> {
    let o = &remote.order;
    let store_id = match stores.get(&remote.store_domain) {
        Some(id) => *id,
        None => {
            let country = o.shipping_address.as_ref().map(|a| a.country.as_str()).unwrap_or("");
            let id = w.upsert_store_front(&new_store_front(platform, &remote.store_domain, country, &o.total.currency)).await?;
            stores.insert(remote.store_domain.clone(), id);
            id
        }
    };
    let mut new_customer = false;
    let customer_id = match &remote.customer {
        Some(c) if !c.identities.is_empty() => {
            let customer = customer_of(c, o);
            let before = w.customer_by_identities(&customer.identities).await?;
            new_customer = before.is_none();
            Some(match before {
                Some(id) => w.link_customer_to(id, &customer.identities).await?,
                None => w.link_customer(&customer).await?,
            })
        }
        _ => None,
    };
    let order = meridian_core::Order { store_id, customer_id, ..o.clone() };
    let order_id = w.upsert_order(&order).await?;
    for p in &remote.parcels {
        let parcel = Shipment {
            id: 0,
            order_id,
            carrier: p.carrier,
            tracking_number: p.tracking_number.clone(),
            status: ShipmentStatus::InfoReceived,
            shipped_at: p.shipped_at,
            promised_by: None,
            expected_at: None,
            delivered_at: None,
            events: Vec::new(),
            source: o.source.clone(),
            fresh_at: o.fresh_at,
        };
        w.link_parcel(order_id, &parcel).await?;
    }
    Ok((order_id, new_customer))
}

/// The customer record for a platform buyer: language and time zone guessed from where
/// they live until the agent or their messages say otherwise.
fn customer_of(c: &meridian_connectors::RemoteCustomer, o: &meridian_core::Order) -> Customer {
    let zone = o
        .shipping_address
        .as_ref()
        .and_then(|a| meridian_schedule::zone::infer(&meridian_schedule::zone::ZoneHints::from_address(a)).ok().flatten());
    Customer {
        id: 0,
        name: c.name.clone(),
        country: c.country.clone(),
        language: language_of_country(&c.country).into(),
        time_zone: zone.as_ref().map(|z| z.time_zone.clone()),
        time_zone_source: zone.as_ref().map(|z| z.source.as_str().to_owned()),
        identities: c.identities.clone(),
        created_at: o.created_at,
    }
}

/// The language most customers of a country write in (a default, not a rule).
fn language_of_country(country: &str) -> &'static str {
    match country {
        "ES" | "MX" | "AR" | "CO" | "CL" | "PE" => "es",
        "FR" | "BE" | "LU" | "MC" => "fr",
        "DE" | "AT" | "CH" | "LI" => "de",
        "IT" | "SM" => "it",
        "PT" | "BR" | "AO" => "pt",
        "NL" => "nl",
        "PL" => "pl",
        "JP" => "ja",
        "CN" | "TW" | "HK" | "SG" => "zh",
        "KR" => "ko",
        "SA" | "AE" | "EG" | "QA" | "KW" | "BH" | "OM" | "JO" | "MA" => "ar",
        _ => "en",
    }
}

/// Stores a tracking update; returns the order and its platform, or None when no order is
/// known for it yet.
async fn apply_tracking(w: &mut Writer, u: &TrackingUpdate, tag: Option<&str>) -> Result<Option<(i64, String)>, SyncError> {
    let order_id = match tag {
        Some(t) => w.order_id_by_reference(t).await?.unwrap_or(0),
        None => 0,
    };
    let shipment = Shipment { id: 0, order_id, ..u.shipment.clone() };
    let Some(id) = w.upsert_shipment(&shipment).await? else { return Ok(None) };
    Ok(w.shipment_order(id).await?)
}

//! What the sync writes and reads: upserts keyed by the platforms' own ids (so a record
//! fetched twice is stored once), customer linking by identity, checkpoints and connector
//! health. Each runs inside a `Writer`, so a page and its checkpoint land together.

use crate::error::Doing;
use crate::{ms, ts, Result, Store, Writer};
use meridian_core::{Customer, Identity, Order, Platform, Shipment, StoreFront};
use sqlx::Row;

/// Where a connector's stream stopped (see migration 0004).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Checkpoint {
    pub connector: String,
    pub stream: String,
    /// The watermark the next pass starts from (updated at or after).
    pub since: Option<jiff::Timestamp>,
    /// Inside a pass: the next page's cursor, the pass's watermark, the newest update seen.
    pub cursor: Option<String>,
    pub pass_since: Option<jiff::Timestamp>,
    pub pass_max: Option<jiff::Timestamp>,
}

/// A connector's health as the status bar shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ConnectorHealth {
    pub connector: String,
    pub label: String,
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub last_success: Option<jiff::Timestamp>,
    pub last_error: Option<String>,
    /// When the current run of errors began (None when the last attempt succeeded).
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub error_since: Option<jiff::Timestamp>,
}

fn opt_ts(v: Option<i64>) -> Result<Option<jiff::Timestamp>> {
    v.map(ts).transpose()
}

impl Writer {
    /// The store front's id by (platform, domain), adding it when new.
    pub async fn upsert_store_front(&mut self, s: &StoreFront) -> Result<i64> {
        let found = sqlx::query("SELECT id FROM stores WHERE platform = $1 AND domain = $2")
            .bind(s.platform.as_str())
            .bind(&s.domain)
            .fetch_optional(&mut *self.tx)
            .await
            .doing("finding a store")?;
        match found {
            Some(row) => row.try_get(0).doing("finding a store"),
            None => self.insert_store(s).await,
        }
    }

    /// The customer any of these identities belongs to, adding the identities they lack; a
    /// new customer when none matches. An identity already held by another customer stays
    /// theirs: customers are never merged behind the agent's back.
    pub async fn link_customer(&mut self, c: &Customer) -> Result<i64> {
        match self.customer_by_identities(&c.identities).await? {
            Some(id) => self.link_customer_to(id, &c.identities).await,
            None => self.insert_customer(c).await,
        }
    }

    /// The customer the first of these identities that is known belongs to.
    pub async fn customer_by_identities(&mut self, identities: &[Identity]) -> Result<Option<i64>> {
        for identity in identities {
            let row = sqlx::query("SELECT customer_id FROM customer_identities WHERE kind = $1 AND value = $2")
                .bind(identity.kind.as_str())
                .bind(&identity.value)
                .fetch_optional(&mut *self.tx)
                .await
                .doing("finding a customer by identity")?;
            if let Some(row) = row {
                return row.try_get(0).map(Some).doing("finding a customer by identity");
            }
        }
        Ok(None)
    }

    /// Gives customer `id` the identities nobody holds yet; returns `id`.
    pub async fn link_customer_to(&mut self, id: i64, identities: &[Identity]) -> Result<i64> {
        for identity in identities {
            self.add_identity(id, identity).await?;
        }
        Ok(id)
    }

    /// The order a parcel belongs to and that order's platform.
    pub async fn shipment_order(&mut self, shipment_id: i64) -> Result<Option<(i64, String)>> {
        let row = sqlx::query("SELECT o.id, o.platform FROM shipments sh JOIN orders o ON o.id = sh.order_id WHERE sh.id = $1")
            .bind(shipment_id)
            .fetch_optional(&mut *self.tx)
            .await
            .doing("finding a parcel's order")?;
        row.map(|r| Ok((r.try_get(0).doing("finding a parcel's order")?, r.try_get(1).doing("finding a parcel's order")?))).transpose()
    }

    async fn add_identity(&mut self, customer_id: i64, identity: &Identity) -> Result<()> {
        sqlx::query("INSERT INTO customer_identities (customer_id, kind, value) VALUES ($1, $2, $3) ON CONFLICT (kind, value) DO NOTHING")
            .bind(customer_id)
            .bind(identity.kind.as_str())
            .bind(&identity.value)
            .execute(&mut *self.tx)
            .await
            .doing("adding a customer identity")?;
        Ok(())
    }

    /// Inserts or updates an order by (store, external id), unless the stored copy is newer.
    /// Lines are replaced when the platform sent them (Amazon's order listing has none:
    /// existing lines are kept).
    pub async fn upsert_order(&mut self, o: &Order) -> Result<i64> {
        let existing = sqlx::query("SELECT id, customer_id, updated_at FROM orders WHERE store_id = $1 AND external_id = $2")
            .bind(o.store_id)
            .bind(&o.external_id)
            .fetch_optional(&mut *self.tx)
            .await
            .doing("finding an order")?;
        let Some(row) = existing else { return self.insert_order(o).await };
        let id: i64 = row.try_get(0).doing("finding an order")?;
        let customer: Option<i64> = row.try_get(1).doing("finding an order")?;
        let stored_update: i64 = row.try_get(2).doing("finding an order")?;
        if stored_update > ms(o.updated_at) {
            // An older copy arriving late (a page fetched before a webhook's refetch, or
            // webhooks out of order) must not undo a newer one.
            return Ok(id);
        }
        // The same 27 columns as the insert; the customer link is kept when none came with it.
        let merged = Order { customer_id: o.customer_id.or(customer), ..o.clone() };
        let query = sqlx::query(
            "UPDATE orders SET store_id = $1, customer_id = $2, platform = $3, external_id = $4, number = $5, email = $6,
                created_at = $7, updated_at = $8, cancelled_at = $9, financial_status = $10, fulfillment_status = $11,
                currency = $12, subtotal_minor = $13, shipping_minor = $14, tax_minor = $15, total_minor = $16,
                ship_name = $17, ship_line1 = $18, ship_line2 = $19, ship_city = $20, ship_region = $21,
                ship_region_code = $22, ship_postcode = $23, ship_country = $24, ship_phone = $25, source = $26, fresh_at = $27
             WHERE id = $28",
        );
        crate::write::bind_order(query, &merged)
            .bind(id)
        .execute(&mut *self.tx)
        .await
        .doing("updating an order")?;
        if !o.lines.is_empty() {
            sqlx::query("DELETE FROM order_lines WHERE order_id = $1").bind(id).execute(&mut *self.tx).await.doing("replacing order lines")?;
            self.insert_lines(id, &o.lines).await?;
        }
        Ok(id)
    }

    /// An order's id by the reference a tracking service or a customer uses: its external
    /// id or its number ("1047", "#1047", "114-…").
    pub async fn order_id_by_reference(&mut self, reference: &str) -> Result<Option<i64>> {
        let r = reference.trim().trim_start_matches('#');
        let row = sqlx::query("SELECT id FROM orders WHERE external_id = $1 OR number = $1 ORDER BY id LIMIT 1")
            .bind(r)
            .fetch_optional(&mut *self.tx)
            .await
            .doing("finding an order by reference")?;
        row.map(|r| r.try_get(0)).transpose().doing("finding an order by reference")
    }

    /// Inserts or updates a parcel by (carrier, tracking number). `order_id` 0 keeps the
    /// existing link; events are replaced when the update carries any.
    pub async fn upsert_shipment(&mut self, s: &Shipment) -> Result<Option<i64>> {
        let existing = sqlx::query("SELECT id, order_id FROM shipments WHERE carrier = $1 AND tracking_number = $2")
            .bind(s.carrier.as_str())
            .bind(&s.tracking_number)
            .fetch_optional(&mut *self.tx)
            .await
            .doing("finding a shipment")?;
        let Some(row) = existing else {
            if s.order_id == 0 {
                return Ok(None);
            }
            return self.insert_shipment(s).await.map(Some);
        };
        let id: i64 = row.try_get(0).doing("finding a shipment")?;
        let order_id: i64 = if s.order_id != 0 { s.order_id } else { row.try_get(1).doing("finding a shipment")? };
        sqlx::query(
            "UPDATE shipments SET order_id = $2, status = $3, shipped_at = COALESCE($4, shipped_at), expected_at = COALESCE($5, expected_at),
                delivered_at = COALESCE($6, delivered_at), source = $7, fresh_at = $8, promised_by = COALESCE($9, promised_by)
             WHERE id = $1",
        )
        .bind(id)
        .bind(order_id)
        .bind(s.status.as_str())
        .bind(s.shipped_at.map(ms))
        .bind(s.expected_at.map(ms))
        .bind(s.delivered_at.map(ms))
        .bind(&s.source)
        .bind(ms(s.fresh_at))
        .bind(&s.promised_by)
        .execute(&mut *self.tx)
        .await
        .doing("updating a shipment")?;
        if !s.events.is_empty() {
            sqlx::query("DELETE FROM shipment_events WHERE shipment_id = $1").bind(id).execute(&mut *self.tx).await.doing("replacing carrier events")?;
            self.insert_events(id, s).await?;
        }
        Ok(Some(id))
    }

    /// Links a parcel the platform reported on an order, without touching its tracking state.
    pub async fn link_parcel(&mut self, order_id: i64, s: &Shipment) -> Result<i64> {
        let existing = sqlx::query("SELECT id FROM shipments WHERE carrier = $1 AND tracking_number = $2")
            .bind(s.carrier.as_str())
            .bind(&s.tracking_number)
            .fetch_optional(&mut *self.tx)
            .await
            .doing("finding a shipment")?;
        match existing {
            Some(row) => {
                let id: i64 = row.try_get(0).doing("finding a shipment")?;
                sqlx::query("UPDATE shipments SET order_id = $2, shipped_at = COALESCE(shipped_at, $3) WHERE id = $1")
                    .bind(id)
                    .bind(order_id)
                    .bind(s.shipped_at.map(ms))
                    .execute(&mut *self.tx)
                    .await
                    .doing("linking a shipment")?;
                Ok(id)
            }
            None => self.insert_shipment(&Shipment { order_id, ..s.clone() }).await,
        }
    }

    pub async fn save_checkpoint(&mut self, c: &Checkpoint, now: jiff::Timestamp) -> Result<()> {
        sqlx::query(
            "INSERT INTO sync_checkpoints (connector, stream, since, cursor, pass_since, pass_max, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (connector, stream) DO UPDATE SET since = excluded.since, cursor = excluded.cursor,
                pass_since = excluded.pass_since, pass_max = excluded.pass_max, updated_at = excluded.updated_at",
        )
        .bind(&c.connector)
        .bind(&c.stream)
        .bind(c.since.map(ms))
        .bind(&c.cursor)
        .bind(c.pass_since.map(ms))
        .bind(c.pass_max.map(ms))
        .bind(ms(now))
        .execute(&mut *self.tx)
        .await
        .doing("saving a sync checkpoint")?;
        Ok(())
    }

    /// Records a connector's success (`error` None) or failure.
    pub async fn record_health(&mut self, connector: &str, label: &str, error: Option<&str>, now: jiff::Timestamp) -> Result<()> {
        let q = match error {
            None => "INSERT INTO connector_health (connector, label, last_success, last_error, error_since, updated_at) VALUES ($1, $2, $3, NULL, NULL, $3)
                     ON CONFLICT (connector) DO UPDATE SET label = excluded.label, last_success = excluded.last_success, last_error = NULL, error_since = NULL, updated_at = excluded.updated_at",
            Some(_) => "INSERT INTO connector_health (connector, label, last_success, last_error, error_since, updated_at) VALUES ($1, $2, NULL, $4, $3, $3)
                     ON CONFLICT (connector) DO UPDATE SET label = excluded.label, last_error = excluded.last_error,
                        error_since = COALESCE(connector_health.error_since, excluded.error_since), updated_at = excluded.updated_at",
        };
        sqlx::query(q).bind(connector).bind(label).bind(ms(now)).bind(error).execute(&mut *self.tx).await.doing("recording connector health")?;
        Ok(())
    }
}

impl Store {
    pub async fn checkpoint(&self, connector: &str, stream: &str) -> Result<Checkpoint> {
        let row = sqlx::query("SELECT since, cursor, pass_since, pass_max FROM sync_checkpoints WHERE connector = $1 AND stream = $2")
            .bind(connector)
            .bind(stream)
            .fetch_optional(self.pool())
            .await
            .doing("reading a sync checkpoint")?;
        let mut c = Checkpoint { connector: connector.into(), stream: stream.into(), ..Checkpoint::default() };
        if let Some(r) = row {
            c.since = opt_ts(r.try_get(0).doing("reading a sync checkpoint")?)?;
            c.cursor = r.try_get(1).doing("reading a sync checkpoint")?;
            c.pass_since = opt_ts(r.try_get(2).doing("reading a sync checkpoint")?)?;
            c.pass_max = opt_ts(r.try_get(3).doing("reading a sync checkpoint")?)?;
        }
        Ok(c)
    }

    pub async fn connector_health(&self) -> Result<Vec<ConnectorHealth>> {
        let rows = sqlx::query("SELECT connector, label, last_success, last_error, error_since FROM connector_health ORDER BY connector")
            .fetch_all(self.pool())
            .await
            .doing("reading connector health")?;
        rows.iter()
            .map(|r| {
                Ok(ConnectorHealth {
                    connector: r.try_get(0).doing("reading connector health")?,
                    label: r.try_get(1).doing("reading connector health")?,
                    last_success: opt_ts(r.try_get(2).doing("reading connector health")?)?,
                    last_error: r.try_get(3).doing("reading connector health")?,
                    error_since: opt_ts(r.try_get(4).doing("reading connector health")?)?,
                })
            })
            .collect()
    }

    /// A canonical dump of what the sync owns (orders, lines, parcels, events, customers'
    /// identities), without local ids or fetch times: two syncs of the same platform data
    /// give the same dump whatever failed, retried or resumed on the way.
    pub async fn sync_fingerprint(&self) -> Result<Vec<String>> {
        let queries: [&'static str; 4] = [
            "SELECT s.platform || '|' || s.domain || '|' || o.external_id || '|' || o.number || '|' || COALESCE(o.email, '') || '|' ||
                o.financial_status || '|' || o.fulfillment_status || '|' || o.currency || '|' || o.total_minor || '|' || o.updated_at || '|' ||
                COALESCE(o.ship_city, '') || '|' || COALESCE(o.ship_country, '')
             FROM orders o JOIN stores s ON s.id = o.store_id",
            "SELECT o.external_id || '|' || l.position || '|' || l.sku || '|' || l.quantity || '|' || l.unit_minor FROM order_lines l JOIN orders o ON o.id = l.order_id",
            "SELECT sh.carrier || '|' || sh.tracking_number || '|' || o.external_id || '|' || sh.status || '|' || COALESCE(sh.delivered_at, 0) || '|' ||
                (SELECT COUNT(*) FROM shipment_events e WHERE e.shipment_id = sh.id)
             FROM shipments sh JOIN orders o ON o.id = sh.order_id",
            "SELECT i.kind || '|' || i.value || '|' || (SELECT MIN(j.kind || ':' || j.value) FROM customer_identities j WHERE j.customer_id = i.customer_id)
             FROM customer_identities i",
        ];
        let mut out = Vec::new();
        for q in queries {
            for r in sqlx::query(q).fetch_all(self.pool()).await.doing("fingerprinting synced data")? {
                out.push(r.try_get::<String, _>(0).doing("fingerprinting synced data")?);
            }
        }
        out.sort();
        Ok(out)
    }
}

/// A store front the sync met first through its orders; named until the user renames it.
pub fn new_store_front(platform: Platform, domain: &str, country: &str, currency: &str) -> StoreFront {
    StoreFront {
        id: 0,
        name: format!("{} {}", platform_label(platform), domain),
        platform,
        domain: domain.into(),
        country: country.into(),
        currency: currency.into(),
        time_zone: "UTC".into(),
    }
}

fn platform_label(p: Platform) -> &'static str {
    match p {
        Platform::Shopify => "Shopify",
        Platform::Amazon => "Amazon",
        Platform::WooCommerce => "WooCommerce",
    }
}

/// A parcel the sync should ask a tracking service about.
#[derive(Debug, Clone, PartialEq)]
pub struct ParcelToTrack {
    pub carrier: meridian_core::Carrier,
    pub tracking_number: String,
    /// The order's number, sent as the tracking service's tag.
    pub order_number: String,
    /// Whether a tracking service has reported on it yet.
    pub tracked: bool,
}

impl Store {
    /// Parcels still moving (or never tracked), oldest first.
    pub async fn parcels_to_track(&self) -> Result<Vec<ParcelToTrack>> {
        let rows = sqlx::query(
            "SELECT sh.carrier, sh.tracking_number, o.number, sh.source FROM shipments sh JOIN orders o ON o.id = sh.order_id
             WHERE sh.status NOT IN ('delivered', 'returned', 'expired') OR sh.source NOT IN ('17track', 'aftership')
             ORDER BY sh.id",
        )
        .fetch_all(self.pool())
        .await
        .doing("listing parcels to track")?;
        rows.iter()
            .map(|r| {
                let source: String = r.try_get(3).doing("listing parcels to track")?;
                Ok(ParcelToTrack {
                    carrier: crate::parse(&r.try_get::<String, _>(0).doing("listing parcels to track")?)?,
                    tracking_number: r.try_get(1).doing("listing parcels to track")?,
                    order_number: r.try_get(2).doing("listing parcels to track")?,
                    tracked: matches!(source.as_str(), "17track" | "aftership"),
                })
            })
            .collect()
    }

    /// External ids of a platform's orders that have no lines yet (Amazon lists orders
    /// without items), oldest first.
    pub async fn orders_without_lines(&self, platform: Platform) -> Result<Vec<String>> {
        let rows = sqlx::query(
            "SELECT o.external_id FROM orders o WHERE o.platform = $1 AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id) ORDER BY o.created_at, o.id",
        )
        .bind(platform.as_str())
        .fetch_all(self.pool())
        .await
        .doing("listing orders without lines")?;
        rows.iter().map(|r| r.try_get(0).doing("listing orders without lines")).collect()
    }

    /// The platform, store domain and external id of a stored order, for a refresh.
    pub async fn order_origin(&self, order_id: i64) -> Result<Option<(Platform, String, String)>> {
        let row = sqlx::query("SELECT o.platform, s.domain, o.external_id FROM orders o JOIN stores s ON s.id = o.store_id WHERE o.id = $1")
            .bind(order_id)
            .fetch_optional(self.pool())
            .await
            .doing("finding an order's origin")?;
        row.map(|r| {
            Ok((
                crate::parse(&r.try_get::<String, _>(0).doing("finding an order's origin")?)?,
                r.try_get(1).doing("finding an order's origin")?,
                r.try_get(2).doing("finding an order's origin")?,
            ))
        })
        .transpose()
    }
}

impl Writer {
    /// Sets the lines of an order known by (platform, external id).
    pub async fn set_order_lines(&mut self, platform: Platform, external_id: &str, lines: &[meridian_core::LineItem]) -> Result<Option<i64>> {
        let row = sqlx::query("SELECT id FROM orders WHERE platform = $1 AND external_id = $2")
            .bind(platform.as_str())
            .bind(external_id)
            .fetch_optional(&mut *self.tx)
            .await
            .doing("finding an order")?;
        let Some(row) = row else { return Ok(None) };
        let id: i64 = row.try_get(0).doing("finding an order")?;
        sqlx::query("DELETE FROM order_lines WHERE order_id = $1").bind(id).execute(&mut *self.tx).await.doing("replacing order lines")?;
        self.insert_lines(id, lines).await?;
        Ok(Some(id))
    }
}

impl Store {
    /// Conversations not yet about an order: their id and their customer's words (inbound
    /// messages, newest first), oldest conversations last.
    pub async fn unlinked_conversations(&self, limit: i64) -> Result<Vec<(i64, String)>> {
        let rows = sqlx::query(
            "SELECT c.id, m.body_text FROM conversations c JOIN messages m ON m.conversation_id = c.id
             WHERE c.order_id IS NULL AND m.direction = 'inbound'
               AND c.id IN (SELECT id FROM conversations WHERE order_id IS NULL ORDER BY last_message_at DESC LIMIT $1)
             ORDER BY c.last_message_at DESC, c.id, m.created_at DESC",
        )
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .doing("listing conversations without an order")?;
        let mut out: Vec<(i64, String)> = Vec::new();
        for r in rows {
            let id: i64 = r.try_get(0).doing("listing conversations without an order")?;
            let text: String = r.try_get(1).doing("listing conversations without an order")?;
            match out.last_mut() {
                Some((last, all)) if *last == id => {
                    all.push('\n');
                    all.push_str(&text);
                }
                _ => out.push((id, text)),
            }
        }
        Ok(out)
    }

    /// Points a conversation without an order at the order a customer mentioned (by number
    /// or platform id), preferring the conversation's own customer's order. Returns the
    /// order's id when one was found and linked.
    pub async fn link_conversation_to_order(&self, conversation_id: i64, reference: &str) -> Result<Option<i64>> {
        let r = reference.trim().trim_start_matches('#');
        let row = sqlx::query(
            "SELECT o.id FROM orders o, conversations c WHERE c.id = $1 AND (o.number = $2 OR o.external_id = $2)
             ORDER BY CASE WHEN o.customer_id = c.customer_id THEN 0 ELSE 1 END, o.id LIMIT 1",
        )
        .bind(conversation_id)
        .bind(r)
        .fetch_optional(self.pool())
        .await
        .doing("finding a mentioned order")?;
        let Some(row) = row else { return Ok(None) };
        let order_id: i64 = row.try_get(0).doing("finding a mentioned order")?;
        sqlx::query("UPDATE conversations SET order_id = $2 WHERE id = $1 AND order_id IS NULL")
            .bind(conversation_id)
            .bind(order_id)
            .execute(self.pool())
            .await
            .doing("linking a conversation to its order")?;
        Ok(Some(order_id))
    }
}

//! Writing: one `Writer` (a transaction) with an insert per domain record, so a seed, a
//! sync batch or a reply lands whole or not at all.

use crate::error::Doing;
use crate::views::Agent;
use crate::{ms, Result, Store};
use meridian_core::{Conversation, Customer, Direction, Message, Order, OutboxState, Shipment, StoreFront};
use sqlx::{Any, Row, Transaction};

/// Longest preview kept on a conversation for the inbox list.
const PREVIEW_CHARS: usize = 160;

/// A message to add. Give `html` for HTML bodies: it is sanitised here, and the text
/// derived from it when `text` is empty.
#[derive(Debug, Clone)]
pub struct NewMessage {
    pub conversation_id: i64,
    pub direction: Direction,
    pub author: String,
    pub text: String,
    pub html: Option<String>,
    pub language: Option<String>,
    pub created_at: jiff::Timestamp,
}

impl NewMessage {
    /// The message as stored under `id` (for plain-text messages, which need no cleaning).
    pub fn stored(self, id: i64) -> Message {
        Message {
            id,
            conversation_id: self.conversation_id,
            direction: self.direction,
            author: self.author,
            text: self.text,
            html: self.html,
            language: self.language,
            created_at: self.created_at,
        }
    }
}

pub struct Writer {
    pub(crate) tx: Transaction<'static, Any>,
    backend: crate::Backend,
}

/// The CJK characters and character pairs of a text as space-separated words, so that a
/// one- or two-character Chinese or Japanese query is a word match (`messages_cjk`).
pub(crate) fn cjk_tokens(text: &str) -> String {
    let is_cjk = |c: char| matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF);
    let mut out = String::new();
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if is_cjk(c) {
            out.push(c);
            out.push(' ');
            if let Some(p) = prev {
                out.push(p);
                out.push(c);
                out.push(' ');
            }
            prev = Some(c);
        } else {
            prev = None;
        }
    }
    out
}

type AnyQuery<'q> = sqlx::query::Query<'q, Any, sqlx::any::AnyArguments>;

/// Binds an order's 27 columns in the order `insert_order` and `upsert_order` name them:
/// store_id, customer_id, platform, external_id, number, email, created_at, updated_at,
/// cancelled_at, statuses, currency, four amounts, nine shipping-address fields, source, fresh_at.
pub(crate) fn bind_order<'q>(q: AnyQuery<'q>, o: &'q Order) -> AnyQuery<'q> {
    let a = o.shipping_address.as_ref();
    q.bind(o.store_id)
        .bind(o.customer_id)
        .bind(o.platform.as_str())
        .bind(&o.external_id)
        .bind(&o.number)
        .bind(&o.email)
        .bind(ms(o.created_at))
        .bind(ms(o.updated_at))
        .bind(o.cancelled_at.map(ms))
        .bind(o.financial_status.as_str())
        .bind(o.fulfillment_status.as_str())
        .bind(&o.total.currency)
        .bind(o.subtotal.minor)
        .bind(o.shipping.minor)
        .bind(o.tax.minor)
        .bind(o.total.minor)
        .bind(a.map(|a| a.name.clone()))
        .bind(a.map(|a| a.line1.clone()))
        .bind(a.and_then(|a| a.line2.clone()))
        .bind(a.map(|a| a.city.clone()))
        .bind(a.and_then(|a| a.region.clone()))
        .bind(a.and_then(|a| a.region_code.clone()))
        .bind(a.and_then(|a| a.postcode.clone()))
        .bind(a.map(|a| a.country.clone()))
        .bind(a.and_then(|a| a.phone.clone()))
        .bind(&o.source)
        .bind(ms(o.fresh_at))
}

/// Adds a message's CJK words to the short-query index (SQLite only).
pub(crate) async fn index_cjk(tx: &mut Transaction<'static, Any>, id: i64, text: &str) -> Result<()> {
    let tokens = cjk_tokens(text);
    if tokens.is_empty() {
        return Ok(());
    }
    sqlx::query("INSERT INTO messages_cjk (rowid, tokens) VALUES ($1, $2)")
        .bind(id)
        .bind(tokens)
        .execute(&mut **tx)
        .await
        .doing("indexing a message for search")?;
    Ok(())
}

impl Store {
    pub async fn writer(&self) -> Result<Writer> {
        Ok(Writer { tx: self.pool().begin().await.doing("starting a write")?, backend: self.backend() })
    }

    /// Adds an agent's reply to a conversation and queues it in the outbox, in one step.
    /// Stores an agent's reply and queues it to leave once `undo` has passed (the agent can
    /// take it back until then), in one transaction.
    pub async fn send_reply(&self, conversation_id: i64, author: &str, body: &str, now: jiff::Timestamp, undo: jiff::SignedDuration) -> Result<Message> {
        let mut w = self.writer().await?;
        let msg = NewMessage {
            conversation_id,
            direction: Direction::Outbound,
            author: author.to_owned(),
            text: body.to_owned(),
            html: None,
            language: None,
            created_at: now,
        };
        let id = w.insert_message(&msg).await?;
        let payload = serde_json::json!({ "message_id": id, "body": body }).to_string();
        w.enqueue("reply", &format!("reply:{conversation_id}:{id}"), Some(conversation_id), &payload, now + undo).await?;
        w.audit(Some(conversation_id), author, "reply.queued", &payload, now).await?;
        sqlx::query("UPDATE conversations SET status = 'waiting' WHERE id = $1 AND status <> 'closed'")
            .bind(conversation_id)
            .execute(&mut *w.tx)
            .await
            .doing("marking the conversation as waiting")?;
        sqlx::query("DELETE FROM drafts WHERE conversation_id = $1").bind(conversation_id).execute(&mut *w.tx).await.doing("clearing the draft")?;
        w.commit().await?;
        Ok(msg.stored(id))
    }

    /// Saves what the agent is typing, so it survives a restart.
    pub async fn save_draft(&self, conversation_id: i64, body: &str, now: jiff::Timestamp) -> Result<()> {
        sqlx::query(
            "INSERT INTO drafts (conversation_id, body, updated_at) VALUES ($1, $2, $3)
             ON CONFLICT (conversation_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
        )
        .bind(conversation_id)
        .bind(body)
        .bind(ms(now))
        .execute(self.pool())
        .await
        .doing("saving a draft")?;
        Ok(())
    }

    pub async fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        sqlx::query("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            .bind(key)
            .bind(value)
            .execute(self.pool())
            .await
            .doing("saving a setting")?;
        Ok(())
    }
}

impl Writer {
    pub async fn commit(self) -> Result<()> {
        self.tx.commit().await.doing("committing")
    }

    pub async fn insert_store(&mut self, s: &StoreFront) -> Result<i64> {
        let row = sqlx::query(
            "INSERT INTO stores (name, platform, domain, country, currency, time_zone) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(&s.name)
        .bind(s.platform.as_str())
        .bind(&s.domain)
        .bind(&s.country)
        .bind(&s.currency)
        .bind(&s.time_zone)
        .fetch_one(&mut *self.tx)
        .await
        .doing("adding a store")?;
        row.try_get(0).doing("adding a store")
    }

    pub async fn insert_agent(&mut self, a: &Agent) -> Result<()> {
        sqlx::query("INSERT INTO agents (id, name, time_zone, languages) VALUES ($1, $2, $3, $4)")
            .bind(&a.id)
            .bind(&a.name)
            .bind(&a.time_zone)
            .bind(a.languages.join(","))
            .execute(&mut *self.tx)
            .await
            .doing("adding an agent")?;
        Ok(())
    }

    pub async fn insert_customer(&mut self, c: &Customer) -> Result<i64> {
        let row = sqlx::query(
            "INSERT INTO customers (name, country, language, time_zone, time_zone_source, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(&c.name)
        .bind(&c.country)
        .bind(&c.language)
        .bind(&c.time_zone)
        .bind(&c.time_zone_source)
        .bind(ms(c.created_at))
        .fetch_one(&mut *self.tx)
        .await
        .doing("adding a customer")?;
        let id: i64 = row.try_get(0).doing("adding a customer")?;
        for identity in &c.identities {
            sqlx::query("INSERT INTO customer_identities (customer_id, kind, value) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(identity.kind.as_str())
                .bind(&identity.value)
                .execute(&mut *self.tx)
                .await
                .doing("adding a customer identity")?;
        }
        Ok(id)
    }

    pub async fn insert_order(&mut self, o: &Order) -> Result<i64> {
        let query = sqlx::query(
            "INSERT INTO orders (store_id, customer_id, platform, external_id, number, email, created_at, updated_at,
                cancelled_at, financial_status, fulfillment_status, currency, subtotal_minor, shipping_minor, tax_minor,
                total_minor, ship_name, ship_line1, ship_line2, ship_city, ship_region, ship_region_code, ship_postcode,
                ship_country, ship_phone, source, fresh_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27)
             RETURNING id",
        );
        let row = bind_order(query, o).fetch_one(&mut *self.tx).await.doing("adding an order")?;
        let id: i64 = row.try_get(0).doing("adding an order")?;
        self.insert_lines(id, &o.lines).await?;
        Ok(id)
    }

    pub(crate) async fn insert_lines(&mut self, id: i64, lines: &[meridian_core::LineItem]) -> Result<()> {
        for (position, line) in lines.iter().enumerate() {
            sqlx::query(
                "INSERT INTO order_lines (order_id, position, sku, name, quantity, unit_minor, currency) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(id)
            .bind(position as i64)
            .bind(&line.sku)
            .bind(&line.name)
            .bind(line.quantity)
            .bind(line.unit_price.minor)
            .bind(&line.unit_price.currency)
            .execute(&mut *self.tx)
            .await
            .doing("adding an order line")?;
        }
        Ok(())
    }

    pub async fn insert_shipment(&mut self, s: &Shipment) -> Result<i64> {
        let row = sqlx::query(
            "INSERT INTO shipments (order_id, carrier, tracking_number, status, shipped_at, promised_by, expected_at, delivered_at, source, fresh_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(s.order_id)
        .bind(s.carrier.as_str())
        .bind(&s.tracking_number)
        .bind(s.status.as_str())
        .bind(s.shipped_at.map(ms))
        .bind(&s.promised_by)
        .bind(s.expected_at.map(ms))
        .bind(s.delivered_at.map(ms))
        .bind(&s.source)
        .bind(ms(s.fresh_at))
        .fetch_one(&mut *self.tx)
        .await
        .doing("adding a shipment")?;
        let id: i64 = row.try_get(0).doing("adding a shipment")?;
        self.insert_events(id, s).await?;
        Ok(id)
    }

    pub(crate) async fn insert_events(&mut self, id: i64, s: &Shipment) -> Result<()> {
        for e in &s.events {
            sqlx::query(
                "INSERT INTO shipment_events (shipment_id, at, time_zone, place, country, status, description) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(id)
            .bind(ms(e.at))
            .bind(&e.time_zone)
            .bind(&e.place)
            .bind(&e.country)
            .bind(e.status.as_str())
            .bind(&e.description)
            .execute(&mut *self.tx)
            .await
            .doing("adding a carrier event")?;
        }
        Ok(())
    }

    /// Adds a conversation; `order_id` links it to the order it is about.
    pub async fn insert_conversation(&mut self, c: &Conversation, order_id: Option<i64>) -> Result<i64> {
        let row = sqlx::query(
            "INSERT INTO conversations (customer_id, store_id, order_id, channel, subject, status, assignee, language, intent,
                priority, sla_due_at, created_at, last_message_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        )
        .bind(c.customer_id)
        .bind(c.store_id)
        .bind(order_id)
        .bind(c.channel.as_str())
        .bind(&c.subject)
        .bind(c.status.as_str())
        .bind(&c.assignee)
        .bind(&c.language)
        .bind(c.intent.map(|i| i.as_str()))
        .bind(c.priority.as_str())
        .bind(c.sla_due_at.map(ms))
        .bind(ms(c.created_at))
        .bind(ms(c.last_message_at))
        .fetch_one(&mut *self.tx)
        .await
        .doing("adding a conversation")?;
        row.try_get(0).doing("adding a conversation")
    }

    /// Adds a message, sanitising HTML, and moves the conversation's preview and time.
    pub async fn insert_message(&mut self, m: &NewMessage) -> Result<i64> {
        let (html, text) = match &m.html {
            Some(raw) if raw.len() <= meridian_html::MAX_HTML_BYTES => {
                let safe = meridian_html::sanitize(raw);
                let text = if m.text.trim().is_empty() { meridian_html::to_text(raw) } else { m.text.clone() };
                (Some(safe), text)
            }
            // Too large to render safely and quickly: keep the words, drop the markup.
            Some(raw) => (None, if m.text.trim().is_empty() { meridian_html::to_text(raw) } else { m.text.clone() }),
            None => (None, m.text.clone()),
        };
        let row = sqlx::query(
            "INSERT INTO messages (conversation_id, direction, author, body_text, body_html, language, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(m.conversation_id)
        .bind(m.direction.as_str())
        .bind(&m.author)
        .bind(&text)
        .bind(&html)
        .bind(&m.language)
        .bind(ms(m.created_at))
        .fetch_one(&mut *self.tx)
        .await
        .doing("adding a message")?;
        let id: i64 = row.try_get(0).doing("adding a message")?;
        if self.backend == crate::Backend::Sqlite {
            index_cjk(&mut self.tx, id, &text).await?;
        }
        if m.direction != Direction::Note {
            let preview: String = text.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(PREVIEW_CHARS).collect();
            sqlx::query(
                "UPDATE conversations SET preview = $1, last_message_at = $2 WHERE id = $3 AND last_message_at <= $2",
            )
            .bind(preview)
            .bind(ms(m.created_at))
            .bind(m.conversation_id)
            .execute(&mut *self.tx)
            .await
            .doing("updating the conversation preview")?;
        }
        Ok(id)
    }

    /// Queues an outgoing effect once: a second call with the same key changes nothing.
    pub async fn enqueue(&mut self, kind: &str, key: &str, conversation_id: Option<i64>, payload: &str, now: jiff::Timestamp) -> Result<()> {
        sqlx::query(
            "INSERT INTO outbox (idempotency_key, kind, conversation_id, payload, state, not_before, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (idempotency_key) DO NOTHING",
        )
        .bind(key)
        .bind(kind)
        .bind(conversation_id)
        .bind(payload)
        .bind(OutboxState::Queued.as_str())
        .bind(ms(now))
        .execute(&mut *self.tx)
        .await
        .doing("queueing an outgoing write")?;
        Ok(())
    }

    pub async fn audit(&mut self, conversation_id: Option<i64>, actor: &str, kind: &str, detail: &str, at: jiff::Timestamp) -> Result<()> {
        sqlx::query("INSERT INTO audit_events (conversation_id, actor, kind, detail, at) VALUES ($1, $2, $3, $4, $5)")
            .bind(conversation_id)
            .bind(actor)
            .bind(kind)
            .bind(detail)
            .bind(ms(at))
            .execute(&mut *self.tx)
            .await
            .doing("writing the audit log")?;
        Ok(())
    }
}

impl Writer {
    /// Runs a statement as is; for tests that need to put a database in an odd state.
    #[doc(hidden)]
    pub async fn raw_for_tests(&mut self, sql: &'static str) -> Result<()> {
        sqlx::query(sql).execute(&mut *self.tx).await.doing("running a test statement")?;
        Ok(())
    }
}

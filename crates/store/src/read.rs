//! Reading: the inbox list, one conversation with everything its panes show, search and counts.

use crate::error::Doing;
use crate::views::*;
use crate::{parse, ts, Backend, Result, Store, StoreError};
use meridian_core::{
    Address, CarrierEvent, Conversation, Customer, Draft, Identity, LineItem, Message, Money, Order,
    Shipment, StoreFront,
};
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};
use std::collections::HashMap;

const DEFAULT_PAGE: u32 = 50;
const MAX_PAGE: u32 = 200;
/// A conversation view carries at most this many of the customer's orders.
const ORDERS_IN_VIEW: i64 = 10;

fn get<'r, T: sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>>(row: &'r AnyRow, col: &str) -> Result<T> {
    row.try_get(col).doing("reading a row")
}

fn money(minor: i64, currency: &str) -> Result<Money> {
    Money::new(minor, currency).map_err(|e| StoreError::Invalid { what: "money", detail: e.to_string() })
}

impl Store {
    pub async fn stats(&self) -> Result<Stats> {
        let row = sqlx::query(
            "SELECT
                (SELECT COUNT(*) FROM stores) AS stores,
                (SELECT COUNT(*) FROM customers) AS customers,
                (SELECT COUNT(*) FROM orders) AS orders,
                (SELECT COUNT(*) FROM shipments) AS shipments,
                (SELECT COUNT(*) FROM conversations) AS conversations,
                (SELECT COUNT(*) FROM messages) AS messages,
                (SELECT COUNT(*) FROM agents) AS agents,
                (SELECT COUNT(DISTINCT language) FROM conversations) AS languages,
                (SELECT COUNT(DISTINCT country) FROM customers) AS countries",
        )
        .fetch_one(self.pool())
        .await
        .doing("counting records")?;
        Ok(Stats {
            stores: get(&row, "stores")?,
            customers: get(&row, "customers")?,
            orders: get(&row, "orders")?,
            shipments: get(&row, "shipments")?,
            conversations: get(&row, "conversations")?,
            messages: get(&row, "messages")?,
            agents: get(&row, "agents")?,
            languages: get(&row, "languages")?,
            countries: get(&row, "countries")?,
        })
    }

    pub async fn setting(&self, key: &str) -> Result<Option<String>> {
        sqlx::query_scalar("SELECT value FROM settings WHERE key = $1")
            .bind(key)
            .fetch_optional(self.pool())
            .await
            .doing("reading a setting")
    }

    pub async fn agents(&self) -> Result<Vec<Agent>> {
        let rows = sqlx::query("SELECT id, name, time_zone, languages FROM agents ORDER BY id").fetch_all(self.pool()).await.doing("listing agents")?;
        rows.iter()
            .map(|r| {
                let langs: String = get(r, "languages")?;
                Ok(Agent {
                    id: get(r, "id")?,
                    name: get(r, "name")?,
                    time_zone: get(r, "time_zone")?,
                    languages: langs.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect(),
                })
            })
            .collect()
    }

    /// Conversations that may need to tell `agent` something now: escalated to them, or open
    /// (theirs or nobody's) with an SLA due before `until`. At most 200, soonest due first.
    pub async fn needing_attention(&self, agent: &str, until: jiff::Timestamp) -> Result<Vec<InboxItem>> {
        let rows = sqlx::query(
            "SELECT c.id, c.subject, c.preview, c.language, c.channel, c.status, c.intent, c.priority, c.assignee,
                    c.last_message_at, c.sla_due_at, cu.name AS customer_name, cu.country AS customer_country
             FROM conversations c JOIN customers cu ON cu.id = c.customer_id
             WHERE (c.assignee = $1 AND c.status = 'escalated')
                OR (c.status IN ('open', 'escalated') AND (c.assignee = $1 OR c.assignee IS NULL) AND c.sla_due_at <= $2)
             ORDER BY c.sla_due_at, c.id LIMIT 200",
        )
        .bind(agent)
        .bind(crate::ms(until))
        .fetch_all(self.pool())
        .await
        .doing("finding conversations that need attention")?;
        rows.iter().map(inbox_item).collect()
    }

    /// One page of the inbox, newest activity first.
    pub async fn inbox(&self, filter: &InboxFilter) -> Result<InboxPage> {
        let limit = filter.limit.unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE) as i64;
        let mut sql = String::from(
            "SELECT c.id, c.subject, c.preview, c.language, c.channel, c.status, c.intent, c.priority, c.assignee,
                    c.last_message_at, c.sla_due_at, cu.name AS customer_name, cu.country AS customer_country
             FROM conversations c JOIN customers cu ON cu.id = c.customer_id WHERE 1 = 1",
        );
        let mut args: Vec<Arg> = Vec::new();
        let mut bind = |sql: &mut String, clause: &str, value: Arg| {
            args.push(value);
            sql.push_str(&clause.replace("$?", &format!("${}", args.len())));
        };
        if let Some(s) = filter.status {
            bind(&mut sql, " AND c.status = $?", Arg::Text(s.as_str().into()));
        }
        if let Some(l) = &filter.language {
            bind(&mut sql, " AND c.language = $?", Arg::Text(l.clone()));
        }
        if let Some(ch) = filter.channel {
            bind(&mut sql, " AND c.channel = $?", Arg::Text(ch.as_str().into()));
        }
        if let Some(i) = filter.intent {
            bind(&mut sql, " AND c.intent = $?", Arg::Text(i.as_str().into()));
        }
        if let Some(q) = filter.query.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            let (clause, value) = self.search_clause(q).await?;
            bind(&mut sql, &clause, value);
        }
        if let Some(after) = &filter.after {
            let at: i64 = after.last_message_ms.parse().map_err(|_| StoreError::Invalid { what: "inbox cursor", detail: after.last_message_ms.clone() })?;
            args.push(Arg::Int(at));
            let n = args.len();
            args.push(Arg::Int(after.id));
            let m = args.len();
            sql.push_str(&format!(" AND (c.last_message_at < ${n} OR (c.last_message_at = ${n} AND c.id < ${m}))"));
        }
        args.push(Arg::Int(limit + 1));
        sql.push_str(&format!(" ORDER BY c.last_message_at DESC, c.id DESC LIMIT ${}", args.len()));

        let mut query = sqlx::query(AssertSqlSafe(sql));
        for a in &args {
            query = match a {
                Arg::Text(s) => query.bind(s.clone()),
                Arg::Int(i) => query.bind(*i),
            };
        }
        let rows = query.fetch_all(self.pool()).await.doing("listing the inbox")?;
        let mut items = rows.iter().take(limit as usize).map(inbox_item).collect::<Result<Vec<_>>>()?;
        let next = if rows.len() as i64 > limit {
            items.last().map(|last| InboxCursor { last_message_ms: last.last_message_at.as_millisecond().to_string(), id: last.id })
        } else {
            None
        };
        items.shrink_to_fit();
        Ok(InboxPage { items, next })
    }

    /// The SQL that keeps conversations with a message containing `q`. SQLite uses the
    /// trigram FTS index for three characters or more and the CJK index for one or two
    /// Chinese/Japanese characters; other short queries scan with LIKE.
    ///
    /// Two shapes, chosen by how common the term is: a rare term collects its few
    /// conversations first (`IN`); a common one walks the inbox newest first and stops at
    /// the page's end (`EXISTS`), instead of gathering tens of thousands of matches.
    async fn search_clause(&self, q: &str) -> Result<(String, Arg)> {
        const COMMON: i64 = 400;
        let like = format!("%{}%", q.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        let index = match self.backend() {
            Backend::Sqlite if q.chars().count() >= 3 => Some(("messages_fts", format!("\"{}\"", q.replace('"', "\"\"")))),
            Backend::Sqlite if crate::write::cjk_tokens(q).split_whitespace().any(|t| t == q) => Some(("messages_cjk", format!("\"{q}\""))),
            _ => None,
        };
        let Some((table, term)) = index else {
            let op = if self.backend() == Backend::Postgres { "ILIKE" } else { "LIKE" };
            return Ok((format!(" AND c.id IN (SELECT m.conversation_id FROM messages m WHERE m.body_text {op} $? ESCAPE '\\')"), Arg::Text(like)));
        };
        let probe = format!("SELECT COUNT(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH $1 LIMIT {})", COMMON + 1);
        let hits: i64 = sqlx::query_scalar(AssertSqlSafe(probe)).bind(&term).fetch_one(self.pool()).await.doing("searching")?;
        let matching = format!("SELECT rowid FROM {table} WHERE {table} MATCH $?");
        let clause = if hits > COMMON {
            format!(" AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.id IN ({matching}))")
        } else {
            format!(" AND c.id IN (SELECT m.conversation_id FROM messages m WHERE m.id IN ({matching}))")
        };
        Ok((clause, Arg::Text(term)))
    }

    pub async fn inbox_facets(&self) -> Result<InboxFacets> {
        let count = |col: &'static str| {
            let sql = format!("SELECT {col} AS value, COUNT(*) AS n FROM conversations WHERE {col} IS NOT NULL GROUP BY {col} ORDER BY n DESC, {col}");
            async move {
                let rows = sqlx::query(AssertSqlSafe(sql)).fetch_all(self.pool()).await.doing("counting inbox facets")?;
                rows.iter().map(|r| Ok(FacetCount { value: get(r, "value")?, count: get(r, "n")? })).collect::<Result<Vec<_>>>()
            }
        };
        Ok(InboxFacets {
            languages: count("language").await?,
            intents: count("intent").await?,
            statuses: count("status").await?,
            channels: count("channel").await?,
        })
    }

    /// Everything the three panes need for one conversation.
    pub async fn conversation(&self, id: i64) -> Result<ConversationView> {
        let row = sqlx::query(
            "SELECT c.*, a.name AS assignee_name FROM conversations c LEFT JOIN agents a ON a.id = c.assignee WHERE c.id = $1",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await
        .doing("opening a conversation")?
        .ok_or(StoreError::NotFound { what: "conversation", id: id.to_string() })?;
        let conversation = Conversation {
            id,
            customer_id: get(&row, "customer_id")?,
            store_id: get(&row, "store_id")?,
            channel: parse(&get::<String>(&row, "channel")?)?,
            subject: get(&row, "subject")?,
            status: parse(&get::<String>(&row, "status")?)?,
            assignee: get(&row, "assignee")?,
            language: get(&row, "language")?,
            intent: get::<Option<String>>(&row, "intent")?.map(|s| parse(&s)).transpose()?,
            priority: parse(&get::<String>(&row, "priority")?)?,
            sla_due_at: get::<Option<i64>>(&row, "sla_due_at")?.map(ts).transpose()?,
            created_at: ts(get(&row, "created_at")?)?,
            last_message_at: ts(get(&row, "last_message_at")?)?,
        };
        let linked_order: Option<i64> = get(&row, "order_id")?;
        let assignee_name: Option<String> = get(&row, "assignee_name")?;

        let store = self.store_front(conversation.store_id).await?;
        let customer = self.customer(conversation.customer_id).await?;
        let messages = self.messages(id).await?;
        let orders = self.customer_orders(conversation.customer_id, linked_order).await?;
        let order_ids: Vec<i64> = orders.iter().map(|o| o.id).collect();
        let shipments = self.shipments_of(&order_ids).await?;
        let draft = sqlx::query("SELECT body, action, reason, updated_at FROM drafts WHERE conversation_id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .doing("reading the draft")?
            .map(|r| -> Result<Draft> {
                Ok(Draft {
                    conversation_id: id,
                    body: get(&r, "body")?,
                    action: get::<Option<String>>(&r, "action")?.map(|s| parse(&s)).transpose()?,
                    reason: get(&r, "reason")?,
                    updated_at: ts(get(&r, "updated_at")?)?,
                })
            })
            .transpose()?;
        let focus_order_id = linked_order.or_else(|| orders.first().map(|o| o.id));
        let replies = self.reply_states(id).await?;
        Ok(ConversationView { conversation, store, customer, messages, focus_order_id, orders, shipments, draft, assignee_name, replies })
    }

    async fn store_front(&self, id: i64) -> Result<StoreFront> {
        let r = sqlx::query("SELECT * FROM stores WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .doing("reading a store")?
            .ok_or(StoreError::NotFound { what: "store", id: id.to_string() })?;
        Ok(StoreFront {
            id,
            name: get(&r, "name")?,
            platform: parse(&get::<String>(&r, "platform")?)?,
            domain: get(&r, "domain")?,
            country: get(&r, "country")?,
            currency: get(&r, "currency")?,
            time_zone: get(&r, "time_zone")?,
        })
    }

    pub async fn customer(&self, id: i64) -> Result<Customer> {
        let r = sqlx::query("SELECT * FROM customers WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .doing("reading a customer")?
            .ok_or(StoreError::NotFound { what: "customer", id: id.to_string() })?;
        let identities = sqlx::query("SELECT kind, value FROM customer_identities WHERE customer_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(self.pool())
            .await
            .doing("reading customer identities")?
            .iter()
            .map(|r| Ok(Identity { kind: parse(&get::<String>(r, "kind")?)?, value: get(r, "value")? }))
            .collect::<Result<Vec<_>>>()?;
        Ok(Customer {
            id,
            name: get(&r, "name")?,
            country: get(&r, "country")?,
            language: get(&r, "language")?,
            time_zone: get(&r, "time_zone")?,
            time_zone_source: get(&r, "time_zone_source")?,
            identities,
            created_at: ts(get(&r, "created_at")?)?,
        })
    }

    async fn messages(&self, conversation_id: i64) -> Result<Vec<Message>> {
        let rows = sqlx::query("SELECT * FROM messages WHERE conversation_id = $1 ORDER BY created_at, id")
            .bind(conversation_id)
            .fetch_all(self.pool())
            .await
            .doing("reading messages")?;
        rows.iter()
            .map(|r| {
                Ok(Message {
                    id: get(r, "id")?,
                    conversation_id,
                    direction: parse(&get::<String>(r, "direction")?)?,
                    author: get(r, "author")?,
                    text: get(r, "body_text")?,
                    html: get(r, "body_html")?,
                    language: get(r, "language")?,
                    created_at: ts(get(r, "created_at")?)?,
                })
            })
            .collect()
    }

    /// The customer's newest orders, always including `linked` even when it is older.
    async fn customer_orders(&self, customer_id: i64, linked: Option<i64>) -> Result<Vec<Order>> {
        let rows = sqlx::query(
            "SELECT * FROM orders WHERE id IN (
                SELECT id FROM orders WHERE customer_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2)
             OR id = $3 ORDER BY created_at DESC, id DESC",
        )
        .bind(customer_id)
        .bind(ORDERS_IN_VIEW)
        .bind(linked.unwrap_or(-1))
        .fetch_all(self.pool())
        .await
        .doing("reading the customer's orders")?;
        let ids: Vec<i64> = rows.iter().map(|r| get(r, "id")).collect::<Result<_>>()?;
        let mut lines = self.order_lines(&ids).await?;
        rows.iter()
            .map(|r| {
                let id: i64 = get(r, "id")?;
                let currency: String = get(r, "currency")?;
                let address = match get::<Option<String>>(r, "ship_country")? {
                    None => None,
                    Some(country) => Some(Address {
                        name: get::<Option<String>>(r, "ship_name")?.unwrap_or_default(),
                        line1: get::<Option<String>>(r, "ship_line1")?.unwrap_or_default(),
                        line2: get(r, "ship_line2")?,
                        city: get::<Option<String>>(r, "ship_city")?.unwrap_or_default(),
                        region: get(r, "ship_region")?,
                        region_code: get(r, "ship_region_code")?,
                        postcode: get(r, "ship_postcode")?,
                        country,
                        phone: get(r, "ship_phone")?,
                    }),
                };
                Ok(Order {
                    id,
                    store_id: get(r, "store_id")?,
                    customer_id: get(r, "customer_id")?,
                    platform: parse(&get::<String>(r, "platform")?)?,
                    external_id: get(r, "external_id")?,
                    number: get(r, "number")?,
                    email: get(r, "email")?,
                    created_at: ts(get(r, "created_at")?)?,
                    updated_at: ts(get(r, "updated_at")?)?,
                    cancelled_at: get::<Option<i64>>(r, "cancelled_at")?.map(ts).transpose()?,
                    financial_status: parse(&get::<String>(r, "financial_status")?)?,
                    fulfillment_status: parse(&get::<String>(r, "fulfillment_status")?)?,
                    subtotal: money(get(r, "subtotal_minor")?, &currency)?,
                    shipping: money(get(r, "shipping_minor")?, &currency)?,
                    tax: money(get(r, "tax_minor")?, &currency)?,
                    total: money(get(r, "total_minor")?, &currency)?,
                    lines: lines.remove(&id).unwrap_or_default(),
                    shipping_address: address,
                    source: get(r, "source")?,
                    fresh_at: ts(get(r, "fresh_at")?)?,
                })
            })
            .collect()
    }

    async fn order_lines(&self, order_ids: &[i64]) -> Result<HashMap<i64, Vec<LineItem>>> {
        let mut out: HashMap<i64, Vec<LineItem>> = HashMap::new();
        if order_ids.is_empty() {
            return Ok(out);
        }
        let sql = format!("SELECT * FROM order_lines WHERE order_id IN ({}) ORDER BY order_id, position", id_list(order_ids));
        for r in sqlx::query(AssertSqlSafe(sql)).fetch_all(self.pool()).await.doing("reading order lines")? {
            let currency: String = get(&r, "currency")?;
            out.entry(get(&r, "order_id")?).or_default().push(LineItem {
                sku: get(&r, "sku")?,
                name: get(&r, "name")?,
                quantity: get(&r, "quantity")?,
                unit_price: money(get(&r, "unit_minor")?, &currency)?,
            });
        }
        Ok(out)
    }

    async fn shipments_of(&self, order_ids: &[i64]) -> Result<Vec<Shipment>> {
        if order_ids.is_empty() {
            return Ok(Vec::new());
        }
        let ids = id_list(order_ids);
        let rows = sqlx::query(AssertSqlSafe(format!("SELECT * FROM shipments WHERE order_id IN ({ids}) ORDER BY id"))).fetch_all(self.pool()).await.doing("reading shipments")?;
        let event_rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT e.* FROM shipment_events e JOIN shipments s ON s.id = e.shipment_id WHERE s.order_id IN ({ids}) ORDER BY e.at DESC, e.id DESC"
        )))
        .fetch_all(self.pool())
        .await
        .doing("reading carrier events")?;
        let mut events: HashMap<i64, Vec<CarrierEvent>> = HashMap::new();
        for r in &event_rows {
            events.entry(get(r, "shipment_id")?).or_default().push(CarrierEvent {
                at: ts(get(r, "at")?)?,
                time_zone: get(r, "time_zone")?,
                place: get(r, "place")?,
                country: get(r, "country")?,
                status: parse(&get::<String>(r, "status")?)?,
                description: get(r, "description")?,
            });
        }
        rows.iter()
            .map(|r| {
                let id: i64 = get(r, "id")?;
                Ok(Shipment {
                    id,
                    order_id: get(r, "order_id")?,
                    carrier: parse(&get::<String>(r, "carrier")?)?,
                    tracking_number: get(r, "tracking_number")?,
                    status: parse(&get::<String>(r, "status")?)?,
                    shipped_at: get::<Option<i64>>(r, "shipped_at")?.map(ts).transpose()?,
                    promised_by: get(r, "promised_by")?,
                    expected_at: get::<Option<i64>>(r, "expected_at")?.map(ts).transpose()?,
                    delivered_at: get::<Option<i64>>(r, "delivered_at")?.map(ts).transpose()?,
                    events: events.remove(&id).unwrap_or_default(),
                    source: get(r, "source")?,
                    fresh_at: ts(get(r, "fresh_at")?)?,
                })
            })
            .collect()
    }
}

enum Arg {
    Text(String),
    Int(i64),
}

/// Ids are integers from the database itself, so inlining them is safe.
fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

fn inbox_item(r: &AnyRow) -> Result<InboxItem> {
    Ok(InboxItem {
        id: get(r, "id")?,
        subject: get(r, "subject")?,
        preview: get(r, "preview")?,
        customer_name: get(r, "customer_name")?,
        customer_country: get(r, "customer_country")?,
        language: get(r, "language")?,
        channel: parse(&get::<String>(r, "channel")?)?,
        status: parse(&get::<String>(r, "status")?)?,
        intent: get::<Option<String>>(r, "intent")?.map(|s| parse(&s)).transpose()?,
        priority: parse(&get::<String>(r, "priority")?)?,
        assignee: get(r, "assignee")?,
        last_message_at: ts(get(r, "last_message_at")?)?,
        sla_due_at: get::<Option<i64>>(r, "sla_due_at")?.map(ts).transpose()?,
    })
}

//! WooCommerce REST API v3 client (CONNECTORS.md §3): orders, notes, status updates and
//! signed webhooks of a self-hosted shop.
//!
//! Assumptions where the contract is silent:
//! - Basic auth is sent only over HTTPS, or plain http to a loopback host (the sandbox); any
//!   other http site is refused before a request leaves, so the key never travels in clear.
//! - Status mapping: pending → unpaid; processing → paid, unfulfilled; on-hold → on hold;
//!   completed → fulfilled (partially refunded when it carries refunds); refunded, cancelled,
//!   failed and trash as named; unknown (plugin) statuses → unpaid, unfulfilled.
//! - Write-back: every write is a private order note carrying the idempotency marker; a
//!   return request first sets the status to "on-hold" (WooCommerce core has no "return
//!   requested" status), then adds the note, so the marker lands last.
//! - Writes are sent without the transport's automatic retry: after a timeout the client
//!   lists the notes again and re-sends only when the marker is absent.
//! - A 200 whose body does not parse (truncated) is fetched again, up to `max_retries` times.
//! - Webhook replays are refused by `X-WC-Webhook-Delivery-ID` (or the body's hash when the
//!   header is absent); the form-encoded ping `webhook_id=N` is accepted unsigned and ignored.

use crate::config::{WooConfig, WooCredentials};
use crate::error::{ConnectorError, ErrorKind, Result};
use crate::http::{Http, HttpOptions, Response};
use crate::model::{idempotency_marker, Page, RemoteCustomer, RemoteOrder, RemoteParcel, WriteAction, WriteOutcome};
use crate::webhook::{verify_hmac_base64, ReplayGuard, WebhookError, WebhookEvent};
use meridian_core::{Address, FinancialStatus, FulfillmentStatus, Identity, IdentityKind, LineItem, Money, Order, Platform};
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::Arc;

#[derive(Clone)]
pub struct WooClient {
    inner: Arc<Inner>,
}

struct Inner {
    http: Http,
    /// The same connector without automatic retries, for writes (see the module doc).
    write_http: Http,
    opts: HttpOptions,
    base: String,
    host: String,
    domain: String,
    /// Why requests are refused before sending (plain http to a remote host, a bad URL).
    refused: Option<String>,
    creds: WooCredentials,
    replays: ReplayGuard,
}

impl std::fmt::Debug for WooClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WooClient").field("base", &self.inner.base).finish_non_exhaustive()
    }
}

impl WooClient {
    pub fn new(cfg: &WooConfig, creds: WooCredentials, opts: HttpOptions) -> WooClient {
        let site = cfg.site.trim_end_matches('/');
        let url = reqwest::Url::parse(site).ok();
        let host = url.as_ref().and_then(|u| u.host_str()).unwrap_or(site).to_owned();
        let refused = match &url {
            None => Some(format!("{site:?} is not a URL")),
            Some(u) if u.scheme() == "https" => None,
            Some(u) if u.scheme() == "http" && is_loopback(&host) => None,
            Some(_) => Some(format!("{site} is not https: the API key is only sent over https")),
        };
        let name = format!("WooCommerce {host}");
        let no_retry = HttpOptions { max_retries: 0, ..opts.clone() };
        let inner = Inner {
            http: Http::new(name.clone(), opts.clone()),
            write_http: Http::new(name, no_retry),
            opts,
            base: format!("{site}/wp-json/wc/v3"),
            domain: cfg.domain.clone().unwrap_or_else(|| host.clone()),
            host,
            refused,
            creds,
            replays: ReplayGuard::new(7 * 24 * 3600, 10_000),
        };
        WooClient { inner: Arc::new(inner) }
    }

    pub fn http(&self) -> &Http {
        &self.inner.http
    }

    pub fn name(&self) -> String {
        format!("WooCommerce {}", self.inner.host)
    }

    /// Checks the key pair by listing one order.
    pub async fn check(&self) -> Result<()> {
        let _: (Vec<Value>, Response) = self.get_json("orders", "/orders", &[("per_page", "1".into())]).await?;
        Ok(())
    }

    /// Orders modified after `since`, oldest change first; `page` ("1", "2", …) is the cursor.
    pub async fn orders_modified_since(&self, since: Option<jiff::Timestamp>, page: Option<&str>, per_page: u32) -> Result<Page<RemoteOrder>> {
        let op = "orders";
        let page: u32 = match page.map(str::trim) {
            None => 1,
            Some(p) => p.parse().ok().filter(|n| *n >= 1).ok_or_else(|| self.inner.http.error(op, ErrorKind::Rejected { status: 400, message: format!("invalid page cursor {p:?}") }))?,
        };
        let mut query = vec![
            ("dates_are_gmt", "true".to_owned()),
            ("orderby", "modified".to_owned()),
            ("order", "asc".to_owned()),
            ("page", page.to_string()),
            ("per_page", per_page.clamp(1, 100).to_string()),
        ];
        if let Some(t) = since {
            query.push(("modified_after", t.strftime("%Y-%m-%dT%H:%M:%S").to_string()));
        }
        let (orders, resp): (Vec<WooOrder>, Response) = self.get_json(op, "/orders", &query).await?;
        let items = orders.into_iter().map(|o| self.normalise(op, o)).collect::<Result<Vec<_>>>()?;
        Ok(Page { items, next: next_page(&resp, page).map(|p| p.to_string()) })
    }

    /// An order by its id; `None` when the shop has no such order.
    pub async fn order(&self, id: &str) -> Result<Option<RemoteOrder>> {
        let op = "order";
        let id = id.trim();
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(None);
        }
        match self.get_json::<WooOrder>(op, &format!("/orders/{id}"), &[]).await {
            Ok((o, _)) => self.normalise(op, o).map(Some),
            Err(e) if matches!(e.kind, ErrorKind::Rejected { status: 404, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// An order by the number the customer sees: as an id first, then by search.
    pub async fn order_by_number(&self, number: &str) -> Result<Option<RemoteOrder>> {
        let n = number.trim().trim_start_matches('#').trim();
        if n.is_empty() {
            return Ok(None);
        }
        if let Some(o) = self.order(n).await?.filter(|o| o.order.number == n) {
            return Ok(Some(o));
        }
        let query = [("search", n.to_owned()), ("per_page", "20".to_owned())];
        let (orders, _): (Vec<WooOrder>, Response) = self.get_json("orders", "/orders", &query).await?;
        let hit = orders.into_iter().find(|o| number_of(o) == n);
        hit.map(|o| self.normalise("orders", o)).transpose()
    }

    /// Writes back as a private order note carrying the idempotency marker (see module doc).
    pub async fn write(&self, action: &WriteAction, key: &str) -> Result<WriteOutcome> {
        let op = "write";
        let id = action.order_external_id().trim();
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(self.inner.http.error(op, ErrorKind::Rejected { status: 404, message: format!("{id:?} is not a WooCommerce order id") }));
        }
        let marker = idempotency_marker(key);
        let text = note_text(action, &marker);
        let mut attempt = 0;
        loop {
            if let Some(found) = self.find_marker(id, &marker).await? {
                let remote_id = Some(found);
                return Ok(if attempt == 0 { WriteOutcome::AlreadyDone { remote_id } } else { WriteOutcome::Written { remote_id } });
            }
            match self.write_once(id, action, &text).await {
                Ok(note_id) => return Ok(WriteOutcome::Written { remote_id: Some(note_id) }),
                Err(e) if e.is_transient() && attempt < self.inner.opts.max_retries => {
                    attempt += 1;
                    tokio::time::sleep(self.inner.opts.base_backoff.saturating_mul(attempt)).await;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Verifies and reads a webhook delivery (signature over the exact body, replay guard).
    pub fn parse_webhook(&self, headers: &reqwest::header::HeaderMap, body: &[u8]) -> Result<WebhookEvent, WebhookError> {
        let header = |n: &str| headers.get(n).and_then(|v| v.to_str().ok()).map(str::trim);
        let signature = header("x-wc-webhook-signature");
        if signature.is_none() && is_ping(body) {
            return Ok(WebhookEvent::Ignored("ping".into()));
        }
        verify_hmac_base64(self.inner.creds.webhook_secret.expose().as_bytes(), body, signature, "X-WC-Webhook-Signature")?;
        let delivery = match header("x-wc-webhook-delivery-id").filter(|d| !d.is_empty()) {
            Some(d) => format!("delivery:{d}"),
            None => format!("body:{}", hex::encode(<sha2::Sha256 as sha2::Digest>::digest(body))),
        };
        self.inner.replays.accept(&delivery, None, jiff::Timestamp::now().as_second())?;
        let topic = header("x-wc-webhook-topic").unwrap_or_default();
        if !matches!(topic, "order.created" | "order.updated" | "order.deleted" | "order.restored") {
            return Ok(WebhookEvent::Ignored(if topic.is_empty() { "no topic".into() } else { topic.to_owned() }));
        }
        let id = serde_json::from_slice::<Value>(body).ok().and_then(|v| v.get("id").and_then(id_string));
        Ok(match id {
            Some(external_id) => WebhookEvent::OrderChanged { external_id },
            None => WebhookEvent::Ignored(format!("{topic} without an order id")),
        })
    }

    // ---------- requests ----------

    fn refuse(&self, op: &str) -> Result<()> {
        match &self.inner.refused {
            Some(why) => Err(self.inner.http.error(op, ErrorKind::Unsupported(why.clone()))),
            None => Ok(()),
        }
    }

    fn request(&self, c: &reqwest::Client, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let cr = &self.inner.creds;
        c.request(method, format!("{}{path}", self.inner.base)).basic_auth(cr.consumer_key.expose(), Some(cr.consumer_secret.expose())).header("accept", "application/json")
    }

    /// A GET parsed as `T`; a truncated 200 is fetched again (see module doc).
    async fn get_json<T: serde::de::DeserializeOwned>(&self, op: &str, path: &str, query: &[(&str, String)]) -> Result<(T, Response)> {
        self.refuse(op)?;
        let mut malformed_left = self.inner.opts.max_retries;
        loop {
            let resp = self.inner.http.send(op, |c| self.request(c, reqwest::Method::GET, path).query(query)).await?;
            if !resp.is_success() {
                return Err(self.api_error(op, &resp));
            }
            match resp.json::<T>(&self.inner.http, op) {
                Ok(v) => return Ok((v, resp)),
                Err(_) if malformed_left > 0 => {
                    malformed_left -= 1;
                    tokio::time::sleep(self.inner.opts.base_backoff).await;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// One write request, not retried by the transport.
    async fn send_once(&self, op: &str, method: reqwest::Method, path: &str, body: &Value) -> Result<Value> {
        self.refuse(op)?;
        let resp = self.inner.write_http.send(op, |c| self.request(c, method.clone(), path).json(body)).await?;
        if !resp.is_success() {
            return Err(self.api_error(op, &resp));
        }
        resp.json(&self.inner.write_http, op)
    }

    fn api_error(&self, op: &str, resp: &Response) -> ConnectorError {
        let wp = serde_json::from_slice::<WpError>(&resp.body).ok();
        let message = wp.map(|e| format!("{}: {}", e.code, e.message)).unwrap_or_else(|| format!("non-JSON answer: {}", resp.snippet()));
        let kind = match resp.status {
            401 | 403 => ErrorKind::Auth(format!("authentication failed for {}: {message}", self.name())),
            status => ErrorKind::Rejected { status, message },
        };
        self.inner.http.error(op, kind)
    }

    async fn find_marker(&self, id: &str, marker: &str) -> Result<Option<String>> {
        let (notes, _): (Vec<WooNote>, Response) = self.get_json("notes", &format!("/orders/{id}/notes"), &[("type", "internal".into())]).await?;
        Ok(notes.into_iter().find(|n| n.note.contains(marker)).map(|n| n.id.as_ref().and_then(id_string).unwrap_or_default()))
    }

    async fn write_once(&self, id: &str, action: &WriteAction, text: &str) -> Result<String> {
        if let WriteAction::ReturnRequest { .. } = action {
            self.send_once("updateOrder", reqwest::Method::PUT, &format!("/orders/{id}"), &json!({ "status": "on-hold" })).await?;
        }
        let note = self.send_once("createNote", reqwest::Method::POST, &format!("/orders/{id}/notes"), &json!({ "note": text, "customer_note": false })).await?;
        Ok(note.get("id").and_then(id_string).unwrap_or_default())
    }

    // ---------- normalising ----------

    fn normalise(&self, op: &str, o: WooOrder) -> Result<RemoteOrder> {
        let bad = |what: String| self.inner.http.error(op, ErrorKind::Malformed(format!("order {}: {what}", id_string(&o.id).unwrap_or_default())));
        let external_id = id_string(&o.id).ok_or_else(|| bad("no id".into()))?;
        let currency = o.currency.trim().to_uppercase();
        let money = |v: &Value| Money::parse(&decimal(v), &currency).map_err(|e| bad(e.to_string()));
        let created = time(&o.date_created_gmt).or_else(|| time(&o.date_created)).ok_or_else(|| bad("no date_created".into()))?;
        let updated = time(&o.date_modified_gmt).or_else(|| time(&o.date_modified)).unwrap_or(created);
        let mut lines = Vec::new();
        let mut subtotal = Money { minor: 0, currency: currency.clone() };
        for l in &o.line_items {
            let line_total = money(&l.subtotal)?;
            subtotal = subtotal.checked_add(&line_total).map_err(|e| bad(e.to_string()))?;
            let qty = l.quantity.as_i64().unwrap_or(0).max(0);
            let unit = Money { minor: if qty > 0 { line_total.minor / qty } else { line_total.minor }, currency: currency.clone() };
            lines.push(LineItem { sku: l.sku.clone().unwrap_or_default(), name: l.name.clone().unwrap_or_default(), quantity: qty, unit_price: unit });
        }
        let parcels = parcels(&o.meta_data);
        let (financial, fulfilment) = statuses(&o.status, !o.refunds.is_empty(), !parcels.is_empty());
        let address = address(&o);
        let email = o.billing.email.as_deref().map(|e| e.trim().to_lowercase()).filter(|e| e.contains('@'));
        let order = Order {
            id: 0,
            store_id: 0,
            customer_id: None,
            platform: Platform::WooCommerce,
            number: number_of(&o),
            external_id,
            email: email.clone(),
            created_at: created,
            updated_at: updated,
            cancelled_at: (fulfilment == FulfillmentStatus::Cancelled).then_some(updated),
            financial_status: financial,
            fulfillment_status: fulfilment,
            subtotal,
            shipping: money(&o.shipping_total)?,
            tax: money(&o.total_tax)?,
            total: money(&o.total)?,
            lines,
            shipping_address: address.clone(),
            source: "woocommerce".into(),
            fresh_at: jiff::Timestamp::now(),
        };
        let customer = customer(&o, email, address.as_ref());
        Ok(RemoteOrder { store_domain: self.inner.domain.clone(), order, customer, parcels })
    }
}

fn is_loopback(host: &str) -> bool {
    let h = host.trim_start_matches('[').trim_end_matches(']');
    h == "localhost" || h.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn is_ping(body: &[u8]) -> bool {
    std::str::from_utf8(body).ok().and_then(|b| b.trim().strip_prefix("webhook_id=")).is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

/// The page after `page`, by `X-WP-TotalPages`, else by a `rel="next"` link.
fn next_page(resp: &Response, page: u32) -> Option<u32> {
    match resp.header("x-wp-totalpages").and_then(|v| v.trim().parse::<u32>().ok()) {
        Some(pages) => (page < pages).then_some(page + 1),
        None => resp.header("link").is_some_and(|l| l.contains("rel=\"next\"")).then_some(page + 1),
    }
}

fn note_text(action: &WriteAction, marker: &str) -> String {
    match action {
        WriteAction::OrderNote { note, .. } => format!("{note}\n\n{marker}"),
        WriteAction::OrderTags { tags, .. } => format!("Tags: {}\n\n{marker}", tags.join(", ")),
        WriteAction::ReturnRequest { reason, note, .. } => format!("Return requested: {reason}\n{note}\n\n{marker}"),
        WriteAction::Satisfaction { score, comment, .. } => format!("Customer satisfaction: {score}/5\n{comment}\n\n{marker}"),
    }
}

/// An id as WooCommerce sends it (a number, sometimes a string).
fn id_string(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => n.as_u64().map(|n| n.to_string()),
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => None,
    }
}

/// A decimal amount as a string ("12.50"; numbers are tolerated, null counts as zero).
fn decimal(v: &Value) -> String {
    match v {
        Value::String(s) if !s.trim().is_empty() => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        _ => "0".into(),
    }
}

fn number_of(o: &WooOrder) -> String {
    o.number.clone().filter(|n| !n.trim().is_empty()).or_else(|| id_string(&o.id)).unwrap_or_default()
}

/// `date_*_gmt` ("2020-03-11T16:54:40", UTC without an offset) or a full RFC 3339 time.
fn time(v: &Option<String>) -> Option<jiff::Timestamp> {
    let s = v.as_deref()?.trim();
    s.parse::<jiff::Timestamp>().ok().or_else(|| s.parse::<jiff::civil::DateTime>().ok().and_then(|dt| jiff::tz::TimeZone::UTC.to_timestamp(dt).ok()))
}

fn statuses(status: &str, refunds: bool, shipped: bool) -> (FinancialStatus, FulfillmentStatus) {
    let shipped_or_not = if shipped { FulfillmentStatus::Fulfilled } else { FulfillmentStatus::Unfulfilled };
    match status.trim_start_matches("wc-") {
        "processing" => (FinancialStatus::Paid, FulfillmentStatus::Unfulfilled),
        "on-hold" => (FinancialStatus::Pending, FulfillmentStatus::OnHold),
        "completed" if refunds => (FinancialStatus::PartiallyRefunded, FulfillmentStatus::Fulfilled),
        "completed" => (FinancialStatus::Paid, FulfillmentStatus::Fulfilled),
        "refunded" => (FinancialStatus::Refunded, shipped_or_not),
        "cancelled" | "trash" => (FinancialStatus::Voided, FulfillmentStatus::Cancelled),
        "failed" => (FinancialStatus::Voided, FulfillmentStatus::Unfulfilled),
        _ => (FinancialStatus::Pending, FulfillmentStatus::Unfulfilled),
    }
}

fn address(o: &WooOrder) -> Option<Address> {
    let s = &o.shipping;
    let a = if s.address_1.as_deref().is_some_and(|x| !x.trim().is_empty()) || s.city.as_deref().is_some_and(|x| !x.trim().is_empty()) { s } else { &o.billing };
    let text = |v: &Option<String>| v.clone().map(|x| x.trim().to_owned()).filter(|x| !x.is_empty());
    let country = text(&a.country)?.to_uppercase();
    let phone = text(&a.phone).or_else(|| text(&o.billing.phone));
    Some(Address {
        name: full_name(a),
        line1: text(&a.address_1).unwrap_or_default(),
        line2: text(&a.address_2),
        city: text(&a.city).unwrap_or_default(),
        region: text(&a.state),
        region_code: text(&a.state).filter(|st| st.len() <= 3 && st.bytes().all(|b| b.is_ascii_alphanumeric())).map(|st| format!("{country}-{}", st.to_uppercase())),
        postcode: text(&a.postcode),
        phone: phone.and_then(|p| meridian_core::phone::to_e164(&p, Some(&country)).ok()),
        country,
    })
}

fn full_name(a: &WooAddress) -> String {
    let parts = [&a.first_name, &a.last_name];
    parts.into_iter().flatten().map(|p| p.trim()).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
}

fn customer(o: &WooOrder, email: Option<String>, address: Option<&Address>) -> Option<RemoteCustomer> {
    let id = o.customer_id.as_u64().filter(|id| *id > 0);
    let country = address.map(|a| a.country.clone()).or_else(|| o.billing.country.clone()).unwrap_or_default().to_uppercase();
    let mut identities: Vec<Identity> = email.iter().map(|e| Identity::new(IdentityKind::Email, e)).collect();
    if let Some(p) = o.billing.phone.as_deref().and_then(|p| meridian_core::phone::to_e164(p, Some(&country)).ok()) {
        identities.push(Identity::new(IdentityKind::Phone, &p));
    }
    if let Some(id) = id {
        identities.push(Identity::new(IdentityKind::PlatformId, &format!("woocommerce:{id}")));
    }
    let name = Some(full_name(&o.billing)).filter(|n| !n.is_empty()).or_else(|| address.map(|a| a.name.clone())).unwrap_or_default();
    if identities.is_empty() && name.is_empty() {
        return None;
    }
    Some(RemoteCustomer { external_id: id.map(|id| id.to_string()), name, country, identities })
}

/// Shipment Tracking items (`_wc_shipment_tracking_items`) whose numbers pass their checks.
fn parcels(meta: &[WooMeta]) -> Vec<RemoteParcel> {
    let mut out: Vec<RemoteParcel> = Vec::new();
    for m in meta.iter().filter(|m| m.key == "_wc_shipment_tracking_items") {
        let items = match &m.value {
            Value::Array(a) => a.clone(),
            Value::String(s) => serde_json::from_str::<Vec<Value>>(s).unwrap_or_default(),
            _ => Vec::new(),
        };
        for item in items {
            let raw = item.get("tracking_number").and_then(Value::as_str).unwrap_or_default();
            let Some(t) = meridian_core::tracking::identify(raw) else {
                tracing::debug!(number = raw, "skipping a tracking number that fails its format check");
                continue;
            };
            if out.iter().any(|p| p.tracking_number == t.number) {
                continue;
            }
            out.push(RemoteParcel { carrier: t.carrier, tracking_number: t.number, shipped_at: item.get("date_shipped").and_then(shipped_at) });
        }
    }
    out
}

/// `date_shipped`: unix seconds (number or string) or a date "2026-11-03".
fn shipped_at(v: &Value) -> Option<jiff::Timestamp> {
    let s = match v {
        Value::Number(n) => return n.as_i64().and_then(|n| jiff::Timestamp::from_second(n).ok()),
        Value::String(s) => s.trim(),
        _ => return None,
    };
    if let Ok(n) = s.parse::<i64>() {
        return jiff::Timestamp::from_second(n).ok();
    }
    let d: jiff::civil::Date = s.parse().ok()?;
    jiff::tz::TimeZone::UTC.to_timestamp(d.to_datetime(jiff::civil::Time::midnight())).ok()
}

// ---------- wire types ----------

#[derive(Deserialize)]
struct WpError {
    #[serde(default)]
    code: String,
    #[serde(default)]
    message: String,
}

#[derive(Deserialize)]
struct WooNote {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
struct WooOrder {
    #[serde(default)]
    id: Value,
    number: Option<String>,
    #[serde(default)]
    status: String,
    #[serde(default)]
    currency: String,
    date_created: Option<String>,
    date_created_gmt: Option<String>,
    date_modified: Option<String>,
    date_modified_gmt: Option<String>,
    #[serde(default)]
    shipping_total: Value,
    #[serde(default)]
    total: Value,
    #[serde(default)]
    total_tax: Value,
    #[serde(default)]
    customer_id: Value,
    #[serde(default)]
    billing: WooAddress,
    #[serde(default)]
    shipping: WooAddress,
    #[serde(default)]
    line_items: Vec<WooLine>,
    #[serde(default)]
    refunds: Vec<Value>,
    #[serde(default)]
    meta_data: Vec<WooMeta>,
}

#[derive(Deserialize, Default)]
struct WooAddress {
    first_name: Option<String>,
    last_name: Option<String>,
    address_1: Option<String>,
    address_2: Option<String>,
    city: Option<String>,
    state: Option<String>,
    postcode: Option<String>,
    country: Option<String>,
    email: Option<String>,
    phone: Option<String>,
}

#[derive(Deserialize)]
struct WooLine {
    name: Option<String>,
    sku: Option<String>,
    #[serde(default)]
    quantity: Value,
    #[serde(default)]
    subtotal: Value,
}

#[derive(Deserialize)]
struct WooMeta {
    #[serde(default)]
    key: String,
    #[serde(default)]
    value: Value,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_is_refused_except_on_loopback() {
        let creds = WooCredentials { consumer_key: crate::Secret::new("ck_x"), consumer_secret: crate::Secret::new("cs_x"), webhook_secret: crate::Secret::new("w") };
        let c = |site: &str| WooClient::new(&WooConfig { site: site.into(), domain: None }, creds.clone(), HttpOptions::default());
        assert!(c("http://shop.example.com").inner.refused.is_some());
        assert!(c("https://shop.example.com").inner.refused.is_none());
        assert!(c("http://127.0.0.1:8080/woocommerce").inner.refused.is_none());
        assert_eq!(c("https://shop.example.com/").name(), "WooCommerce shop.example.com");
        assert!(!format!("{:?}", c("https://a.example")).contains("cs_x"));
    }

    #[test]
    fn tracking_meta_keeps_only_valid_numbers() {
        let meta = vec![WooMeta {
            key: "_wc_shipment_tracking_items".into(),
            value: json!([
                { "tracking_number": "RB 123 456 785 GB", "date_shipped": "1700000000" },
                { "tracking_number": "RB123456784GB", "date_shipped": 1700000000 },
                { "tracking_number": "129.99" },
            ]),
        }];
        let p = parcels(&meta);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].tracking_number, "RB123456785GB");
        assert_eq!(p[0].shipped_at.unwrap().as_second(), 1_700_000_000);
    }

    #[test]
    fn pings_are_recognised() {
        assert!(is_ping(b"webhook_id=12"));
        assert!(!is_ping(b"{\"id\":1}"));
        assert!(!is_ping(b"webhook_id="));
    }
}

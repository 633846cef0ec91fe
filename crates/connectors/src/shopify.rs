//! Shopify Admin GraphQL client (CONNECTORS.md §1): orders by update time, by name, by
//! e-mail; write-back of notes, tags, returns and satisfaction scores; webhook checks.
//!
//! Rate limiting: a `Pacer` mirrors the shop's cost bucket. Before each request the
//! query's requested cost is reserved (Shopify's rule: object 1, connection 2 + first ×
//! node, mutation 10; learnt from `requestedQueryCost` after the first answer); every
//! answer's `throttleStatus` re-syncs the pacer (the server has already refunded requested
//! minus actual). THROTTLED (HTTP 200) waits `(requested − available) / restoreRate`.
//!
//! Idempotent writes: the key travels as `[meridian:<key>]` (notes, return reason notes),
//! a `meridian-<hash>` tag, or a `csat_<hash>` metafield key; each write first looks for it.
//! `returnCreate` is the one non-idempotent mutation: it is sent without transport retries,
//! and a failure re-checks for the marker before trying again.
//!
//! Assumptions: `Customer.defaultEmailAddress`/`defaultPhoneNumber` (2025-xx names), up to
//! 10 line items and 3 fulfilments × 2 tracking numbers per order, `returnReason: OTHER`,
//! webhook deliveries older than 12 h are refused as stale (Shopify retries for 4 h).

mod map;

use crate::config::{ShopifyConfig, ShopifyCredentials};
use crate::error::{ErrorKind, Result};
use crate::http::{Http, HttpOptions, Pacer, Response, Verdict};
use crate::model::{idempotency_marker, Page, RemoteOrder, WriteAction, WriteOutcome};
use crate::webhook::{verify_hmac_base64, ReplayGuard, WebhookError, WebhookEvent};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Orders per page at most: 2 + 12 × 54 = 650 points, well under the 1,000 limit.
pub const MAX_PAGE: u32 = 12;

#[derive(Clone)]
pub struct ShopifyClient {
    inner: Arc<Inner>,
}

struct Inner {
    http: Http,
    /// The same stack without transport retries, for the one non-idempotent mutation.
    once: Http,
    opts: HttpOptions,
    shop: String,
    url: String,
    creds: ShopifyCredentials,
    pacer: Pacer,
    /// requestedQueryCost the shop reported, by operation and page size.
    costs: Mutex<HashMap<String, f64>>,
    replay: ReplayGuard,
}

impl std::fmt::Debug for ShopifyClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ShopifyClient").field("shop", &self.inner.shop).field("url", &self.inner.url).finish_non_exhaustive()
    }
}

impl ShopifyClient {
    pub fn new(cfg: &ShopifyConfig, creds: ShopifyCredentials, opts: HttpOptions) -> ShopifyClient {
        let name = format!("Shopify {}", cfg.shop);
        let base = cfg.endpoint.clone().unwrap_or_else(|| format!("https://{}", cfg.shop));
        let url = format!("{}/admin/api/{}/graphql.json", base.trim_end_matches('/'), cfg.api_version);
        let once = Http::new(name.clone(), HttpOptions { max_retries: 0, ..opts.clone() });
        let inner = Inner {
            http: Http::new(name, opts.clone()),
            once,
            opts,
            shop: cfg.shop.clone(),
            url,
            creds,
            // Standard plan until the first answer tells the real bucket.
            pacer: Pacer::new(100.0, 2000.0),
            costs: Mutex::default(),
            replay: ReplayGuard::new(12 * 3600, 100_000),
        };
        ShopifyClient { inner: Arc::new(inner) }
    }

    pub fn http(&self) -> &Http {
        &self.inner.http
    }

    pub fn name(&self) -> String {
        format!("Shopify {}", self.inner.shop)
    }

    /// Tests the credentials with the cheapest query there is.
    pub async fn check(&self) -> Result<()> {
        let data = self.graphql("shop", "query Shop { shop { name } }", json!({}), 1.0).await?;
        data["shop"]["name"].as_str().map(|_| ()).ok_or_else(|| self.malformed("shop", "no shop name"))
    }

    /// Orders updated at or after `since` (None = all), oldest update first, one page.
    pub async fn orders_updated_since(&self, since: Option<jiff::Timestamp>, after: Option<&str>, page_size: u32) -> Result<Page<RemoteOrder>> {
        let q = since.map(|t| format!("updated_at:>='{t}'")).unwrap_or_default();
        self.orders_page("orders", &q, "UPDATED_AT", false, after, page_size).await
    }

    pub async fn order(&self, gid: &str) -> Result<Option<RemoteOrder>> {
        let query = format!("query Order($id: ID!) {{ order(id: $id) {{ ...OrderFields }} }}\n{}", map::ORDER_FIELDS);
        let data = self.graphql("order", &query, json!({"id": gid}), map::ORDER_COST).await?;
        match &data["order"] {
            Value::Null => Ok(None),
            node => self.normalise("order", node).map(Some),
        }
    }

    /// The order the customer calls "#1047" (or "1047").
    pub async fn order_by_name(&self, number: &str) -> Result<Option<RemoteOrder>> {
        let n = number.trim().trim_start_matches('#');
        if n.is_empty() || n.contains(|c: char| c.is_whitespace() || c == '"' || c == '\'') {
            return Ok(None);
        }
        let page = self.orders_page("orders", &format!("name:#{n}"), "CREATED_AT", true, None, 5).await?;
        Ok(page.items.into_iter().find(|o| o.order.number == n))
    }

    /// A customer's orders, newest first (at most 10 pages).
    pub async fn orders_by_email(&self, email: &str) -> Result<Vec<RemoteOrder>> {
        let e = email.trim();
        if e.is_empty() || e.contains(|c: char| c.is_whitespace() || c == '"') {
            return Ok(Vec::new());
        }
        let q = format!("email:\"{e}\"");
        let mut out = Vec::new();
        let mut after: Option<String> = None;
        for _ in 0..10 {
            let page = self.orders_page("orders", &q, "CREATED_AT", true, after.as_deref(), MAX_PAGE).await?;
            out.extend(page.items.into_iter().filter(|o| o.order.email.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(e))));
            match page.next {
                Some(c) => after = Some(c),
                None => break,
            }
        }
        Ok(out)
    }

    async fn orders_page(&self, op: &str, q: &str, sort: &str, reverse: bool, after: Option<&str>, page_size: u32) -> Result<Page<RemoteOrder>> {
        let first = page_size.clamp(1, MAX_PAGE);
        let query = format!(
            "query Orders($first: Int!, $after: String, $q: String) {{ orders(first: $first, after: $after, query: $q, sortKey: {sort}, reverse: {reverse}) {{ pageInfo {{ hasNextPage endCursor }} edges {{ node {{ ...OrderFields }} }} }} }}\n{}",
            map::ORDER_FIELDS
        );
        let vars = json!({"first": first, "after": after, "q": q});
        let data = self.graphql(op, &query, vars, 2.0 + first as f64 * map::ORDER_COST).await?;
        let conn = &data["orders"];
        let edges = conn["edges"].as_array().ok_or_else(|| self.malformed(op, "orders without edges"))?;
        let items = edges.iter().map(|e| self.normalise(op, &e["node"])).collect::<Result<Vec<_>>>()?;
        let next = match conn["pageInfo"]["hasNextPage"].as_bool() {
            Some(true) => Some(conn["pageInfo"]["endCursor"].as_str().ok_or_else(|| self.malformed(op, "hasNextPage without endCursor"))?.to_owned()),
            Some(false) => None,
            None => return Err(self.malformed(op, "orders without pageInfo.hasNextPage")),
        };
        Ok(Page { items, next })
    }

    fn normalise(&self, op: &str, node: &Value) -> Result<RemoteOrder> {
        map::order(node, &self.inner.shop, jiff::Timestamp::now()).map_err(|m| self.malformed(op, &m))
    }

    fn malformed(&self, op: &str, message: &str) -> crate::ConnectorError {
        self.inner.http.error(op, ErrorKind::Malformed(message.to_owned()))
    }

    fn rejected(&self, op: &str, status: u16, message: String) -> crate::ConnectorError {
        self.inner.http.error(op, ErrorKind::Rejected { status, message })
    }

    /// One GraphQL call with the retrying stack; the `data` object.
    async fn graphql(&self, op: &str, query: &str, vars: Value, estimate: f64) -> Result<Value> {
        self.call(op, query, vars, estimate, false).await
    }

    async fn call(&self, op: &str, query: &str, vars: Value, estimate: f64, once: bool) -> Result<Value> {
        let key = format!("{op}/{}", vars["first"]);
        let requested = self.inner.costs.lock().expect("costs lock").get(&key).copied().unwrap_or(estimate);
        let body = json!({"query": query, "variables": vars}).to_string();
        let http = if once { &self.inner.once } else { &self.inner.http };
        // A cut-off body is retried like a dropped connection (reads only: a write re-checks).
        let mut cut_left = if once { 0 } else { self.inner.opts.max_retries };
        loop {
            self.inner.pacer.acquire(requested).await;
            let resp = http
                .send_with(
                    op,
                    |c| c.post(&self.inner.url).header("X-Shopify-Access-Token", self.inner.creds.access_token.expose()).header("Content-Type", "application/json").body(body.clone()),
                    |r| self.inspect(r, requested),
                )
                .await?;
            match self.read(op, &resp, &key) {
                Err(e) if matches!(e.kind, ErrorKind::Malformed(_)) && cut_left > 0 && resp.is_success() => {
                    cut_left -= 1;
                    http.stats().retries.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    tokio::time::sleep(self.inner.opts.base_backoff).await;
                }
                other => return other,
            }
        }
    }

    /// THROTTLED comes with HTTP 200: wait what the bucket needs to cover the request.
    fn inspect(&self, r: &Response, requested: f64) -> Verdict {
        if r.status != 200 || !r.body.windows(9).any(|w| w == b"THROTTLED") {
            return Verdict::Done;
        }
        let Ok(v) = serde_json::from_slice::<Value>(&r.body) else { return Verdict::Done };
        if !error_codes(&v).any(|c| c == "THROTTLED") {
            return Verdict::Done;
        }
        let wait = self.observe(&v).map(|(available, rate)| Duration::from_secs_f64(((requested - available).max(0.0) / rate).min(60.0) + 0.05));
        Verdict::Throttled(wait)
    }

    /// Re-syncs the pacer with `throttleStatus`; (available, restore rate).
    fn observe(&self, v: &Value) -> Option<(f64, f64)> {
        let t = &v["extensions"]["cost"]["throttleStatus"];
        let (available, max, rate) = (t["currentlyAvailable"].as_f64()?, t["maximumAvailable"].as_f64()?, t["restoreRate"].as_f64()?);
        if rate <= 0.0 || max <= 0.0 {
            return None;
        }
        self.inner.pacer.observe(available, max, rate);
        Some((available, rate))
    }

    fn read(&self, op: &str, resp: &Response, key: &str) -> Result<Value> {
        let shop = &self.inner.shop;
        match resp.status {
            200..=299 => {}
            401 | 403 => return Err(self.inner.http.error(op, ErrorKind::Auth(format!("authentication failed for shop {shop} (HTTP {}): {}", resp.status, error_text(resp))))),
            402 => return Err(self.rejected(op, 402, format!("shop {shop} is frozen (unpaid): {}", error_text(resp)))),
            404 => return Err(self.rejected(op, 404, format!("unknown API version or shop {shop}: {}", error_text(resp)))),
            423 => return Err(self.rejected(op, 423, format!("shop {shop} is locked: {}", error_text(resp)))),
            s => return Err(self.rejected(op, s, error_text(resp))),
        }
        let v: Value = resp.json(&self.inner.http, op)?;
        self.observe(&v);
        if let Some(c) = v["extensions"]["cost"]["requestedQueryCost"].as_f64() {
            self.inner.costs.lock().expect("costs lock").insert(key.to_owned(), c);
        }
        if let Some(errors) = v.get("errors").filter(|e| !e.is_null()) {
            return Err(self.graphql_error(op, errors, &v));
        }
        match v.get("data") {
            Some(d @ Value::Object(_)) => Ok(d.clone()),
            _ => Err(self.malformed(op, &format!("no data object; body starts {:?}", resp.snippet()))),
        }
    }

    fn graphql_error(&self, op: &str, errors: &Value, v: &Value) -> crate::ConnectorError {
        let messages: Vec<String> = match errors {
            Value::Array(list) => list.iter().map(|e| e["message"].as_str().unwrap_or("error").to_owned()).collect(),
            other => vec![other.as_str().map(str::to_owned).unwrap_or_else(|| other.to_string())],
        };
        let message = messages.join("; ");
        let codes: Vec<&str> = error_codes(v).collect();
        if codes.contains(&"ACCESS_DENIED") {
            return self.inner.http.error(op, ErrorKind::Auth(format!("access denied for shop {}: {message}", self.inner.shop)));
        }
        if codes.contains(&"THROTTLED") {
            return self.inner.http.error(op, ErrorKind::Throttled { retry_after: None });
        }
        self.rejected(op, 200, message)
    }

    /// Writes back what a conversation decided, at most once per `key`.
    pub async fn write(&self, action: &WriteAction, key: &str) -> Result<WriteOutcome> {
        match action {
            WriteAction::OrderNote { order_external_id, note } => self.write_note(order_external_id, note, key).await,
            WriteAction::OrderTags { order_external_id, tags } => self.write_tags(order_external_id, tags, key).await,
            WriteAction::ReturnRequest { order_external_id, reason, note } => self.write_return(order_external_id, reason, note, key).await,
            WriteAction::Satisfaction { order_external_id, customer_external_id, score, comment } => {
                self.write_satisfaction(order_external_id, customer_external_id.as_deref(), *score, comment, key).await
            }
        }
    }

    async fn order_lookup(&self, op: &str, gid: &str, fields: &str, cost: f64) -> Result<Value> {
        let data = self.graphql(op, &format!("query Lookup($id: ID!) {{ order(id: $id) {{ id {fields} }} }}"), json!({"id": gid}), cost).await?;
        match &data["order"] {
            Value::Null => Err(self.rejected(op, 404, format!("order {gid} does not exist in shop {}", self.inner.shop))),
            o => Ok(o.clone()),
        }
    }

    async fn write_note(&self, gid: &str, note: &str, key: &str) -> Result<WriteOutcome> {
        let marker = idempotency_marker(key);
        let order = self.order_lookup("orderUpdate", gid, "note", 1.0).await?;
        let existing = order["note"].as_str().unwrap_or("");
        if existing.contains(&marker) {
            return Ok(WriteOutcome::AlreadyDone { remote_id: Some(gid.to_owned()) });
        }
        let text = if existing.trim().is_empty() { format!("{note} {marker}") } else { format!("{existing}\n\n{note} {marker}") };
        let m = "mutation Note($input: OrderInput!) { orderUpdate(input: $input) { order { id } userErrors { field message } } }";
        // Setting the whole note is idempotent: a transport retry writes the same text.
        let data = self.graphql("orderUpdate", m, json!({"input": {"id": gid, "note": text}}), 11.0).await?;
        self.user_errors("orderUpdate", &data["orderUpdate"])?;
        Ok(WriteOutcome::Written { remote_id: Some(gid.to_owned()) })
    }

    async fn write_tags(&self, gid: &str, tags: &[String], key: &str) -> Result<WriteOutcome> {
        let mark = format!("meridian-{}", short_hash(key));
        let order = self.order_lookup("tagsAdd", gid, "tags", 1.0).await?;
        let have = order["tags"].as_array().map(Vec::as_slice).unwrap_or(&[]);
        if have.iter().any(|t| t.as_str().is_some_and(|t| t.eq_ignore_ascii_case(&mark))) {
            return Ok(WriteOutcome::AlreadyDone { remote_id: Some(gid.to_owned()) });
        }
        let mut all: Vec<&str> = tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()).collect();
        all.push(&mark);
        let m = "mutation Tags($id: ID!, $tags: [String!]!) { tagsAdd(id: $id, tags: $tags) { node { id } userErrors { field message } } }";
        let data = self.graphql("tagsAdd", m, json!({"id": gid, "tags": all}), 11.0).await?;
        self.user_errors("tagsAdd", &data["tagsAdd"])?;
        Ok(WriteOutcome::Written { remote_id: Some(gid.to_owned()) })
    }

    async fn write_return(&self, gid: &str, reason: &str, note: &str, key: &str) -> Result<WriteOutcome> {
        let marker = idempotency_marker(key);
        let mut attempt = 0u32;
        loop {
            if let Some(id) = self.existing_return(gid, &marker).await? {
                // Found on a retry of our own: it landed although the answer was lost.
                return Ok(if attempt == 0 { WriteOutcome::AlreadyDone { remote_id: Some(id) } } else { WriteOutcome::Written { remote_id: Some(id) } });
            }
            match self.create_return(gid, &format!("{marker} {reason}: {note}")).await {
                Err(e) if e.is_transient() && attempt < self.inner.opts.max_retries => {
                    attempt += 1;
                    let wait = match e.kind {
                        ErrorKind::Throttled { retry_after: Some(d) } => d,
                        _ => self.inner.opts.base_backoff * attempt,
                    };
                    tokio::time::sleep(wait).await;
                }
                other => return other,
            }
        }
    }

    async fn existing_return(&self, gid: &str, marker: &str) -> Result<Option<String>> {
        let fields = "returns(first: 20) { nodes { id returnLineItems(first: 10) { nodes { ... on ReturnLineItem { returnReasonNote } } } } }";
        let order = self.order_lookup("returnCreate", gid, fields, 263.0).await?;
        let returns = order["returns"]["nodes"].as_array().map(Vec::as_slice).unwrap_or(&[]);
        Ok(returns
            .iter()
            .find(|r| r["returnLineItems"]["nodes"].as_array().is_some_and(|ls| ls.iter().any(|l| l["returnReasonNote"].as_str().is_some_and(|n| n.contains(marker)))))
            .and_then(|r| r["id"].as_str().map(str::to_owned)))
    }

    async fn create_return(&self, gid: &str, reason_note: &str) -> Result<WriteOutcome> {
        let q = "query Returnable($id: ID!) { returnableFulfillments(orderId: $id, first: 5) { nodes { returnableFulfillmentLineItems(first: 20) { nodes { quantity fulfillmentLineItem { id } } } } } }";
        let data = self.graphql("returnableFulfillments", q, json!({"id": gid}), 217.0).await?;
        let nodes = data["returnableFulfillments"]["nodes"].as_array().map(Vec::as_slice).unwrap_or(&[]);
        let items: Vec<Value> = nodes
            .iter()
            .flat_map(|f| f["returnableFulfillmentLineItems"]["nodes"].as_array().cloned().unwrap_or_default())
            .filter_map(|l| {
                let q = l["quantity"].as_i64().filter(|q| *q > 0)?;
                let id = l["fulfillmentLineItem"]["id"].as_str()?;
                Some(json!({"fulfillmentLineItemId": id, "quantity": q, "returnReason": "OTHER", "returnReasonNote": reason_note}))
            })
            .collect();
        if items.is_empty() {
            return Err(self.rejected("returnCreate", 422, format!("order {gid} has nothing left to return")));
        }
        let m = "mutation Return($input: ReturnInput!) { returnCreate(returnInput: $input) { return { id name status } userErrors { field message code } } }";
        let data = self.call("returnCreate", m, json!({"input": {"orderId": gid, "returnLineItems": items}}), 12.0, true).await?;
        self.user_errors("returnCreate", &data["returnCreate"])?;
        let id = data["returnCreate"]["return"]["id"].as_str().map(str::to_owned);
        Ok(WriteOutcome::Written { remote_id: id })
    }

    async fn write_satisfaction(&self, order_gid: &str, customer: Option<&str>, score: u8, comment: &str, key: &str) -> Result<WriteOutcome> {
        if !(1..=5).contains(&score) {
            return Err(self.rejected("metafieldsSet", 422, format!("satisfaction score {score} is not 1–5")));
        }
        let customer = match customer {
            Some(c) => c.to_owned(),
            None => {
                let o = self.order_lookup("metafieldsSet", order_gid, "customer { id }", 2.0).await?;
                o["customer"]["id"].as_str().map(str::to_owned).ok_or_else(|| self.rejected("metafieldsSet", 422, format!("order {order_gid} has no customer")))?
            }
        };
        let mkey = format!("csat_{}", short_hash(key));
        let q = "query Csat($id: ID!, $key: String!) { customer(id: $id) { id metafield(namespace: \"meridian\", key: $key) { id } } }";
        let data = self.graphql("metafieldsSet", q, json!({"id": customer, "key": mkey}), 2.0).await?;
        if data["customer"].is_null() {
            return Err(self.rejected("metafieldsSet", 404, format!("customer {customer} does not exist in shop {}", self.inner.shop)));
        }
        if let Some(id) = data["customer"]["metafield"]["id"].as_str() {
            return Ok(WriteOutcome::AlreadyDone { remote_id: Some(id.to_owned()) });
        }
        let value = json!({"score": score, "comment": comment, "order": order_gid, "marker": idempotency_marker(key)}).to_string();
        let input = json!([{"ownerId": customer, "namespace": "meridian", "key": mkey, "type": "json", "value": value}]);
        let m = "mutation Csat($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { metafields { id } userErrors { field message code } } }";
        // An upsert on (owner, namespace, key): retrying it cannot make a second copy.
        let data = self.graphql("metafieldsSet", m, json!({"metafields": input}), 11.0).await?;
        self.user_errors("metafieldsSet", &data["metafieldsSet"])?;
        Ok(WriteOutcome::Written { remote_id: data["metafieldsSet"]["metafields"][0]["id"].as_str().map(str::to_owned) })
    }

    fn user_errors(&self, op: &str, payload: &Value) -> Result<()> {
        if payload.is_null() {
            return Err(self.malformed(op, &format!("no {op} payload")));
        }
        let errors = payload["userErrors"].as_array().map(Vec::as_slice).unwrap_or(&[]);
        if errors.is_empty() {
            return Ok(());
        }
        let text: Vec<String> = errors
            .iter()
            .map(|e| {
                let field = e["field"].as_array().map(|f| f.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(".")).unwrap_or_default();
                let message = e["message"].as_str().unwrap_or("invalid");
                if field.is_empty() { message.to_owned() } else { format!("{field}: {message}") }
            })
            .collect();
        Err(self.rejected(op, 200, text.join("; ")))
    }

    /// Verifies `X-Shopify-Hmac-Sha256` on the raw body (before parsing), refuses replays by
    /// `X-Shopify-Webhook-Id`, and tells what changed.
    pub fn parse_webhook(&self, headers: &reqwest::header::HeaderMap, body: &[u8]) -> Result<WebhookEvent, WebhookError> {
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        verify_hmac_base64(self.inner.creds.webhook_secret.expose().as_bytes(), body, header("x-shopify-hmac-sha256"), "X-Shopify-Hmac-Sha256")?;
        let id = header("x-shopify-webhook-id").ok_or(WebhookError::MissingSignature("X-Shopify-Webhook-Id"))?;
        let sent_at = header("x-shopify-triggered-at").and_then(|t| t.parse::<jiff::Timestamp>().ok()).map(|t| t.as_second());
        self.inner.replay.accept(id, sent_at, jiff::Timestamp::now().as_second())?;
        let topic = header("x-shopify-topic").unwrap_or("").to_owned();
        let Ok(payload) = serde_json::from_slice::<Value>(body) else {
            return Ok(WebhookEvent::Ignored(format!("{topic}: unreadable payload")));
        };
        Ok(match map::webhook_order(&topic, &payload) {
            Some(external_id) => WebhookEvent::OrderChanged { external_id },
            None => WebhookEvent::Ignored(topic),
        })
    }
}

fn error_codes(v: &Value) -> impl Iterator<Item = &str> {
    v["errors"].as_array().map(Vec::as_slice).unwrap_or(&[]).iter().filter_map(|e| e["extensions"]["code"].as_str())
}

/// The message of a non-2xx answer: Shopify's `errors` (a string or a list) or the start.
fn error_text(resp: &Response) -> String {
    match serde_json::from_slice::<Value>(&resp.body).ok().and_then(|v| v.get("errors").cloned()) {
        Some(Value::String(s)) => s,
        Some(other) => other.to_string(),
        None => resp.snippet(),
    }
}

/// A short, stable stand-in for an idempotency key where Shopify limits lengths.
fn short_hash(key: &str) -> String {
    hex::encode(&Sha256::digest(key.as_bytes())[..6])
}

//! Shopify Admin GraphQL simulator: `POST /admin/api/{version}/graphql.json` under the
//! router's prefix, serving the demo world's Shopify orders.
//!
//! Contract (CONNECTORS.md §1): `X-Shopify-Access-Token` checked exactly (401 with Shopify's
//! body); any `YYYY-MM` version or `unstable` (echoed in `X-Shopify-API-Version`), anything
//! else 404; queries parsed by async-graphql's parser, validated against the schema slice in
//! `schema` (`undefinedField`), syntax errors as `{errors:[{message, locations}]}`. A
//! leaky bucket per shop (2,000 points, 100/s restore, the standard plan) reserves the
//! requested cost, refunds the difference to the actual cost, answers THROTTLED (HTTP 200)
//! when it cannot cover the request and MAX_COST_EXCEEDED above 1,000 points; every
//! response carries `extensions.cost`.
//!
//! Assumptions where the docs are silent: the bad-cursor message ("Invalid cursor for
//! current pagination"), the `first` out-of-range message, a missing body answering 400
//! `{"errors":{"query":"Required parameter missing or invalid"}}`, and the numeric ids of
//! customers, line items, fulfilments and returns (see `ids`). Backward pagination
//! (`last`/`before`) is not simulated.

mod exec;
mod mutations;
mod schema;
mod search;

use crate::state::{Shared, SimState};
use crate::webhooks::Outgoing;
use async_graphql::parser::types::{DocumentOperations, ExecutableDocument, Field, OperationDefinition, OperationType};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use meridian_core::Platform;
use serde_json::{json, Map, Value};
use std::collections::{HashMap, HashSet};
use std::time::Instant;

pub const MAX_AVAILABLE: f64 = 2000.0;
pub const RESTORE_RATE: f64 = 100.0;

/// A Shopify plan's cost bucket: (maximumAvailable, restoreRate). Standard 2,000/100,
/// Advanced 4,000/200, Plus 20,000/1,000 (bucket ≈ 20 × restore, as real responses show).
pub fn plan_bucket_or_standard(s: &ShopifyState) -> (f64, f64) {
    s.plan.unwrap_or((MAX_AVAILABLE, RESTORE_RATE))
}

pub fn plan_bucket(plan: &str) -> Option<(f64, f64)> {
    match plan {
        "standard" => Some((MAX_AVAILABLE, RESTORE_RATE)),
        "advanced" => Some((4000.0, 200.0)),
        "plus" => Some((20_000.0, 1000.0)),
        _ => None,
    }
}
pub const MAX_QUERY_COST: u64 = 1000;
const API_VERSION: &str = "2025-10";

/// What Shopify remembers beyond the world: write-backs, the cost bucket, webhook counters.
#[derive(Debug, Default)]
pub struct ShopifyState {
    /// Order notes and tags, by order position.
    pub notes: HashMap<usize, String>,
    pub tags: HashMap<usize, Vec<String>>,
    pub returns: Vec<ReturnRecord>,
    pub metafields: Vec<MetafieldRecord>,
    /// Points available and when that was computed; None = full.
    pub bucket: Option<(f64, Instant)>,
    /// The plan's (maximumAvailable, restoreRate); None = the standard plan.
    pub plan: Option<(f64, f64)>,
    /// Points actually spent by answered queries (for the backfill benchmark).
    pub spent: f64,
    /// THROTTLED answers given (the cost bucket's, not the fault injector's 429s).
    pub throttled: u64,
    /// Shipments whose fulfillments/create webhook was sent.
    pub announced: HashSet<usize>,
    pub webhooks_sent: u64,
}

#[derive(Debug, Clone)]
pub struct ReturnRecord {
    pub id: u64,
    pub order: usize,
    pub name: String,
    pub status: String,
    pub lines: Vec<ReturnLine>,
    pub created_at: jiff::Timestamp,
}

#[derive(Debug, Clone)]
pub struct ReturnLine {
    pub id: u64,
    pub shipment: usize,
    pub line: usize,
    pub quantity: i64,
    pub reason: String,
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct MetafieldRecord {
    pub id: u64,
    /// The owner's GID.
    pub owner: String,
    pub namespace: String,
    pub key: String,
    pub kind: String,
    pub value: String,
    pub created_at: jiff::Timestamp,
    pub updated_at: jiff::Timestamp,
}

/// Numeric ids of the records the world has no Shopify id for, derived from positions.
pub mod ids {
    pub fn customer(pos: usize) -> u64 {
        7_100_000_000 + pos as u64 * 13
    }
    pub fn customer_pos(n: u64) -> Option<usize> {
        let d = n.checked_sub(7_100_000_000)?;
        (d % 13 == 0).then_some((d / 13) as usize)
    }
    pub fn line(order_numeric: u64, l: usize) -> u64 {
        order_numeric * 100 + l as u64
    }
    pub fn fulfillment(k: usize) -> u64 {
        6_100_000_000 + k as u64
    }
    pub fn fulfillment_line(k: usize, l: usize) -> u64 {
        fulfillment(k) * 100 + l as u64
    }
    pub fn fulfillment_line_decode(n: u64) -> Option<(usize, usize)> {
        let k = (n / 100).checked_sub(6_100_000_000)?;
        Some((k as usize, (n % 100) as usize))
    }
}

/// "gid://shopify/Order/123" → 123 when the type matches.
pub fn numeric_of_gid(gid: &str, ty: &str) -> Option<u64> {
    let rest = gid.strip_prefix("gid://shopify/")?.strip_prefix(ty)?.strip_prefix('/')?;
    let digits = rest.split('?').next()?;
    digits.parse().ok()
}

pub fn router(state: Shared) -> axum::Router {
    axum::Router::new().route("/admin/api/{version}/graphql.json", post(graphql)).with_state(state)
}

fn valid_version(v: &str) -> bool {
    v == "unstable" || (v.len() == 7 && v.as_bytes()[4] == b'-' && v.bytes().enumerate().all(|(i, b)| i == 4 || b.is_ascii_digit()) && matches!(&v[5..], "01" | "04" | "07" | "10"))
}

fn respond(status: StatusCode, body: Value, version: Option<&str>) -> Response {
    let mut r = (status, body.to_string()).into_response();
    r.headers_mut().insert(axum::http::header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
    if let Some(v) = version.and_then(|v| HeaderValue::from_str(v).ok()) {
        r.headers_mut().insert("x-shopify-api-version", v);
    }
    r
}

async fn graphql(State(state): State<Shared>, Path(version): Path<String>, headers: HeaderMap, body: Bytes) -> Response {
    if !valid_version(&version) {
        return respond(StatusCode::NOT_FOUND, json!({"errors": "Not Found"}), None);
    }
    let mut s = state.lock();
    let token = headers.get("x-shopify-access-token").and_then(|v| v.to_str().ok());
    if token != Some(s.credentials.shopify.access_token.expose()) {
        return respond(StatusCode::UNAUTHORIZED, json!({"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"}), Some(&version));
    }
    let req: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let Some(query) = req.get("query").and_then(Value::as_str) else {
        return respond(StatusCode::BAD_REQUEST, json!({"errors": {"query": "Required parameter missing or invalid"}}), Some(&version));
    };
    let vars = req.get("variables").and_then(Value::as_object).cloned().unwrap_or_default();
    let op_name = req.get("operationName").and_then(Value::as_str);
    let answer = handle(&mut s, query, op_name, &vars);
    respond(StatusCode::OK, answer, Some(&version))
}

/// Runs one request against the bucket and the world; always a 200 body.
fn handle(s: &mut SimState, query: &str, op_name: Option<&str>, vars: &Map<String, Value>) -> Value {
    let doc = match async_graphql::parser::parse_query(query) {
        Ok(doc) => doc,
        Err(e) => {
            let locations: Vec<Value> = e.positions().map(|p| json!({"line": p.line, "column": p.column})).collect();
            return json!({"errors": [{"message": e.to_string(), "locations": locations}]});
        }
    };
    let op = match pick_operation(&doc, op_name) {
        Ok(op) => op,
        Err(message) => return json!({"errors": [{"message": message}]}),
    };
    let (root_ty, root) = match op.ty {
        OperationType::Query => ("QueryRoot", exec::Node::Query),
        OperationType::Mutation => ("Mutation", exec::Node::Mutation),
        OperationType::Subscription => return json!({"errors": [{"message": "Subscriptions are not supported"}]}),
    };
    let mut errors = Vec::new();
    schema::validate(&doc, &op.selection_set.node, root_ty, &mut Vec::new(), &mut errors);
    if !errors.is_empty() {
        return json!({"errors": errors});
    }
    let size = |f: &Field| page_arg(f, vars);
    let requested = schema::cost(&doc, &op.selection_set.node, root_ty, &size);
    if requested > MAX_QUERY_COST {
        return max_cost_exceeded(requested);
    }
    let available = refill(s);
    if available < requested as f64 {
        s.shopify.throttled += 1;
        return json!({
            "errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED", "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
            "extensions": {"cost": {"requestedQueryCost": requested, "actualQueryCost": null, "throttleStatus": throttle_status(s, available)}}
        });
    }
    let mut ex = exec::Exec::new(s, &doc, vars);
    let data = ex.exec_set(&op.selection_set.node, &root);
    let (actual, errors, search) = (ex.actual.min(requested), ex.errors, ex.search);
    let left = available - actual as f64;
    s.shopify.bucket = Some((left, Instant::now()));
    s.shopify.spent += actual as f64;
    let mut extensions = json!({"cost": {"requestedQueryCost": requested, "actualQueryCost": actual, "throttleStatus": throttle_status(s, left)}});
    if !search.is_empty() {
        extensions["search"] = json!(search);
    }
    let mut out = json!({"data": data, "extensions": extensions});
    if !errors.is_empty() {
        out["errors"] = json!(errors);
    }
    out
}

fn pick_operation<'d>(doc: &'d ExecutableDocument, name: Option<&str>) -> Result<&'d OperationDefinition, String> {
    match (&doc.operations, name) {
        (DocumentOperations::Single(op), _) => Ok(&op.node),
        (DocumentOperations::Multiple(ops), Some(n)) => ops.iter().find(|(k, _)| k.as_str() == n).map(|(_, op)| &op.node).ok_or_else(|| format!("No operation named \"{n}\"")),
        (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => Ok(&ops.values().next().expect("one operation").node),
        (DocumentOperations::Multiple(_), None) => Err("An operation name is required".into()),
    }
}

/// `first`/`last` of a field, from a literal or a variable.
fn page_arg(f: &Field, vars: &Map<String, Value>) -> Option<u64> {
    use async_graphql::Value as V;
    let v = f.get_argument("first").or_else(|| f.get_argument("last"))?;
    let c = v.node.clone().into_const_with(|n| Ok::<_, ()>(vars.get(n.as_str()).cloned().and_then(|j| V::from_json(j).ok()).unwrap_or(V::Null))).ok()?;
    match c {
        V::Number(n) => n.as_u64(),
        _ => None,
    }
}

fn refill(s: &mut SimState) -> f64 {
    let now = Instant::now();
    let (max, restore) = s.shopify.plan.unwrap_or((MAX_AVAILABLE, RESTORE_RATE));
    let available = match s.shopify.bucket {
        None => max,
        Some((a, at)) => (a + now.duration_since(at).as_secs_f64() * restore).min(max),
    };
    s.shopify.bucket = Some((available, now));
    available
}

fn throttle_status(s: &SimState, available: f64) -> Value {
    let (max, restore) = s.shopify.plan.unwrap_or((MAX_AVAILABLE, RESTORE_RATE));
    json!({"maximumAvailable": max, "currentlyAvailable": available.floor().max(0.0) as u64, "restoreRate": restore})
}

fn max_cost_exceeded(requested: u64) -> Value {
    json!({"errors": [{
        "message": format!("Query cost is {requested}, which exceeds the single query max cost limit ({MAX_QUERY_COST}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n"),
        "extensions": {"code": "MAX_COST_EXCEEDED", "cost": requested, "maxCost": MAX_QUERY_COST, "documentation": "https://shopify.dev/api/usage/rate-limits"}
    }]})
}

/// The webhooks Shopify sends when an order changed: orders/updated, and fulfillments/create
/// for each parcel shipped since the last one announced.
pub fn order_changed(s: &mut SimState, order: usize) -> Vec<Outgoing> {
    if s.world.orders.get(order).is_none_or(|o| o.platform != Platform::Shopify) {
        return Vec::new();
    }
    let mut hooks = vec![signed(s, "orders/updated", rest_order(s, order))];
    let fresh: Vec<usize> = s
        .world
        .shipments
        .iter()
        .enumerate()
        .filter(|(k, sh)| sh.order_id as usize == order && sh.shipped_at.is_some_and(|t| t > s.now) && !s.shopify.announced.contains(k))
        .map(|(k, _)| k)
        .collect();
    for k in fresh {
        s.shopify.announced.insert(k);
        let body = rest_fulfillment(s, k);
        hooks.push(signed(s, "fulfillments/create", body));
    }
    hooks
}

fn signed(s: &mut SimState, topic: &str, body: Value) -> Outgoing {
    s.shopify.webhooks_sent += 1;
    let n = s.shopify.webhooks_sent;
    let body = serde_json::to_vec(&body).expect("JSON values serialise");
    let hmac = meridian_connectors::webhook::hmac_sha256_base64(s.credentials.shopify.webhook_secret.expose().as_bytes(), &body);
    let shop = s.stores_of(Platform::Shopify).next().map(|i| s.world.stores[i].domain.clone()).unwrap_or_default();
    let webhook_id = format!("{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}", s.seed as u32, n & 0xffff, (n >> 16) & 0xfff, n & 0xfff, n);
    let headers = vec![
        ("X-Shopify-Topic".to_owned(), topic.to_owned()),
        ("X-Shopify-Hmac-Sha256".to_owned(), hmac),
        ("X-Shopify-Shop-Domain".to_owned(), shop),
        ("X-Shopify-API-Version".to_owned(), API_VERSION.to_owned()),
        ("X-Shopify-Webhook-Id".to_owned(), webhook_id),
        ("X-Shopify-Triggered-At".to_owned(), jiff::Timestamp::now().to_string()),
        ("X-Shopify-Event-Id".to_owned(), (98_000_000_000 + n).to_string()),
    ];
    Outgoing { api: "shopify", topic: topic.to_owned(), headers, body }
}

/// The REST-style order resource the orders/* topics carry.
fn rest_order(s: &SimState, i: usize) -> Value {
    let o = &s.world.orders[i];
    let id = numeric_of_gid(&o.external_id, "Order").unwrap_or(0);
    let customer = o.customer_id.map(|c| {
        let cu = &s.world.customers[c as usize];
        let (first, last) = exec::split_name(&cu.name);
        json!({"id": ids::customer(c as usize), "admin_graphql_api_id": format!("gid://shopify/Customer/{}", ids::customer(c as usize)),
               "email": cu.identity(meridian_core::IdentityKind::Email), "phone": cu.identity(meridian_core::IdentityKind::Phone), "first_name": first, "last_name": last})
    });
    let lines: Vec<Value> = o.lines.iter().enumerate().map(|(l, x)| {
        let lid = ids::line(id, l);
        json!({"id": lid, "admin_graphql_api_id": format!("gid://shopify/LineItem/{lid}"), "name": x.name, "title": x.name, "sku": x.sku, "quantity": x.quantity, "price": x.unit_price.decimal_string()})
    }).collect();
    let fulfillments: Vec<Value> = s.world.shipments.iter().enumerate().filter(|(_, sh)| sh.order_id as usize == i).map(|(k, _)| rest_fulfillment(s, k)).collect();
    let fulfillment_status = match o.fulfillment_status {
        meridian_core::FulfillmentStatus::Fulfilled => json!("fulfilled"),
        meridian_core::FulfillmentStatus::PartiallyFulfilled => json!("partial"),
        _ => Value::Null,
    };
    json!({
        "id": id, "admin_graphql_api_id": o.external_id, "name": format!("#{}", o.number), "order_number": o.number.parse::<u64>().ok(),
        "email": o.email, "created_at": o.created_at.to_string(), "updated_at": o.updated_at.to_string(),
        "cancelled_at": o.cancelled_at.map(|t| t.to_string()), "financial_status": o.financial_status.as_str(), "fulfillment_status": fulfillment_status,
        "currency": o.total.currency, "total_price": o.total.decimal_string(), "subtotal_price": o.subtotal.decimal_string(), "total_tax": o.tax.decimal_string(),
        "note": s.shopify.notes.get(&i), "tags": s.shopify.tags.get(&i).map(|t| t.join(", ")).unwrap_or_default(),
        "customer": customer, "line_items": lines, "fulfillments": fulfillments,
    })
}

fn rest_fulfillment(s: &SimState, k: usize) -> Value {
    let sh = &s.world.shipments[k];
    let order = &s.world.orders[sh.order_id as usize];
    let fid = ids::fulfillment(k);
    json!({
        "id": fid, "admin_graphql_api_id": format!("gid://shopify/Fulfillment/{fid}"),
        "order_id": numeric_of_gid(&order.external_id, "Order"), "status": "success",
        "created_at": sh.shipped_at.unwrap_or(sh.fresh_at).to_string(), "updated_at": sh.fresh_at.to_string(),
        "tracking_company": sh.carrier.display_name(), "tracking_number": sh.tracking_number, "tracking_numbers": [sh.tracking_number],
        "tracking_url": format!("https://t.17track.net/en#nums={}", sh.tracking_number),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &crate::Shared, q: &str, vars: Value) -> Value {
        let mut g = s.lock();
        handle(&mut g, q, None, vars.as_object().unwrap())
    }

    fn state() -> crate::Shared {
        SimState::build(&crate::Options { orders: 120, ..Default::default() })
    }

    #[test]
    fn versions_and_gids() {
        assert!(valid_version("2025-10") && valid_version("unstable"));
        assert!(!valid_version("2025-13") && !valid_version("latest") && !valid_version("2025-1"));
        assert_eq!(numeric_of_gid("gid://shopify/Order/12", "Order"), Some(12));
        assert_eq!(numeric_of_gid("gid://shopify/Customer/12", "Order"), None);
        assert_eq!(ids::fulfillment_line_decode(ids::fulfillment_line(7, 2)), Some((7, 2)));
        assert_eq!(ids::customer_pos(ids::customer(33)), Some(33));
    }

    #[test]
    fn unknown_fields_syntax_errors_and_cost() {
        let s = state();
        let v = run(&s, "{ shop { name nope } }", json!({}));
        assert_eq!(v["errors"][0]["extensions"]["code"], "undefinedField");
        assert_eq!(v["errors"][0]["extensions"]["fieldName"], "nope");
        let v = run(&s, "{ shop { name }", json!({}));
        assert!(v["errors"][0]["locations"][0]["line"].is_number() && v.get("data").is_none(), "{v}");
        let v = run(&s, "query($n: Int!) { orders(first: $n) { nodes { id lineItems(first: 5) { nodes { id } } } } }", json!({"n": 10}));
        // 2 + 10 × (1 + (2 + 5 × 1))
        assert_eq!(v["extensions"]["cost"]["requestedQueryCost"], 82, "{v}");
        let v = run(&s, "{ orders(first: 250) { nodes { id lineItems(first: 50) { nodes { id } } } } }", json!({}));
        assert_eq!(v["errors"][0]["extensions"]["code"], "MAX_COST_EXCEEDED");
    }

    #[test]
    fn the_bucket_throttles_when_it_cannot_cover_the_request() {
        let s = state();
        let q = "{ orders(first: 190) { nodes { id lineItems(first: 2) { nodes { id } } } } }"; // 2 + 190 × 5
        let v = run(&s, q, json!({}));
        assert_eq!(v["extensions"]["cost"]["requestedQueryCost"], 952);
        let left = v["extensions"]["cost"]["throttleStatus"]["currentlyAvailable"].as_f64().unwrap();
        assert!(left < 2000.0 && left >= 2000.0 - 952.0, "{left}");
        s.lock().shopify.bucket = Some((500.0, Instant::now()));
        let v = run(&s, q, json!({}));
        assert_eq!(v["errors"][0]["extensions"]["code"], "THROTTLED", "{v}");
        assert!(v["extensions"]["cost"]["actualQueryCost"].is_null() && v.get("data").is_none());
        assert_eq!(v["extensions"]["cost"]["throttleStatus"]["currentlyAvailable"], 500);
        let throttled = 1;
        assert_eq!(s.lock().shopify.throttled, throttled);
    }

    #[test]
    fn pagination_covers_every_order_once_and_bad_cursors_fail() {
        let s = state();
        let total = s.lock().orders_of(Platform::Shopify).count();
        let mut seen = HashSet::new();
        let mut after = Value::Null;
        loop {
            let v = run(&s, "query($a: String) { orders(first: 7, after: $a, sortKey: UPDATED_AT) { pageInfo { hasNextPage endCursor } edges { node { id } } } }", json!({"a": after}));
            for e in v["data"]["orders"]["edges"].as_array().unwrap() {
                assert!(seen.insert(e["node"]["id"].as_str().unwrap().to_owned()));
            }
            if v["data"]["orders"]["pageInfo"]["hasNextPage"] != true {
                break;
            }
            after = v["data"]["orders"]["pageInfo"]["endCursor"].clone();
        }
        assert_eq!(seen.len(), total);
        let v = run(&s, "{ orders(first: 5, after: \"%%%\") { nodes { id } } }", json!({}));
        assert_eq!(v["errors"][0]["extensions"]["code"], "BAD_REQUEST", "{v}");
        let v = run(&s, "{ orders(first: 5, query: \"colour:red\") { nodes { id } } }", json!({}));
        assert_eq!(v["data"]["orders"]["nodes"].as_array().unwrap().len(), 0);
        assert_eq!(v["extensions"]["search"][0]["warnings"][0]["field"], "colour");
    }
}

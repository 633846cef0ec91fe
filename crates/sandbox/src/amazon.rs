//! Amazon SP-API (Orders v0, Tokens 2021-03-01) and Login with Amazon simulators.
//!
//! Assumptions where CONNECTORS.md is silent:
//! - getOrders sorts by `LastUpdateDate` then `AmazonOrderId`; its `NextToken` is opaque
//!   (base64 of the filters plus the last key seen), so a token only works with the filters
//!   it was issued for. `LastUpdatedBefore`/`CreatedBefore` default to "now" (the real API
//!   also requires them to be two minutes in the past; the sandbox does not).
//! - getOrderItems pages two items at a time so that clients exercise its `NextToken`.
//! - Prices: `ItemPrice` is the line total (unit price × quantity); the order's shipping and
//!   tax are carried on its first item (`ShippingPrice`, `ItemTax`).
//! - Validation messages are worded after the real ones as far as they are known.

// Helpers return the platform's error answer as `Err(Response)`, as handlers do.
#![allow(clippy::result_large_err)]

use crate::state::{Shared, SimState};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use meridian_core::{FinancialStatus, FulfillmentStatus, IdentityKind, Money, Platform};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Restricted paths and the data elements a Restricted Data Token may unlock for them.
const ELEMENTS: [&str; 3] = ["buyerInfo", "shippingAddress", "buyerTaxInformation"];
const ITEMS_PER_PAGE: usize = 2;

#[derive(Debug, Clone)]
struct Resource {
    method: String,
    path: String,
    elements: Vec<String>,
}

#[derive(Debug, Clone)]
enum Grant {
    Access { expires: Instant },
    Restricted { expires: Instant, resources: Vec<Resource> },
}

#[derive(Debug)]
pub struct AmazonState {
    /// Usage plan per operation: (rate per second, burst). The real defaults; tests may
    /// lower them to provoke throttling quickly.
    pub plans: HashMap<&'static str, (f64, f64)>,
    buckets: HashMap<&'static str, (f64, Instant)>,
    tokens: HashMap<String, Grant>,
    /// Successful LWA refreshes and RDTs issued (tests check the clients cache them).
    pub lwa_grants: u64,
    pub rdt_grants: u64,
    serial: u64,
}

impl Default for AmazonState {
    fn default() -> Self {
        let plans = [
            ("getOrders", (0.0167, 20.0)),
            ("getOrder", (0.5, 30.0)),
            ("getOrderItems", (0.5, 30.0)),
            ("getOrderAddress", (0.5, 30.0)),
            ("getOrderBuyerInfo", (0.5, 30.0)),
            ("createRestrictedDataToken", (1.0, 10.0)),
        ];
        AmazonState { plans: plans.into_iter().collect(), buckets: HashMap::new(), tokens: HashMap::new(), lwa_grants: 0, rdt_grants: 0, serial: 0 }
    }
}

impl AmazonState {
    /// Makes every issued access token and RDT expire now (as after an hour).
    pub fn expire_tokens(&mut self) {
        let now = Instant::now();
        for g in self.tokens.values_mut() {
            match g {
                Grant::Access { expires } | Grant::Restricted { expires, .. } => *expires = now,
            }
        }
    }

    fn next_serial(&mut self) -> u64 {
        self.serial += 1;
        self.serial
    }

    /// Takes one token from the operation's bucket; false when it is empty.
    fn take(&mut self, op: &'static str) -> bool {
        let (rate, burst) = self.plans.get(op).copied().unwrap_or((1.0, 1.0));
        let now = Instant::now();
        let (avail, at) = self.buckets.entry(op).or_insert((burst, now));
        *avail = (*avail + now.duration_since(*at).as_secs_f64() * rate).min(burst);
        *at = now;
        if *avail >= 1.0 {
            *avail -= 1.0;
            true
        } else {
            false
        }
    }
}

pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/orders/v0/orders", get(get_orders))
        .route("/orders/v0/orders/{id}", get(get_order))
        .route("/orders/v0/orders/{id}/orderItems", get(get_order_items))
        .route("/orders/v0/orders/{id}/address", get(get_order_address))
        .route("/orders/v0/orders/{id}/buyerInfo", get(get_order_buyer_info))
        .route("/tokens/2021-03-01/restrictedDataToken", post(create_rdt))
        .with_state(state)
}

pub fn lwa_router(state: Shared) -> Router {
    Router::new().route("/auth/o2/token", post(lwa_token)).with_state(state)
}

// ---------- Login with Amazon ----------

fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    (status, Json(json!({ "error": error, "error_description": description }))).into_response()
}

async fn lwa_token(State(state): State<Shared>, body: String) -> Response {
    let form: HashMap<String, String> = form_pairs(&body).into_iter().collect();
    let field = |k: &str| form.get(k).map(String::as_str).unwrap_or("");
    let mut s = state.lock();
    let creds = s.credentials.amazon.clone();
    if field("grant_type") != "refresh_token" {
        return oauth_error(StatusCode::BAD_REQUEST, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server");
    }
    if field("client_id") != creds.client_id || field("client_secret") != creds.client_secret.expose() {
        return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "Client authentication failed");
    }
    if field("refresh_token") != creds.refresh_token.expose() {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
    }
    let n = s.amazon.next_serial();
    let token = format!("Atza|IwEBI{:016x}{n:08x}", s.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ n);
    s.amazon.tokens.insert(token.clone(), Grant::Access { expires: Instant::now() + Duration::from_secs(3600) });
    s.amazon.lwa_grants += 1;
    Json(json!({ "access_token": token, "refresh_token": creds.refresh_token.expose(), "token_type": "bearer", "expires_in": 3600 })).into_response()
}

/// `application/x-www-form-urlencoded` pairs, percent- and plus-decoded.
fn form_pairs(body: &str) -> Vec<(String, String)> {
    body.split('&').filter(|p| !p.is_empty()).map(|p| {
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        (percent_decode(k), percent_decode(v))
    }).collect()
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b[i], hex) {
            (b'+', _) => out.push(b' '),
            (b'%', Some(v)) => {
                out.push(v);
                i += 2;
            }
            (c, _) => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

// ---------- SP-API plumbing ----------

/// What the caller's token allows on this path: `Some(elements)` with an RDT.
type Access = Option<Vec<String>>;

fn request_id(s: &mut SimState) -> String {
    let n = s.amazon.next_serial();
    format!("{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}", s.seed as u32, n & 0xffff, n & 0xfff, (n >> 12) & 0xfff, n)
}

fn reply(s: &mut SimState, status: StatusCode, body: Value, op: Option<&'static str>) -> Response {
    let mut r = (status, Json(body)).into_response();
    let id = request_id(s);
    r.headers_mut().insert("x-amzn-RequestId", HeaderValue::from_str(&id).expect("ascii"));
    if let Some(rate) = op.and_then(|op| s.amazon.plans.get(op)).map(|p| p.0) {
        r.headers_mut().insert("x-amzn-RateLimit-Limit", HeaderValue::from_str(&rate.to_string()).expect("ascii"));
    }
    r
}

fn error(s: &mut SimState, status: StatusCode, code: &str, message: &str, details: &str, op: Option<&'static str>) -> Response {
    reply(s, status, json!({ "errors": [{ "code": code, "message": message, "details": details }] }), op)
}

fn invalid(s: &mut SimState, message: &str, op: &'static str) -> Response {
    error(s, StatusCode::BAD_REQUEST, "InvalidInput", message, "", Some(op))
}

/// Checks the token (403 when unknown or expired, or an RDT used off its paths), then the
/// operation's bucket (429 QuotaExceeded).
fn admit(s: &mut SimState, headers: &HeaderMap, op: &'static str, path: &str) -> Result<Access, Response> {
    let token = headers.get("x-amz-access-token").and_then(|v| v.to_str().ok()).unwrap_or("");
    let now = Instant::now();
    let access = match s.amazon.tokens.get(token) {
        Some(Grant::Access { expires }) if *expires > now => None,
        Some(Grant::Restricted { expires, resources }) if *expires > now => match resources.iter().find(|r| r.method == "GET" && path_matches(&r.path, path)) {
            Some(r) => Some(r.elements.clone()),
            None => return Err(denied(s)),
        },
        _ => return Err(denied(s)),
    };
    if !s.amazon.take(op) {
        return Err(error(s, StatusCode::TOO_MANY_REQUESTS, "QuotaExceeded", "You exceeded your quota for the requested resource.", "", Some(op)));
    }
    Ok(access)
}

fn denied(s: &mut SimState) -> Response {
    error(s, StatusCode::FORBIDDEN, "Unauthorized", "Access to requested resource is denied.", "The access token you provided is revoked, malformed or invalid.", None)
}

/// An RDT path matches exactly, or generically with `{orderId}` standing for one segment.
fn path_matches(granted: &str, path: &str) -> bool {
    let g: Vec<&str> = granted.trim_end_matches('/').split('/').collect();
    let p: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    g.len() == p.len() && g.iter().zip(&p).all(|(a, b)| a == b || (a.starts_with('{') && a.ends_with('}')))
}

fn has(access: &Access, element: &str) -> bool {
    access.as_ref().is_some_and(|e| e.iter().any(|x| x == element))
}

fn iso(ts: jiff::Timestamp) -> String {
    ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn money(m: &Money) -> Value {
    json!({ "CurrencyCode": m.currency, "Amount": m.decimal_string() })
}

fn amazon_order(s: &SimState, id: &str) -> Option<usize> {
    s.orders_of(Platform::Amazon).find(|&i| s.world.orders[i].external_id == id)
}

fn status_of(s: &SimState, i: usize) -> &'static str {
    let o = &s.world.orders[i];
    match (o.fulfillment_status, o.financial_status) {
        (FulfillmentStatus::Cancelled, _) => "Canceled",
        (_, FinancialStatus::Pending) => "Pending",
        (FulfillmentStatus::Fulfilled, _) => "Shipped",
        (FulfillmentStatus::PartiallyFulfilled, _) => "PartiallyShipped",
        (FulfillmentStatus::OnHold, _) => "Pending",
        _ => "Unshipped",
    }
}

fn sales_channel(marketplace: &str) -> &'static str {
    match marketplace {
        "ATVPDKIKX0DER" => "Amazon.com",
        "A1PA6795UKMFR9" => "Amazon.de",
        "A1VC38T7YXB528" => "Amazon.co.jp",
        "A1F83G8C2ARO7P" => "Amazon.co.uk",
        _ => "Amazon",
    }
}

/// The shipping address as the caller may see it: PII parts only with an RDT.
fn address_json(s: &SimState, i: usize, access: &Access) -> Option<Value> {
    let status = status_of(s, i);
    if !matches!(status, "Unshipped" | "PartiallyShipped" | "Shipped" | "InvoiceUnconfirmed") {
        return None;
    }
    let a = s.world.orders[i].shipping_address.as_ref()?;
    let mut v = json!({ "City": a.city, "CountryCode": a.country });
    if let Some(r) = &a.region {
        v["StateOrRegion"] = json!(r);
    }
    if let Some(p) = &a.postcode {
        v["PostalCode"] = json!(p);
    }
    if has(access, "shippingAddress") {
        v["Name"] = json!(a.name);
        v["AddressLine1"] = json!(a.line1);
        if let Some(l2) = &a.line2 {
            v["AddressLine2"] = json!(l2);
        }
        if let Some(p) = &a.phone {
            v["Phone"] = json!(p);
        }
        v["AddressType"] = json!("Residential");
    }
    Some(v)
}

fn buyer_json(s: &SimState, i: usize) -> Value {
    let o = &s.world.orders[i];
    let c = o.customer_id.and_then(|c| s.world.customers.get(c as usize));
    let mut v = json!({});
    if let Some(c) = c {
        if let Some(alias) = c.identity(IdentityKind::AmazonAlias) {
            v["BuyerEmail"] = json!(alias);
        }
        v["BuyerName"] = json!(c.name);
    }
    v
}

fn order_json(s: &SimState, i: usize, access: &Access) -> Value {
    let o = &s.world.orders[i];
    let marketplace = s.world.stores[o.store_id as usize].domain.clone();
    let status = status_of(s, i);
    let items: i64 = o.lines.iter().map(|l| l.quantity).sum();
    let shipped = if status == "Shipped" { items } else { 0 };
    let mut v = json!({
        "AmazonOrderId": o.external_id,
        "PurchaseDate": iso(o.created_at),
        "LastUpdateDate": iso(o.updated_at),
        "OrderStatus": status,
        "FulfillmentChannel": "MFN",
        "SalesChannel": sales_channel(&marketplace),
        "ShipServiceLevel": "Std Dom",
        "ShipmentServiceLevelCategory": "Standard",
        "NumberOfItemsShipped": shipped,
        "NumberOfItemsUnshipped": items - shipped,
        "PaymentMethod": "Other",
        "PaymentMethodDetails": ["Standard"],
        "MarketplaceId": marketplace,
        "OrderType": "StandardOrder",
        "EarliestShipDate": iso(o.created_at + jiff::SignedDuration::from_hours(24)),
        "LatestShipDate": iso(o.created_at + jiff::SignedDuration::from_hours(48)),
        "IsBusinessOrder": false,
        "IsPrime": false,
        "IsPremiumOrder": false,
        "IsGlobalExpressEnabled": false,
        "IsReplacementOrder": false,
        "IsSoldByAB": false,
        "IsISPU": false,
        "IsAccessPointOrder": false,
        "HasRegulatedItems": false,
    });
    if status != "Pending" {
        v["OrderTotal"] = money(&o.total);
    }
    if let Some(addr) = address_json(s, i, access) {
        v["ShippingAddress"] = addr;
    }
    if has(access, "buyerInfo") {
        v["BuyerInfo"] = buyer_json(s, i);
    }
    v
}

fn item_json(s: &SimState, i: usize, k: usize) -> Value {
    let o = &s.world.orders[i];
    let l = &o.lines[k];
    let zero = Money { minor: 0, currency: o.total.currency.clone() };
    let (ship, tax) = if k == 0 { (o.shipping.clone(), o.tax.clone()) } else { (zero.clone(), zero.clone()) };
    let h = l.sku.bytes().fold(i as u64 * 31 + k as u64, |h, b| h.wrapping_mul(131).wrapping_add(b as u64));
    let shipped = if status_of(s, i) == "Shipped" { l.quantity } else { 0 };
    json!({
        "ASIN": format!("B0{:08X}", h % 0xFFFF_FFFF),
        "SellerSKU": l.sku,
        "OrderItemId": format!("{:014}", h % 100_000_000_000_000),
        "Title": l.name,
        "QuantityOrdered": l.quantity,
        "QuantityShipped": shipped,
        "ProductInfo": { "NumberOfItems": "1" },
        "ItemPrice": money(&l.unit_price.times(l.quantity).unwrap_or(zero.clone())),
        "ItemTax": money(&tax),
        "ShippingPrice": money(&ship),
        "ShippingTax": money(&zero),
        "PromotionDiscount": money(&zero),
        "PromotionDiscountTax": money(&zero),
        "IsGift": "false",
        "ConditionId": "New",
        "ConditionSubtypeId": "New",
        "IsTransparency": false,
        "SerialNumberRequired": false,
        "BuyerRequestedCancel": { "IsBuyerRequestedCancel": "false", "BuyerCancelReason": "" },
    })
}

// ---------- getOrders ----------

/// The filters of one getOrders listing, canonical so that a NextToken can be tied to them.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
struct Filters {
    marketplaces: Vec<String>,
    /// true: LastUpdated*; false: Created*.
    by_update: bool,
    after: jiff::Timestamp,
    before: Option<jiff::Timestamp>,
    statuses: Vec<String>,
    ids: Vec<String>,
    per_page: usize,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Cursor {
    f: Filters,
    /// Last key served: (update or purchase time, order id).
    k: (jiff::Timestamp, String),
}

fn list(q: &[(String, String)], key: &str) -> Vec<String> {
    q.iter().filter(|(k, _)| k == key).flat_map(|(_, v)| v.split(',').map(str::trim).filter(|x| !x.is_empty()).map(str::to_owned)).collect()
}

fn one<'a>(q: &'a [(String, String)], key: &str) -> Option<&'a str> {
    q.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

fn date(q: &[(String, String)], key: &str) -> Result<Option<jiff::Timestamp>, String> {
    match one(q, key) {
        None => Ok(None),
        Some(v) => v.parse::<jiff::Timestamp>().map(Some).map_err(|_| format!("Invalid {key}: {v} is not a valid ISO 8601 date time")),
    }
}

/// Parses and validates the filters the way getOrders does; `Err` is the InvalidInput message.
fn filters(s: &SimState, q: &[(String, String)]) -> Result<Option<Filters>, String> {
    let marketplaces = list(q, "MarketplaceIds");
    if marketplaces.is_empty() {
        return Err("MarketplaceIds is required".into());
    }
    if marketplaces.len() > 50 {
        return Err("MarketplaceIds cannot contain more than 50 values".into());
    }
    let known: Vec<String> = s.stores_of(Platform::Amazon).map(|i| s.world.stores[i].domain.clone()).collect();
    if let Some(bad) = marketplaces.iter().find(|m| !known.contains(m)) {
        return Err(format!("Invalid MarketplaceIds: {bad}"));
    }
    let (ca, cb, ua, ub) = (date(q, "CreatedAfter")?, date(q, "CreatedBefore")?, date(q, "LastUpdatedAfter")?, date(q, "LastUpdatedBefore")?);
    if ca.is_some() && (ua.is_some() || ub.is_some()) || ua.is_some() && cb.is_some() {
        return Err("Only one of CreatedAfter or LastUpdatedAfter may be specified; LastUpdated dates cannot be combined with Created dates".into());
    }
    let per_page = match one(q, "MaxResultsPerPage") {
        None => 100,
        Some(v) => match v.parse::<usize>() {
            Ok(n) if (1..=100).contains(&n) => n,
            _ => return Err(format!("Invalid MaxResultsPerPage: {v}. MaxResultsPerPage must be between 1 and 100")),
        },
    };
    let ids = list(q, "AmazonOrderIds");
    if ids.len() > 50 {
        return Err("AmazonOrderIds cannot contain more than 50 values".into());
    }
    let (by_update, after, before) = match (ca, ua) {
        (Some(a), None) => (false, a, cb),
        (None, Some(a)) => (true, a, ub),
        _ if one(q, "NextToken").is_some() => return Ok(None),
        _ => return Err("Either CreatedAfter or LastUpdatedAfter must be specified".into()),
    };
    if before.is_some_and(|b| b <= after) {
        return Err("The before date must be later than the after date".into());
    }
    let mut statuses = list(q, "OrderStatuses");
    statuses.sort();
    Ok(Some(Filters { marketplaces, by_update, after, before, statuses, ids, per_page }))
}

async fn get_orders(State(state): State<Shared>, headers: HeaderMap, Query(q): Query<Vec<(String, String)>>) -> Response {
    let mut s = state.lock();
    let op = "getOrders";
    let access = match admit(&mut s, &headers, op, "/orders/v0/orders") {
        Ok(a) => a,
        Err(r) => return r,
    };
    let given = match filters(&s, &q) {
        Ok(f) => f,
        Err(m) => return invalid(&mut s, &m, op),
    };
    let (f, after_key) = match one(&q, "NextToken") {
        None => (given.expect("filters required without a token"), None),
        Some(t) => match decode_cursor(t) {
            Some(c) if given.as_ref().is_none_or(|g| *g == c.f) => (c.f, Some(c.k)),
            _ => return invalid(&mut s, "Invalid NextToken", op),
        },
    };
    let now = s.change_time();
    let (page, next) = select(&s, &f, after_key.as_ref(), now);
    let orders: Vec<Value> = page.iter().map(|&i| order_json(&s, i, &access)).collect();
    let mut payload = json!({ "Orders": orders });
    if let Some(k) = next {
        payload["NextToken"] = json!(encode_cursor(&Cursor { f: f.clone(), k }));
    }
    let bound = if f.by_update { "LastUpdatedBefore" } else { "CreatedBefore" };
    payload[bound] = json!(iso(f.before.unwrap_or(now)));
    reply(&mut s, StatusCode::OK, json!({ "payload": payload }), Some(op))
}

/// The page after `after_key` and the key to continue from, when more remain.
fn select(s: &SimState, f: &Filters, after_key: Option<&(jiff::Timestamp, String)>, now: jiff::Timestamp) -> (Vec<usize>, Option<(jiff::Timestamp, String)>) {
    let key = |i: usize| {
        let o = &s.world.orders[i];
        (if f.by_update { o.updated_at } else { o.created_at }, o.external_id.clone())
    };
    let before = f.before.unwrap_or(now);
    let mut hits: Vec<usize> = s
        .orders_of(Platform::Amazon)
        .filter(|&i| f.marketplaces.contains(&s.world.stores[s.world.orders[i].store_id as usize].domain))
        .filter(|&i| f.statuses.is_empty() || f.statuses.iter().any(|st| st == status_of(s, i)))
        .filter(|&i| f.ids.is_empty() || f.ids.contains(&s.world.orders[i].external_id))
        .filter(|&i| {
            let (t, _) = key(i);
            t > f.after && t <= before
        })
        .filter(|&i| after_key.is_none_or(|k| key(i) > *k))
        .collect();
    hits.sort_by_key(|&i| key(i));
    let more = hits.len() > f.per_page;
    hits.truncate(f.per_page);
    let next = if more { hits.last().map(|&i| key(i)) } else { None };
    (hits, next)
}

fn encode_cursor(c: &Cursor) -> String {
    base64::engine::general_purpose::STANDARD.encode(serde_json::to_vec(c).expect("plain data"))
}

fn decode_cursor(t: &str) -> Option<Cursor> {
    let bytes = base64::engine::general_purpose::STANDARD.decode(t.trim()).ok()?;
    serde_json::from_slice(&bytes).ok()
}

// ---------- getOrder and friends ----------

async fn get_order(State(state): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    let mut s = state.lock();
    let op = "getOrder";
    let access = match admit(&mut s, &headers, op, &format!("/orders/v0/orders/{id}")) {
        Ok(a) => a,
        Err(r) => return r,
    };
    match amazon_order(&s, &id) {
        Some(i) => {
            let body = json!({ "payload": order_json(&s, i, &access) });
            reply(&mut s, StatusCode::OK, body, Some(op))
        }
        None => not_found(&mut s, &id, op),
    }
}

fn not_found(s: &mut SimState, id: &str, op: &'static str) -> Response {
    if is_order_id(id) {
        error(s, StatusCode::NOT_FOUND, "NotFound", &format!("Order {id} not found"), "", Some(op))
    } else {
        invalid(s, &format!("Invalid orderId: {id}"), op)
    }
}

fn is_order_id(id: &str) -> bool {
    let parts: Vec<&str> = id.split('-').collect();
    parts.len() == 3 && [3, 7, 7].iter().zip(&parts).all(|(n, p)| p.len() == *n && p.bytes().all(|b| b.is_ascii_digit()))
}

async fn get_order_items(State(state): State<Shared>, headers: HeaderMap, Path(id): Path<String>, Query(q): Query<Vec<(String, String)>>) -> Response {
    let mut s = state.lock();
    let op = "getOrderItems";
    if let Err(r) = admit(&mut s, &headers, op, &format!("/orders/v0/orders/{id}/orderItems")) {
        return r;
    }
    let Some(i) = amazon_order(&s, &id) else { return not_found(&mut s, &id, op) };
    let start = match one(&q, "NextToken") {
        None => 0,
        Some(t) => match decode_item_token(t, &id) {
            Some(n) if n < s.world.orders[i].lines.len() => n,
            _ => return invalid(&mut s, "Invalid NextToken", op),
        },
    };
    let total = s.world.orders[i].lines.len();
    let end = (start + ITEMS_PER_PAGE).min(total);
    let items: Vec<Value> = (start..end).map(|k| item_json(&s, i, k)).collect();
    let mut payload = json!({ "AmazonOrderId": id, "OrderItems": items });
    if end < total {
        payload["NextToken"] = json!(base64::engine::general_purpose::STANDARD.encode(format!("items:{id}:{end}")));
    }
    reply(&mut s, StatusCode::OK, json!({ "payload": payload }), Some(op))
}

fn decode_item_token(t: &str, id: &str) -> Option<usize> {
    let raw = String::from_utf8(base64::engine::general_purpose::STANDARD.decode(t.trim()).ok()?).ok()?;
    raw.strip_prefix("items:")?.strip_prefix(id)?.strip_prefix(':')?.parse().ok()
}

async fn get_order_address(State(state): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    let mut s = state.lock();
    let op = "getOrderAddress";
    let access = match admit(&mut s, &headers, op, &format!("/orders/v0/orders/{id}/address")) {
        Ok(a) => a,
        Err(r) => return r,
    };
    let Some(i) = amazon_order(&s, &id) else { return not_found(&mut s, &id, op) };
    let mut payload = json!({ "AmazonOrderId": id });
    if let Some(a) = address_json(&s, i, &access) {
        payload["ShippingAddress"] = a;
    }
    reply(&mut s, StatusCode::OK, json!({ "payload": payload }), Some(op))
}

async fn get_order_buyer_info(State(state): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    let mut s = state.lock();
    let op = "getOrderBuyerInfo";
    let access = match admit(&mut s, &headers, op, &format!("/orders/v0/orders/{id}/buyerInfo")) {
        Ok(a) => a,
        Err(r) => return r,
    };
    let Some(i) = amazon_order(&s, &id) else { return not_found(&mut s, &id, op) };
    let mut payload = json!({ "AmazonOrderId": id });
    if let (true, Value::Object(m)) = (has(&access, "buyerInfo"), buyer_json(&s, i)) {
        payload.as_object_mut().expect("object").extend(m);
    }
    reply(&mut s, StatusCode::OK, json!({ "payload": payload }), Some(op))
}

// ---------- Tokens API ----------

/// Paths an RDT can be minted for (generic `{orderId}` or concrete ids).
fn restricted_path(path: &str) -> bool {
    let p: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    matches!(
        p.as_slice(),
        ["", "orders", "v0", "orders"]
            | ["", "orders", "v0", "orders", _]
            | ["", "orders", "v0", "orders", _, "address" | "buyerInfo" | "orderItems"]
            | ["", "orders", "v0", "orders", _, "orderItems", "buyerInfo"]
    )
}

fn parse_resources(body: &Value) -> Result<Vec<Resource>, String> {
    let list = body.get("restrictedResources").and_then(Value::as_array).ok_or("restrictedResources is required")?;
    if list.is_empty() || list.len() > 50 {
        return Err("restrictedResources must contain between 1 and 50 resources".into());
    }
    list.iter().map(|r| {
        let method = r.get("method").and_then(Value::as_str).ok_or("method is required")?;
        let path = r.get("path").and_then(Value::as_str).ok_or("path is required")?;
        if !matches!(method, "GET" | "PUT" | "POST" | "DELETE") {
            return Err(format!("Invalid method: {method}"));
        }
        if !restricted_path(path) {
            return Err(format!("Invalid path: {path} is not a restricted operation"));
        }
        let elements: Vec<String> = r.get("dataElements").and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect()).unwrap_or_default();
        if let Some(bad) = elements.iter().find(|e| !ELEMENTS.contains(&e.as_str())) {
            return Err(format!("Invalid dataElements: {bad}"));
        }
        if elements.is_empty() && !path.ends_with("/address") && !path.ends_with("/buyerInfo") {
            return Err(format!("dataElements is required for {path}"));
        }
        Ok(Resource { method: method.into(), path: path.into(), elements })
    }).collect()
}

async fn create_rdt(State(state): State<Shared>, headers: HeaderMap, body: axum::body::Bytes) -> Response {
    let mut s = state.lock();
    let op = "createRestrictedDataToken";
    let token = headers.get("x-amz-access-token").and_then(|v| v.to_str().ok()).unwrap_or("");
    // Only an LWA access token may mint an RDT.
    if !matches!(s.amazon.tokens.get(token), Some(Grant::Access { expires }) if *expires > Instant::now()) {
        return denied(&mut s);
    }
    if !s.amazon.take(op) {
        return error(&mut s, StatusCode::TOO_MANY_REQUESTS, "QuotaExceeded", "You exceeded your quota for the requested resource.", "", Some(op));
    }
    let parsed: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(_) => return invalid(&mut s, "Request body is not valid JSON", op),
    };
    let resources = match parse_resources(&parsed) {
        Ok(r) => r,
        Err(m) => return invalid(&mut s, &m, op),
    };
    let n = s.amazon.next_serial();
    let rdt = format!("Atz.sprdt|IwEBI{:016x}{n:08x}", s.seed.rotate_left(17) ^ n);
    s.amazon.tokens.insert(rdt.clone(), Grant::Restricted { expires: Instant::now() + Duration::from_secs(3600), resources });
    s.amazon.rdt_grants += 1;
    reply(&mut s, StatusCode::OK, json!({ "restrictedDataToken": rdt, "expiresIn": 3600 }), Some(op))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rdt_paths_match_exactly_or_generically() {
        assert!(path_matches("/orders/v0/orders", "/orders/v0/orders"));
        assert!(!path_matches("/orders/v0/orders", "/orders/v0/orders/111-1111111-1111111"));
        assert!(path_matches("/orders/v0/orders/{orderId}", "/orders/v0/orders/111-1111111-1111111"));
        assert!(!path_matches("/orders/v0/orders/{orderId}", "/orders/v0/orders/111-1111111-1111111/address"));
    }

    #[test]
    fn form_bodies_decode() {
        let p = form_pairs("grant_type=refresh_token&refresh_token=Atzr%7Cabc&x=a+b");
        assert_eq!(p[1], ("refresh_token".into(), "Atzr|abc".into()));
        assert_eq!(p[2].1, "a b");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn order_ids_are_3_7_7_digits() {
        assert!(is_order_id("902-1845936-5435065"));
        assert!(!is_order_id("902-1845936-543506x"));
        assert!(!is_order_id("TEST_CASE_200"));
    }
}

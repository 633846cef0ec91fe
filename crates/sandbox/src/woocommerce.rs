//! WooCommerce REST v3 simulator (`/woocommerce/wp-json/wc/v3/...`).
//!
//! Assumptions where CONNECTORS.md is silent:
//! - HTTP Basic auth (and the `consumer_key`/`consumer_secret` query fallback) is accepted
//!   on the sandbox's plain-http loopback; a real site accepts Basic only over HTTPS.
//! - A page past the last one answers an empty array with the pagination headers (the
//!   orders controller does not use `rest_post_invalid_page_number`).
//! - `modified_after` is strict and compared at whole seconds, as MySQL stores the dates.
//! - Customers: every fifth buyer checked out as a guest (`customer_id` 0); the others are
//!   registered users with id = their position + 1.
//! - Each order starts with one system note ("Order status changed …"); notes list newest first.

// Helpers return the WP_Error answer as `Err(Response)`, as handlers do.
#![allow(clippy::result_large_err)]

use crate::state::{Shared, SimState};
use crate::webhooks::Outgoing;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use base64::Engine;
use meridian_core::{Carrier, FinancialStatus, FulfillmentStatus, Money, Platform};
use serde_json::{json, Value};
use std::collections::HashMap;

pub const STATUSES: [&str; 8] = ["pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed", "trash"];

#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub id: u64,
    pub note: String,
    pub customer_note: bool,
    pub at: jiff::Timestamp,
    pub added_by_user: bool,
}

#[derive(Debug, Default)]
pub struct WooState {
    /// Notes added through the API, by order position (oldest first).
    pub notes: HashMap<usize, Vec<Note>>,
    /// Statuses set through the API, by order position.
    pub statuses: HashMap<usize, String>,
    next_id: u64,
    /// Webhook deliveries so far (numbers the X-WC-Webhook-Delivery-ID).
    pub delivery_serial: u64,
}

pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/wp-json/wc/v3/orders", get(list_orders))
        .route("/wp-json/wc/v3/orders/{id}", get(get_order).put(update_order).patch(update_order).post(update_order))
        .route("/wp-json/wc/v3/orders/{id}/notes", get(list_notes).post(create_note))
        .route("/wp-json/wc/v3/orders/{id}/refunds", get(list_refunds))
        .with_state(state)
}

/// The webhook WooCommerce sends when an order changed (order.updated).
pub fn order_changed(s: &mut SimState, order: usize) -> Vec<Outgoing> {
    if s.world.orders[order].platform != Platform::WooCommerce {
        return Vec::new();
    }
    let body = serde_json::to_vec(&order_json(s, order)).expect("plain JSON");
    s.woocommerce.delivery_serial += 1;
    let secret = s.credentials.woocommerce.webhook_secret.clone();
    let signature = meridian_connectors::webhook::hmac_sha256_base64(secret.expose().as_bytes(), &body);
    let headers = vec![
        ("user-agent".to_owned(), "WooCommerce/9.4.2 Hookshot (WordPress/6.7.1)".to_owned()),
        ("x-wc-webhook-source".to_owned(), format!("{}/woocommerce/", s.base_url)),
        ("x-wc-webhook-topic".to_owned(), "order.updated".to_owned()),
        ("x-wc-webhook-resource".to_owned(), "order".to_owned()),
        ("x-wc-webhook-event".to_owned(), "updated".to_owned()),
        ("x-wc-webhook-signature".to_owned(), signature),
        ("x-wc-webhook-id".to_owned(), "1".to_owned()),
        ("x-wc-webhook-delivery-id".to_owned(), s.woocommerce.delivery_serial.to_string()),
    ];
    vec![Outgoing { api: "woocommerce", topic: "order.updated".into(), headers, body }]
}

// ---------- errors and auth ----------

fn wp_error(status: StatusCode, code: &str, message: &str) -> Response {
    (status, Json(json!({ "code": code, "message": message, "data": { "status": status.as_u16() } }))).into_response()
}

fn invalid_param(param: &str, why: &str) -> Response {
    let body = json!({
        "code": "rest_invalid_param",
        "message": format!("Invalid parameter(s): {param}"),
        "data": { "status": 400, "params": { param: why }, "details": { param: { "code": "rest_invalid_param", "message": why, "data": null } } },
    });
    (StatusCode::BAD_REQUEST, Json(body)).into_response()
}

fn invalid_id() -> Response {
    wp_error(StatusCode::NOT_FOUND, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.")
}

/// Basic auth (or the query-string fallback); `denied` is the message for a missing login.
fn authenticate(s: &SimState, headers: &HeaderMap, q: &[(String, String)], denied: (&str, &str)) -> Result<(), Response> {
    let basic = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b.trim()).ok())
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|b| b.split_once(':').map(|(k, s)| (k.to_owned(), s.to_owned())));
    let query = || Some((one(q, "consumer_key")?.to_owned(), one(q, "consumer_secret")?.to_owned()));
    let Some((key, secret)) = basic.or_else(query) else {
        return Err(wp_error(StatusCode::UNAUTHORIZED, denied.0, denied.1));
    };
    let c = &s.credentials.woocommerce;
    if key != c.consumer_key.expose() {
        return Err(wp_error(StatusCode::UNAUTHORIZED, "woocommerce_rest_authentication_error", "Consumer key is invalid."));
    }
    if secret != c.consumer_secret.expose() {
        return Err(wp_error(StatusCode::UNAUTHORIZED, "woocommerce_rest_authentication_error", "Consumer secret is invalid."));
    }
    Ok(())
}

const CANNOT_LIST: (&str, &str) = ("woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
const CANNOT_VIEW: (&str, &str) = ("woocommerce_rest_cannot_view", "Sorry, you cannot view this resource.");
const CANNOT_EDIT: (&str, &str) = ("woocommerce_rest_cannot_edit", "Sorry, you are not allowed to edit this resource.");
const CANNOT_CREATE: (&str, &str) = ("woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources.");

fn one<'a>(q: &'a [(String, String)], key: &str) -> Option<&'a str> {
    q.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// The order at an id, or the WP error for a route/id that does not exist.
fn find(s: &SimState, id: &str) -> Result<usize, Response> {
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(wp_error(StatusCode::NOT_FOUND, "rest_no_route", "No route was found matching the URL and request method."));
    }
    let id = id.trim_start_matches('0');
    s.orders_of(Platform::WooCommerce).find(|&i| s.world.orders[i].external_id == id).ok_or_else(invalid_id)
}

// ---------- the order object ----------

fn local(s: &SimState, i: usize, ts: jiff::Timestamp) -> String {
    let tz = &s.world.stores[s.world.orders[i].store_id as usize].time_zone;
    let tz = jiff::tz::TimeZone::get(tz).unwrap_or(jiff::tz::TimeZone::UTC);
    ts.to_zoned_datetime(tz).strftime("%Y-%m-%dT%H:%M:%S").to_string()
}

fn gmt(ts: jiff::Timestamp) -> String {
    ts.strftime("%Y-%m-%dT%H:%M:%S").to_string()
}

fn dates(s: &SimState, i: usize, v: &mut Value, name: &str, ts: Option<jiff::Timestamp>) {
    v[name] = ts.map(|t| json!(local(s, i, t))).unwrap_or(Value::Null);
    v[format!("{name}_gmt")] = ts.map(|t| json!(gmt(t))).unwrap_or(Value::Null);
}

pub fn status_of(s: &SimState, i: usize) -> String {
    if let Some(st) = s.woocommerce.statuses.get(&i) {
        return st.clone();
    }
    let o = &s.world.orders[i];
    match (o.fulfillment_status, o.financial_status) {
        (FulfillmentStatus::Cancelled, _) => "cancelled",
        (_, FinancialStatus::Refunded) => "refunded",
        (_, FinancialStatus::Pending) => "pending",
        (FulfillmentStatus::Fulfilled, _) => "completed",
        (FulfillmentStatus::OnHold, _) => "on-hold",
        _ => "processing",
    }
    .to_owned()
}

fn woo_customer_id(customer: Option<i64>) -> i64 {
    match customer {
        Some(c) if c % 5 != 0 => c + 1,
        _ => 0,
    }
}

fn provider(carrier: Carrier) -> (&'static str, &'static str) {
    match carrier {
        Carrier::Ups => ("ups", ""),
        Carrier::Usps => ("usps", ""),
        Carrier::Fedex => ("fedex", ""),
        Carrier::Dhl => ("dhl", ""),
        Carrier::ChinaPost => ("", "China Post"),
        Carrier::YunExpress => ("", "YunExpress"),
        Carrier::Post | Carrier::Other => ("", "Post"),
    }
}

fn tracking_items(s: &SimState, i: usize) -> Vec<Value> {
    s.world.shipments.iter().filter(|sh| sh.order_id == i as i64).map(|sh| {
        let (p, custom) = provider(sh.carrier);
        let h = sh.tracking_number.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3));
        json!({
            "tracking_provider": p,
            "custom_tracking_provider": custom,
            "custom_tracking_link": "",
            "tracking_number": sh.tracking_number,
            "date_shipped": sh.shipped_at.map(|t| t.as_second().to_string()).unwrap_or_default(),
            "tracking_id": format!("{h:016x}{:016x}", h.rotate_left(29)),
        })
    }).collect()
}

fn address(o: &meridian_core::Order, email: Option<&str>) -> Value {
    let a = o.shipping_address.clone().unwrap_or_default();
    let (first, last) = a.name.split_once(' ').unwrap_or((a.name.as_str(), ""));
    let state = state_code(&a);
    let mut v = json!({
        "first_name": first, "last_name": last, "company": "",
        "address_1": a.line1, "address_2": a.line2.unwrap_or_default(),
        "city": a.city, "state": state,
        "postcode": a.postcode.unwrap_or_default(), "country": a.country,
        "phone": a.phone.unwrap_or_default(),
    });
    if let Some(e) = email {
        v["email"] = json!(e);
    }
    v
}

/// WooCommerce's `state`: the subdivision code without the country ("CA", "M"), else the name.
fn state_code(a: &meridian_core::Address) -> String {
    let prefix = format!("{}-", a.country);
    a.region_code.as_deref().map(|c| c.strip_prefix(&prefix).unwrap_or(c).to_owned()).or(a.region.clone()).unwrap_or_default()
}

fn decimal(m: &Money) -> String {
    m.decimal_string()
}

fn line_items(s: &SimState, i: usize) -> Vec<Value> {
    let o = &s.world.orders[i];
    let zero = Money { minor: 0, currency: o.total.currency.clone() };
    o.lines.iter().enumerate().map(|(k, l)| {
        let line = l.unit_price.times(l.quantity).unwrap_or(zero.clone());
        let tax = if k == 0 { o.tax.clone() } else { zero.clone() };
        let scale = 10f64.powi(meridian_core::money::exponent(&l.unit_price.currency) as i32);
        let product = l.sku.bytes().fold(17u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64)) % 9000 + 100;
        json!({
            "id": i * 10 + k + 1,
            "name": l.name, "product_id": product, "variation_id": 0, "quantity": l.quantity,
            "tax_class": "", "subtotal": decimal(&line), "subtotal_tax": decimal(&tax),
            "total": decimal(&line), "total_tax": decimal(&tax), "taxes": [], "meta_data": [],
            "sku": l.sku, "price": l.unit_price.minor as f64 / scale,
        })
    }).collect()
}

fn refunds(s: &SimState, i: usize) -> Vec<(u64, Money)> {
    let o = &s.world.orders[i];
    match o.financial_status {
        FinancialStatus::Refunded => vec![(90_000 + i as u64, o.total.clone())],
        FinancialStatus::PartiallyRefunded => vec![(90_000 + i as u64, Money { minor: o.total.minor / 2, currency: o.total.currency.clone() })],
        _ => Vec::new(),
    }
}

pub fn order_json(s: &SimState, i: usize) -> Value {
    let o = &s.world.orders[i];
    let status = status_of(s, i);
    let site = format!("{}/woocommerce/wp-json/wc/v3", s.base_url);
    let customer = woo_customer_id(o.customer_id);
    let items = tracking_items(s, i);
    let mut meta = vec![json!({ "id": i * 10 + 1, "key": "is_vat_exempt", "value": "no" })];
    if !items.is_empty() {
        meta.push(json!({ "id": i * 10 + 2, "key": "_wc_shipment_tracking_items", "value": items }));
    }
    let mut v = json!({
        "id": o.external_id.parse::<u64>().unwrap_or(0),
        "parent_id": 0,
        "number": o.number,
        "order_key": format!("wc_order_{:013x}", (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 12),
        "created_via": "checkout",
        "version": "9.4.2",
        "status": status,
        "currency": o.total.currency,
        "discount_total": decimal(&Money { minor: 0, currency: o.total.currency.clone() }),
        "discount_tax": decimal(&Money { minor: 0, currency: o.total.currency.clone() }),
        "shipping_total": decimal(&o.shipping),
        "shipping_tax": decimal(&Money { minor: 0, currency: o.total.currency.clone() }),
        "cart_tax": decimal(&o.tax),
        "total": decimal(&o.total),
        "total_tax": decimal(&o.tax),
        "prices_include_tax": o.tax.minor == 0,
        "customer_id": customer,
        "customer_ip_address": "",
        "customer_user_agent": "",
        "customer_note": "",
        "billing": address(o, o.email.as_deref()),
        "shipping": address(o, None),
        "payment_method": "stripe",
        "payment_method_title": "Credit card (Stripe)",
        "transaction_id": if o.financial_status == FinancialStatus::Pending { String::new() } else { format!("ch_{:024x}", (i as u128 + 7) * 0x1F3D_5B79) },
        "cart_hash": "",
        "line_items": line_items(s, i),
        "tax_lines": [],
        "shipping_lines": [{ "id": i * 10 + 9, "method_title": "Flat rate", "method_id": "flat_rate", "instance_id": "1", "total": decimal(&o.shipping), "total_tax": "0.00", "taxes": [], "meta_data": [] }],
        "fee_lines": [],
        "coupon_lines": [],
        "refunds": refunds(s, i).iter().map(|(id, m)| json!({ "id": id, "reason": "", "total": format!("-{}", decimal(m)) })).collect::<Vec<_>>(),
        "meta_data": meta,
        "_links": { "self": [{ "href": format!("{site}/orders/{}", o.external_id) }], "collection": [{ "href": format!("{site}/orders") }] },
    });
    if customer > 0 {
        v["_links"]["customer"] = json!([{ "href": format!("{site}/customers/{customer}") }]);
    }
    let paid = (o.financial_status != FinancialStatus::Pending).then(|| o.created_at + jiff::SignedDuration::from_mins(3));
    let completed = (status == "completed").then(|| s.world.shipments.iter().find(|sh| sh.order_id == i as i64).and_then(|sh| sh.shipped_at).unwrap_or(o.updated_at));
    dates(s, i, &mut v, "date_created", Some(o.created_at));
    dates(s, i, &mut v, "date_modified", Some(o.updated_at));
    dates(s, i, &mut v, "date_paid", paid);
    dates(s, i, &mut v, "date_completed", completed);
    v
}

// ---------- GET /orders ----------

#[derive(Debug)]
struct Listing {
    page: usize,
    per_page: usize,
    offset: usize,
    modified_after: Option<jiff::Timestamp>,
    modified_before: Option<jiff::Timestamp>,
    after: Option<jiff::Timestamp>,
    before: Option<jiff::Timestamp>,
    orderby: String,
    asc: bool,
    statuses: Vec<String>,
    search: Option<String>,
}

fn int_param(q: &[(String, String)], name: &str, default: usize, min: i64, max: Option<i64>) -> Result<usize, Response> {
    let Some(v) = one(q, name) else { return Ok(default) };
    let n: i64 = v.trim().parse().map_err(|_| invalid_param(name, &format!("{name} is not of type integer.")))?;
    match max {
        Some(max) if n < min || n > max => Err(invalid_param(name, &format!("{name} must be between {min} (inclusive) and {max} (inclusive)"))),
        None if n < min => Err(invalid_param(name, &format!("{name} must be greater than or equal to {min}"))),
        _ => Ok(n as usize),
    }
}

/// A WordPress REST date: with an offset it is absolute; without, UTC when `gmt` else site time.
fn date_param(q: &[(String, String)], name: &str, gmt: bool, tz: &jiff::tz::TimeZone) -> Result<Option<jiff::Timestamp>, Response> {
    let Some(v) = one(q, name) else { return Ok(None) };
    if let Ok(t) = v.parse::<jiff::Timestamp>() {
        return Ok(Some(t));
    }
    let dt: jiff::civil::DateTime = v.parse().map_err(|_| invalid_param(name, "Invalid date."))?;
    let tz = if gmt { jiff::tz::TimeZone::UTC } else { tz.clone() };
    tz.to_timestamp(dt).map(Some).map_err(|_| invalid_param(name, "Invalid date."))
}

fn listing(s: &SimState, q: &[(String, String)]) -> Result<Listing, Response> {
    let gmt = matches!(one(q, "dates_are_gmt"), Some("true" | "1"));
    let tz = s.stores_of(Platform::WooCommerce).next().and_then(|i| jiff::tz::TimeZone::get(&s.world.stores[i].time_zone).ok()).unwrap_or(jiff::tz::TimeZone::UTC);
    let orderby = one(q, "orderby").unwrap_or("date").to_owned();
    if !["date", "id", "include", "title", "slug", "modified"].contains(&orderby.as_str()) {
        return Err(invalid_param("orderby", "orderby is not one of date, id, include, title, slug, and modified."));
    }
    let asc = match one(q, "order").unwrap_or("desc") {
        "asc" => true,
        "desc" => false,
        _ => return Err(invalid_param("order", "order is not one of asc and desc.")),
    };
    let mut statuses: Vec<String> = q.iter().filter(|(k, _)| k == "status" || k == "status[]").flat_map(|(_, v)| v.split(',').map(|x| x.trim().to_owned())).filter(|x| !x.is_empty()).collect();
    if let Some(bad) = statuses.iter().find(|st| *st != "any" && !STATUSES.contains(&st.as_str())) {
        return Err(invalid_param("status", &format!("status[0] is not one of any, {}. ({bad})", STATUSES.join(", "))));
    }
    statuses.retain(|x| x != "any");
    Ok(Listing {
        page: int_param(q, "page", 1, 1, None)?,
        per_page: int_param(q, "per_page", 10, 1, Some(100))?,
        offset: int_param(q, "offset", 0, 0, None)?,
        modified_after: date_param(q, "modified_after", gmt, &tz)?,
        modified_before: date_param(q, "modified_before", gmt, &tz)?,
        after: date_param(q, "after", gmt, &tz)?,
        before: date_param(q, "before", gmt, &tz)?,
        orderby,
        asc,
        statuses,
        search: one(q, "search").map(|x| x.trim().to_lowercase()).filter(|x| !x.is_empty()),
    })
}

fn seconds(t: jiff::Timestamp) -> i64 {
    t.as_second()
}

fn matches(s: &SimState, i: usize, l: &Listing) -> bool {
    let o = &s.world.orders[i];
    let status = status_of(s, i);
    let status_ok = if l.statuses.is_empty() { status != "trash" } else { l.statuses.contains(&status) };
    let m = seconds(o.updated_at);
    let c = seconds(o.created_at);
    let search_ok = l.search.as_ref().is_none_or(|q| {
        let name = o.shipping_address.as_ref().map(|a| a.name.to_lowercase()).unwrap_or_default();
        o.number.contains(q.as_str()) || o.email.as_ref().is_some_and(|e| e.to_lowercase().contains(q.as_str())) || name.contains(q.as_str())
    });
    status_ok
        && search_ok
        && l.modified_after.is_none_or(|t| m > seconds(t))
        && l.modified_before.is_none_or(|t| m < seconds(t))
        && l.after.is_none_or(|t| c > seconds(t))
        && l.before.is_none_or(|t| c < seconds(t))
}

fn sort(s: &SimState, hits: &mut [usize], l: &Listing) {
    let id = |i: usize| s.world.orders[i].external_id.parse::<u64>().unwrap_or(0);
    match l.orderby.as_str() {
        "modified" => hits.sort_by_key(|&i| (seconds(s.world.orders[i].updated_at), id(i))),
        "id" | "include" | "slug" | "title" => hits.sort_by_key(|&i| id(i)),
        _ => hits.sort_by_key(|&i| (seconds(s.world.orders[i].created_at), id(i))),
    }
    if !l.asc {
        hits.reverse();
    }
}

async fn list_orders(State(state): State<Shared>, headers: HeaderMap, Query(q): Query<Vec<(String, String)>>) -> Response {
    let s = state.lock();
    if let Err(r) = authenticate(&s, &headers, &q, CANNOT_LIST) {
        return r;
    }
    let l = match listing(&s, &q) {
        Ok(l) => l,
        Err(r) => return r,
    };
    let mut hits: Vec<usize> = s.orders_of(Platform::WooCommerce).filter(|&i| matches(&s, i, &l)).collect();
    sort(&s, &mut hits, &l);
    let total = hits.len().saturating_sub(l.offset);
    let pages = total.div_ceil(l.per_page);
    let start = l.offset.saturating_add((l.page - 1).saturating_mul(l.per_page));
    let page: Vec<Value> = hits.iter().skip(start).take(l.per_page).map(|&i| order_json(&s, i)).collect();
    let mut r = Json(page).into_response();
    let h = r.headers_mut();
    h.insert("X-WP-Total", HeaderValue::from(total));
    h.insert("X-WP-TotalPages", HeaderValue::from(pages));
    if let Some(link) = link_header(&s.base_url, &q, l.page, pages) {
        h.insert("Link", HeaderValue::from_str(&link).expect("ascii"));
    }
    r
}

fn encode(v: &str) -> String {
    v.bytes().map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

fn link_header(base: &str, q: &[(String, String)], page: usize, pages: usize) -> Option<String> {
    let url = |p: usize| {
        let mut parts: Vec<String> = q.iter().filter(|(k, _)| k != "page" && !k.starts_with("consumer_")).map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect();
        parts.push(format!("page={p}"));
        format!("<{base}/woocommerce/wp-json/wc/v3/orders?{}>", parts.join("&"))
    };
    let mut links = Vec::new();
    if page > 1 {
        links.push(format!("{}; rel=\"prev\"", url((page - 1).min(pages.max(1)))));
    }
    if page < pages {
        links.push(format!("{}; rel=\"next\"", url(page + 1)));
    }
    (!links.is_empty()).then(|| links.join(", "))
}

// ---------- one order ----------

async fn get_order(State(state): State<Shared>, headers: HeaderMap, Path(id): Path<String>, Query(q): Query<Vec<(String, String)>>) -> Response {
    let s = state.lock();
    if let Err(r) = authenticate(&s, &headers, &q, CANNOT_VIEW) {
        return r;
    }
    match find(&s, &id) {
        Ok(i) => Json(order_json(&s, i)).into_response(),
        Err(r) => r,
    }
}

async fn update_order(State(state): State<Shared>, headers: HeaderMap, Path(id): Path<String>, Query(q): Query<Vec<(String, String)>>, body: axum::body::Bytes) -> Response {
    let mut s = state.lock();
    if let Err(r) = authenticate(&s, &headers, &q, CANNOT_EDIT) {
        return r;
    }
    let i = match find(&s, &id) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let Ok(patch) = serde_json::from_slice::<Value>(&body) else {
        return wp_error(StatusCode::BAD_REQUEST, "rest_invalid_json", "Invalid JSON body passed.");
    };
    if let Some(st) = patch.get("status") {
        let st = st.as_str().unwrap_or_default().trim_start_matches("wc-").to_owned();
        if !STATUSES.contains(&st.as_str()) {
            return invalid_param("status", &format!("status is not one of {}.", STATUSES.join(", ")));
        }
        s.woocommerce.statuses.insert(i, st);
    }
    s.world.orders[i].updated_at = s.change_time();
    Json(order_json(&s, i)).into_response()
}

// ---------- notes and refunds ----------

fn note_json(s: &SimState, i: usize, n: &Note) -> Value {
    json!({
        "id": n.id,
        "author": if n.added_by_user { "Meridian" } else { "WooCommerce" },
        "date_created": local(s, i, n.at), "date_created_gmt": gmt(n.at),
        "note": n.note, "customer_note": n.customer_note, "added_by_user": n.added_by_user,
    })
}

fn notes_of(s: &SimState, i: usize) -> Vec<Note> {
    let o = &s.world.orders[i];
    let system = Note { id: 500_000 + i as u64, note: "Order status changed from Pending payment to Processing.".into(), customer_note: false, at: o.created_at, added_by_user: false };
    let mut all = vec![system];
    all.extend(s.woocommerce.notes.get(&i).cloned().unwrap_or_default());
    all.reverse();
    all
}

async fn list_notes(State(state): State<Shared>, headers: HeaderMap, Path(id): Path<String>, Query(q): Query<Vec<(String, String)>>) -> Response {
    let s = state.lock();
    if let Err(r) = authenticate(&s, &headers, &q, CANNOT_LIST) {
        return r;
    }
    let i = match find(&s, &id) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let kind = one(&q, "type").unwrap_or("any");
    if !["any", "customer", "internal"].contains(&kind) {
        return invalid_param("type", "type is not one of any, customer, and internal.");
    }
    let notes: Vec<Value> = notes_of(&s, i)
        .iter()
        .filter(|n| kind == "any" || (kind == "customer") == n.customer_note)
        .map(|n| note_json(&s, i, n))
        .collect();
    Json(notes).into_response()
}

async fn create_note(State(state): State<Shared>, headers: HeaderMap, Path(id): Path<String>, Query(q): Query<Vec<(String, String)>>, body: axum::body::Bytes) -> Response {
    let mut s = state.lock();
    if let Err(r) = authenticate(&s, &headers, &q, CANNOT_CREATE) {
        return r;
    }
    let i = match find(&s, &id) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let Ok(v) = serde_json::from_slice::<Value>(&body) else {
        return wp_error(StatusCode::BAD_REQUEST, "rest_invalid_json", "Invalid JSON body passed.");
    };
    let Some(text) = v.get("note").and_then(Value::as_str).filter(|t| !t.trim().is_empty()) else {
        let body = json!({ "code": "rest_missing_callback_param", "message": "Missing parameter(s): note", "data": { "status": 400, "params": ["note"] } });
        return (StatusCode::BAD_REQUEST, Json(body)).into_response();
    };
    s.woocommerce.next_id += 1;
    let note = Note {
        id: 1_000_000 + s.woocommerce.next_id,
        note: text.to_owned(),
        customer_note: v.get("customer_note").and_then(Value::as_bool).unwrap_or(false),
        at: s.change_time(),
        added_by_user: v.get("added_by_user").and_then(Value::as_bool).unwrap_or(false),
    };
    s.woocommerce.notes.entry(i).or_default().push(note.clone());
    (StatusCode::CREATED, Json(note_json(&s, i, &note))).into_response()
}

async fn list_refunds(State(state): State<Shared>, headers: HeaderMap, Path(id): Path<String>, Query(q): Query<Vec<(String, String)>>) -> Response {
    let s = state.lock();
    if let Err(r) = authenticate(&s, &headers, &q, CANNOT_LIST) {
        return r;
    }
    let i = match find(&s, &id) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let at = s.world.orders[i].updated_at;
    let list: Vec<Value> = refunds(&s, i)
        .iter()
        .map(|(rid, m)| json!({
            "id": rid, "date_created": local(&s, i, at), "date_created_gmt": gmt(at), "amount": decimal(m),
            "reason": "", "refunded_by": 1, "refunded_payment": true, "meta_data": [], "line_items": [],
        }))
        .collect();
    Json(list).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_header_names_next_and_prev() {
        let q = vec![("per_page".to_owned(), "10".to_owned()), ("page".to_owned(), "2".to_owned()), ("modified_after".to_owned(), "2026-01-01T00:00:00".to_owned())];
        let l = link_header("http://h", &q, 2, 3).unwrap();
        assert!(l.contains("modified_after=2026-01-01T00%3A00%3A00&page=3>; rel=\"next\""), "{l}");
        assert!(l.contains("page=1>; rel=\"prev\""), "{l}");
        assert!(link_header("http://h", &q, 1, 1).is_none());
    }

    #[test]
    fn guests_have_customer_id_zero() {
        assert_eq!(woo_customer_id(Some(5)), 0);
        assert_eq!(woo_customer_id(Some(6)), 7);
        assert_eq!(woo_customer_id(None), 0);
    }
}

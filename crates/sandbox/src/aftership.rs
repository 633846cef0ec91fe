//! AfterShip Tracking API simulator (CONNECTORS.md §4.2): `/tracking/{version}/trackings`
//! (POST create, GET list with cursor pagination and filters, GET by id) with `as-api-key`,
//! the `{meta, data}` envelope, 4003/4004, per-endpoint rate limits with `X-RateLimit-*`
//! headers, and the signed `tracking_update` webhook.
//!
//! Every world parcel AfterShip follows is created before the first request, with the order's
//! number as `order_id`. Assumptions: versions look like `2025-07`; list order is creation
//! order and the cursor is opaque (base64 of a position); `limit` is 1–200 (default 100);
//! `tracking_numbers` takes at most 50; bad parameters are HTTP 400 with meta.code 400
//! `BadRequest`; an undetectable courier is 4012; the rate windows are wall-clock seconds.

use crate::state::{Shared, SimState};
use crate::webhooks::Outgoing;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use base64::Engine;
use meridian_connectors::model::{tracking_service_for, TrackingService};
use meridian_connectors::tracking_status as ts;
use meridian_core::{CarrierEvent, Timestamp};
use serde_json::{json, Value};
use std::collections::HashMap;

pub const DEFAULT_LIMIT: usize = 100;
pub const MAX_LIMIT: usize = 200;
pub const MAX_NUMBERS: usize = 50;

/// The per-endpoint budgets (requests per second) from 2024-07 on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Endpoint {
    Create,
    List,
    One,
}

impl Endpoint {
    pub fn limit(self) -> u32 {
        match self {
            Endpoint::Create => 20,
            Endpoint::List => 6,
            Endpoint::One => 5,
        }
    }
}

#[derive(Debug, Default)]
pub struct AfterShipState {
    seeded: bool,
    /// Trackings in creation order.
    pub trackings: Vec<Tracking>,
    windows: HashMap<Endpoint, (i64, u32)>,
    events_sent: u64,
}

#[derive(Debug, Clone)]
pub struct Tracking {
    pub id: String,
    pub number: String,
    pub slug: String,
    pub order_id: Option<String>,
    pub title: Option<String>,
    pub created_at: Timestamp,
}

impl AfterShipState {
    pub fn by_number(&self, number: &str) -> Option<&Tracking> {
        let n = meridian_core::tracking::normalize(number);
        self.trackings.iter().find(|t| t.number == n)
    }
}

pub fn router(state: Shared) -> axum::Router {
    axum::Router::new()
        .route("/tracking/{version}/trackings", get(list).post(create))
        .route("/tracking/{version}/trackings/{id}", get(one))
        .with_state(state)
}

fn json_response(status: StatusCode, body: Value) -> Response {
    let mut r = (status, body.to_string()).into_response();
    r.headers_mut().insert(axum::http::header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    r
}

fn meta(status: StatusCode, code: i64, kind: &str, message: &str, data: Value) -> Response {
    json_response(status, json!({ "meta": { "code": code, "message": message, "type": kind }, "data": data }))
}

fn bad_request(message: &str) -> Response {
    meta(StatusCode::BAD_REQUEST, 400, "BadRequest", message, json!({}))
}

/// Auth, version and rate checks shared by every route; `Err` is the answer to send.
fn gate(s: &mut SimState, version: &str, headers: &HeaderMap, endpoint: Endpoint) -> Result<RateHeaders, Box<Response>> {
    let key = headers.get("as-api-key").and_then(|v| v.to_str().ok()).unwrap_or("");
    if key != s.credentials.aftership.api_key.expose() {
        return Err(Box::new(meta(StatusCode::UNAUTHORIZED, 401, "Unauthorized", "Invalid API key.", json!({}))));
    }
    let v = version.as_bytes();
    if !(v.len() == 7 && v[4] == b'-' && v.iter().enumerate().all(|(i, b)| i == 4 || b.is_ascii_digit())) {
        return Err(Box::new(meta(StatusCode::NOT_FOUND, 404, "NotFound", "The URI requested is invalid or the resource requested does not exist.", json!({}))));
    }
    seed(s);
    let window = s.aftership.windows.entry(endpoint).or_insert((0, 0));
    let passed = crate::track17::pass_window(window, endpoint.limit());
    let rate = RateHeaders { limit: endpoint.limit(), remaining: endpoint.limit().saturating_sub(window.1), reset: window.0 + 1 };
    if !passed {
        let r = meta(StatusCode::TOO_MANY_REQUESTS, 429, "TooManyRequests", "You have exceeded the API call rate limit. Please retry again at X-RateLimit-Reset.", json!({}));
        return Err(Box::new(rate.apply(r)));
    }
    Ok(rate)
}

struct RateHeaders {
    limit: u32,
    remaining: u32,
    reset: i64,
}

impl RateHeaders {
    fn apply(&self, mut r: Response) -> Response {
        let h = r.headers_mut();
        for (k, v) in [("x-ratelimit-limit", self.limit.to_string()), ("x-ratelimit-remaining", self.remaining.to_string()), ("x-ratelimit-reset", self.reset.to_string())] {
            if let Ok(v) = HeaderValue::from_str(&v) {
                h.insert(k, v);
            }
        }
        r
    }
}

async fn create(State(state): State<Shared>, Path(version): Path<String>, headers: HeaderMap, body: Bytes) -> Response {
    let mut s = state.lock();
    match gate(&mut s, &version, &headers, Endpoint::Create) {
        Err(r) => *r,
        Ok(rate) => rate.apply(create_tracking(&mut s, &body)),
    }
}

fn create_tracking(s: &mut SimState, body: &[u8]) -> Response {
    let Ok(input) = serde_json::from_slice::<Value>(body) else {
        return meta(StatusCode::BAD_REQUEST, 4001, "BadRequest", "Invalid JSON data.", json!({}));
    };
    // Accept the legacy `{"tracking": {...}}` wrapper as well as the flat body.
    let input = input.get("tracking").filter(|t| t.is_object()).unwrap_or(&input);
    let raw = input.get("tracking_number").and_then(Value::as_str).unwrap_or("");
    let number = meridian_core::tracking::normalize(raw);
    if !(3..=50).contains(&number.len()) || !number.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return meta(StatusCode::BAD_REQUEST, 4005, "BadRequest", "The value of `tracking_number` is invalid.", json!({}));
    }
    let detected = meridian_core::tracking::identify(&number).and_then(|t| ts::aftership_slug(t.carrier));
    let Some(slug) = input.get("slug").and_then(Value::as_str).filter(|s| !s.is_empty()).or(detected).map(str::to_owned) else {
        return meta(StatusCode::BAD_REQUEST, 4012, "BadRequest", "Cannot detect courier. Activate courier at https://admin.aftership.com/settings/couriers.", json!({}));
    };
    if let Some(t) = s.aftership.trackings.iter().find(|t| t.number == number && t.slug == slug) {
        let data = json!({ "id": t.id, "tracking_number": t.number, "slug": t.slug });
        return meta(StatusCode::BAD_REQUEST, 4003, "BadRequest", "Tracking already exists.", data);
    }
    let text = |k: &str| input.get(k).and_then(Value::as_str).map(str::to_owned);
    let t = Tracking { id: tracking_id(s.seed, &number), number, slug, order_id: text("order_id"), title: text("title"), created_at: s.change_time() };
    s.aftership.trackings.push(t);
    let data = tracking_json(s, s.aftership.trackings.len() - 1);
    meta(StatusCode::CREATED, 201, "Created", "The request was successful and a resource was created.", data)
}

struct ListQuery {
    limit: Option<String>,
    cursor: Option<String>,
    tracking_numbers: Option<String>,
    slug: Option<String>,
    tag: Option<String>,
    created_at_min: Option<String>,
    created_at_max: Option<String>,
}

async fn list(State(state): State<Shared>, Path(version): Path<String>, headers: HeaderMap, Query(q): Query<HashMap<String, String>>) -> Response {
    let mut s = state.lock();
    let rate = match gate(&mut s, &version, &headers, Endpoint::List) {
        Err(r) => return *r,
        Ok(rate) => rate,
    };
    let q = ListQuery {
        limit: q.get("limit").cloned(),
        cursor: q.get("cursor").cloned(),
        tracking_numbers: q.get("tracking_numbers").cloned(),
        slug: q.get("slug").cloned(),
        tag: q.get("tag").cloned(),
        created_at_min: q.get("created_at_min").cloned(),
        created_at_max: q.get("created_at_max").cloned(),
    };
    rate.apply(list_page(&s, &q).unwrap_or_else(|m| bad_request(&m)))
}

/// One page of the list, or the message of a 400.
fn list_page(s: &SimState, q: &ListQuery) -> Result<Response, String> {
    let limit = match &q.limit {
        None => DEFAULT_LIMIT,
        Some(l) => l.parse::<usize>().ok().filter(|n| (1..=MAX_LIMIT).contains(n)).ok_or("The value of `limit` is invalid.")?,
    };
    let start = match &q.cursor {
        None => 0,
        Some(c) => decode_cursor(c).ok_or("The value of `cursor` is invalid.")?,
    };
    let numbers: Option<Vec<String>> = q.tracking_numbers.as_ref().map(|l| l.split(',').map(meridian_core::tracking::normalize).filter(|n| !n.is_empty()).collect());
    if numbers.as_ref().is_some_and(|n| n.len() > MAX_NUMBERS) {
        return Err("The value of `tracking_numbers` is invalid: at most 50 numbers.".into());
    }
    let instant = |v: &Option<String>, name: &str| -> Result<Option<Timestamp>, String> {
        v.as_ref().map(|t| ts::parse_date_or_instant(t).ok_or(format!("The value of `{name}` is invalid."))).transpose()
    };
    let (min, max) = (instant(&q.created_at_min, "created_at_min")?, instant(&q.created_at_max, "created_at_max")?);
    let matching: Vec<usize> = (0..s.aftership.trackings.len())
        .filter(|&i| {
            let t = &s.aftership.trackings[i];
            numbers.as_ref().is_none_or(|n| n.contains(&t.number))
                && q.slug.as_ref().is_none_or(|sl| sl.split(',').any(|x| x == t.slug))
                && q.tag.as_ref().is_none_or(|tag| tag_of(s, t) == tag)
                && min.is_none_or(|m| t.created_at >= m)
                && max.is_none_or(|m| t.created_at <= m)
        })
        .collect();
    let page: Vec<Value> = matching.iter().filter(|&&i| i >= start).take(limit).map(|&i| tracking_json(s, i)).collect();
    let last = matching.iter().filter(|&&i| i >= start).take(limit).last().copied();
    let more = last.is_some_and(|l| matching.iter().any(|&i| i > l));
    let next = last.filter(|_| more).map(|l| encode_cursor(l + 1));
    let data = json!({ "pagination": { "total": matching.len(), "next_cursor": next, "has_next_page": more }, "trackings": page });
    Ok(meta(StatusCode::OK, 200, "OK", "", data))
}

fn encode_cursor(position: usize) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("{{\"after\":{position}}}"))
}

fn decode_cursor(c: &str) -> Option<usize> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(c.trim()).ok()?;
    serde_json::from_slice::<Value>(&bytes).ok()?.get("after")?.as_u64().map(|n| n as usize)
}

async fn one(State(state): State<Shared>, Path((version, id)): Path<(String, String)>, headers: HeaderMap) -> Response {
    let mut s = state.lock();
    let rate = match gate(&mut s, &version, &headers, Endpoint::One) {
        Err(r) => return *r,
        Ok(rate) => rate,
    };
    let r = match s.aftership.trackings.iter().position(|t| t.id == id) {
        Some(i) => meta(StatusCode::OK, 200, "OK", "", tracking_json(&s, i)),
        None => meta(StatusCode::NOT_FOUND, 4004, "NotFound", "Tracking does not exist.", json!({})),
    };
    rate.apply(r)
}

/// A 32-hex id, stable per seed and number.
fn tracking_id(seed: u64, number: &str) -> String {
    let mut h = seed ^ 0xa076_1d64_78bd_642f;
    let mut out = String::new();
    for round in 0..2u64 {
        for b in number.bytes().chain(round.to_le_bytes()) {
            h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3).rotate_left(29);
        }
        out.push_str(&format!("{:016x}", splitmix(h)));
    }
    out
}

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Creates the world's parcels that AfterShip follows, once.
fn seed(s: &mut SimState) {
    if s.aftership.seeded {
        return;
    }
    s.aftership.seeded = true;
    for k in 0..s.world.shipments.len() {
        let sh = &s.world.shipments[k];
        if sh.source != "demo" || tracking_service_for(sh.carrier) != TrackingService::AfterShip {
            continue;
        }
        let Some(slug) = ts::aftership_slug(sh.carrier) else { continue };
        let order = &s.world.orders[sh.order_id as usize];
        let created_at = sh.events.last().map(|e| e.at).or(sh.shipped_at).unwrap_or(order.created_at);
        let t = Tracking { id: tracking_id(s.seed, &sh.tracking_number), number: sh.tracking_number.clone(), slug: slug.into(), order_id: Some(order.number.clone()), title: Some(order.number.clone()), created_at };
        s.aftership.trackings.push(t);
    }
}

fn tag_of(s: &SimState, t: &Tracking) -> &'static str {
    match s.shipment_position(&t.number) {
        Some(k) => {
            let sh = &s.world.shipments[k];
            ts::to_aftership(sh.status, sh.events.first().map(|e| e.description.as_str()).unwrap_or("")).0
        }
        None => "Pending",
    }
}

/// The zone an event's local time is written in: its own, else its country's only zone.
fn zone_of(e: &CarrierEvent) -> Option<String> {
    e.time_zone.clone().or_else(|| e.country.as_deref().and_then(ts::single_zone).map(str::to_owned))
}

fn checkpoint(e: &CarrierEvent, slug: &str) -> Value {
    let (tag, subtag, subtag_message) = ts::to_aftership(e.status, &e.description);
    let region = e.country.as_deref().and_then(ts::alpha3);
    json!({
        "slug": slug,
        "created_at": ts::format_utc(e.at),
        "checkpoint_time": ts::format_local(e.at, zone_of(e).as_deref()),
        "city": e.place.split(", ").next(),
        "state": null,
        "zip": null,
        "location": e.place,
        "country_region": region,
        "country_region_name": null,
        "coordinate": null,
        "message": e.description,
        "tag": tag,
        "subtag": subtag,
        "subtag_message": subtag_message,
        "raw_tag": subtag,
        "source": "carrier",
        "events": [],
    })
}

/// A tracking object in AfterShip's shape (2025-07 field names).
pub fn tracking_json(s: &SimState, i: usize) -> Value {
    let t = &s.aftership.trackings[i];
    let shipment = s.shipment_position(&t.number).map(|k| &s.world.shipments[k]);
    let order = shipment.map(|sh| &s.world.orders[sh.order_id as usize]);
    let dest = order.and_then(|o| o.shipping_address.as_ref());
    let events: &[CarrierEvent] = shipment.map(|sh| sh.events.as_slice()).unwrap_or(&[]);
    let status = shipment.map(|sh| sh.status).unwrap_or(meridian_core::ShipmentStatus::Pending);
    let (tag, subtag, subtag_message) = ts::to_aftership(status, events.first().map(|e| e.description.as_str()).unwrap_or(""));
    let updated_at = events.first().map(|e| e.at).unwrap_or(t.created_at).max(t.created_at);
    let dest_zone = dest.and_then(|a| ts::single_zone(&a.country));
    let expected = shipment.and_then(|sh| sh.expected_at);
    let local_date = |at: Timestamp| ts::format_local(at, dest_zone).get(..10).map(str::to_owned);
    let pickup = events.iter().rev().find(|e| ts::to_aftership(e.status, &e.description).1 == "InTransit_002");
    let delivered = shipment.and_then(|sh| sh.delivered_at);
    let origin = events.last().and_then(|e| e.country.as_deref()).and_then(ts::alpha3);
    json!({
        "id": t.id,
        "legacy_id": t.id,
        "created_at": ts::format_utc(t.created_at),
        "updated_at": ts::format_utc(updated_at),
        "tracking_number": t.number,
        "slug": t.slug,
        "active": !status.is_final(),
        "title": t.title,
        "order_id": t.order_id,
        "order_number": t.order_id,
        "order_date": order.map(|o| ts::format_utc(o.created_at)),
        "origin_country_region": origin,
        "destination_country_region": dest.and_then(|a| ts::alpha3(&a.country)),
        "destination_city": dest.map(|a| a.city.clone()),
        "destination_postal_code": dest.and_then(|a| a.postcode.clone()),
        "customer_name": dest.map(|a| a.name.clone()),
        "emails": [],
        "smses": [],
        "tag": tag,
        "subtag": subtag,
        "subtag_message": subtag_message,
        "signed_by": null,
        "shipment_pickup_date": pickup.map(|e| ts::format_local(e.at, zone_of(e).as_deref())),
        "shipment_delivery_date": delivered.map(|at| ts::format_local(at, events.first().and_then(zone_of).as_deref())),
        "courier_tracking_link": format!("https://www.aftership.com/track/{}/{}", t.slug, t.number),
        "courier_estimated_delivery_date": { "estimated_delivery_date": expected.and_then(local_date), "estimated_delivery_date_min": null, "estimated_delivery_date_max": null },
        "aftership_estimated_delivery_date": null,
        "first_estimated_delivery": null,
        "latest_estimated_delivery": expected.map(|at| json!({ "type": "specific", "source": "Carrier EDD", "datetime": ts::format_local(at, dest_zone), "datetime_min": null, "datetime_max": null })),
        "custom_estimated_delivery_date": null,
        "order_promised_delivery_date": shipment.and_then(|sh| sh.promised_by.clone()),
        "transit_time": shipment.and_then(|sh| sh.shipped_at).map(|at| delivered.unwrap_or(s.now).duration_since(at).as_secs() / 86_400),
        "tracked_count": events.len(),
        "checkpoints": events.iter().rev().map(|e| checkpoint(e, &t.slug)).collect::<Vec<_>>(),
    })
}

/// A uuid-v4-shaped event id, deterministic per seed and count.
fn event_id(seed: u64, n: u64) -> String {
    let a = splitmix(seed ^ n.wrapping_mul(0x9e37_79b9));
    let b = splitmix(a ^ n);
    let hex = format!("{a:016x}{b:016x}");
    format!("{}-{}-4{}-a{}-{}", &hex[..8], &hex[8..12], &hex[13..16], &hex[17..20], &hex[20..32])
}

/// The `tracking_update` webhook for a parcel AfterShip follows.
pub fn parcel_changed(s: &mut SimState, shipment: usize) -> Vec<Outgoing> {
    seed(s);
    let sh = &s.world.shipments[shipment];
    if tracking_service_for(sh.carrier) != TrackingService::AfterShip {
        return Vec::new();
    }
    let Some(i) = s.aftership.trackings.iter().position(|t| t.number == sh.tracking_number) else {
        return Vec::new();
    };
    s.aftership.events_sent += 1;
    let body = json!({
        "event": "tracking_update",
        "event_id": event_id(s.seed, s.aftership.events_sent),
        "is_tracking_first_tag": false,
        "msg": tracking_json(s, i),
        "ts": Timestamp::now().as_second(),
    })
    .to_string()
    .into_bytes();
    let sig = meridian_connectors::webhook::hmac_sha256_base64(s.credentials.aftership.webhook_secret.expose().as_bytes(), &body);
    vec![Outgoing { api: "aftership", topic: "tracking_update".into(), headers: vec![("aftership-hmac-sha256".into(), sig)], body }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_junk_is_refused() {
        assert_eq!(decode_cursor(&encode_cursor(140)), Some(140));
        assert_eq!(decode_cursor("not a cursor"), None);
        assert_eq!(decode_cursor(""), None);
    }

    #[test]
    fn the_world_is_followed_and_served_in_afterships_shape() {
        let st = SimState::build(&crate::Options { orders: 120, ..Default::default() });
        let mut s = st.lock();
        seed(&mut s);
        let want = s.world.shipments.iter().filter(|sh| tracking_service_for(sh.carrier) == TrackingService::AfterShip).count();
        assert_eq!(s.aftership.trackings.len(), want);
        let i = (0..want).find(|&i| s.shipment_position(&s.aftership.trackings[i].number).is_some_and(|k| s.world.shipments[k].events.len() > 2)).unwrap();
        let t = tracking_json(&s, i);
        let cps = t["checkpoints"].as_array().unwrap();
        assert!(cps.len() > 2);
        // Oldest first, as AfterShip lists them.
        assert!(cps[0]["created_at"].as_str().unwrap() < cps[1]["created_at"].as_str().unwrap());
        assert_eq!(cps[0]["country_region"].as_str().map(str::len), Some(3));
        let id = event_id(7, 1);
        assert_eq!((id.len(), &id[14..15]), (36, "4"));
    }
}

//! 17TRACK Tracking API v2.2 simulator (CONNECTORS.md §4.1): `POST /track/v2.2/{register,
//! gettrackinfo,gettracklist,getquota,stoptrack}` with the `17token` header, arrays of ≤40
//! items, the `{code, data:{accepted, rejected}}` envelope, 3 requests/s per key (HTTP 429),
//! and the signed `TRACKING_UPDATED` webhook.
//!
//! Every world parcel that 17TRACK follows (`tracking_service_for`) is registered before the
//! first request, with the order's number as `tag`, as the store's shipping tool would have.
//! Assumptions: a bad key is HTTP 401 with code -18010002; a body that is not the expected
//! JSON is code -18010010 (so is a `page_no` that is not a positive integer); the rate window
//! is one wall-clock second; `gettracklist` answers `page {data_total, page_total, page_no,
//! page_size}` beside `data`.

use crate::state::{Shared, SimState};
use crate::webhooks::Outgoing;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use meridian_connectors::model::{tracking_service_for, TrackingService};
use meridian_connectors::tracking_status as ts;
use meridian_core::{CarrierEvent, Shipment, ShipmentStatus, Timestamp};
use serde_json::{json, Value};
use std::collections::HashMap;

pub const MAX_ITEMS: usize = 40;
pub const PAGE_SIZE: usize = 40;
pub const RATE_PER_SEC: u32 = 3;
pub const QUOTA_TOTAL: u64 = 10_000;

#[derive(Debug, Default)]
pub struct Track17State {
    seeded: bool,
    /// Registered numbers, in registration order.
    pub registered: Vec<Registration>,
    by_number: HashMap<String, usize>,
    /// (unix second, requests in it) for the one key.
    window: (i64, u32),
    pub quota_used: u64,
}

#[derive(Debug, Clone)]
pub struct Registration {
    pub number: String,
    pub carrier: i64,
    pub tag: Option<String>,
    pub registered_at: Timestamp,
    pub stopped: bool,
}

impl Track17State {
    pub fn registration(&self, number: &str) -> Option<&Registration> {
        self.by_number.get(&meridian_core::tracking::normalize(number)).map(|&i| &self.registered[i])
    }

    fn add(&mut self, r: Registration) {
        self.by_number.insert(r.number.clone(), self.registered.len());
        self.registered.push(r);
    }
}

pub fn router(state: Shared) -> axum::Router {
    axum::Router::new().route("/track/v2.2/{op}", axum::routing::post(handle)).with_state(state)
}

async fn handle(State(state): State<Shared>, Path(op): Path<String>, headers: HeaderMap, body: Bytes) -> Response {
    let mut s = state.lock();
    respond(&mut s, &op, &headers, &body)
}

fn respond(s: &mut SimState, op: &str, headers: &HeaderMap, body: &[u8]) -> Response {
    let key = headers.get("17token").and_then(|v| v.to_str().ok()).unwrap_or("");
    if key != s.credentials.track17.key.expose() {
        return whole_error(StatusCode::UNAUTHORIZED, -18010002, "Invalid security key.");
    }
    if !pass_window(&mut s.track17.window, RATE_PER_SEC) {
        return whole_error(StatusCode::TOO_MANY_REQUESTS, 429, "Too many requests.");
    }
    seed(s);
    let Ok(input) = serde_json::from_slice::<Value>(body) else {
        return whole_error(StatusCode::OK, -18010010, "The data field is invalid.");
    };
    match op {
        "gettracklist" => track_list(s, &input),
        "getquota" => ok(json!({
            "quota_total": QUOTA_TOTAL, "quota_used": s.track17.quota_used, "quota_remain": QUOTA_TOTAL.saturating_sub(s.track17.quota_used),
            "today_used": s.track17.quota_used, "max_track_daily": 10_000, "free_email_quota": 0, "free_email_quota_used": 0,
        })),
        "register" | "gettrackinfo" | "stoptrack" => {
            let Some(items) = input.as_array() else {
                return whole_error(StatusCode::OK, -18010010, "The data field is invalid.");
            };
            if items.len() > MAX_ITEMS {
                return whole_error(StatusCode::OK, -18010014, "The submitted data exceeds the limit of 40.");
            }
            let (accepted, rejected) = items.iter().map(|i| item(s, op, i)).partition::<Vec<_>, _>(Result::is_ok);
            ok(json!({
                "accepted": accepted.into_iter().filter_map(Result::ok).collect::<Vec<_>>(),
                "rejected": rejected.into_iter().filter_map(Result::err).collect::<Vec<_>>(),
            }))
        }
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Counts a request in the current wall-clock second; false once `limit` is spent.
pub(crate) fn pass_window(window: &mut (i64, u32), limit: u32) -> bool {
    pass_window_at(window, limit, Timestamp::now().as_second())
}

fn pass_window_at(window: &mut (i64, u32), limit: u32, now: i64) -> bool {
    if window.0 != now {
        *window = (now, 0);
    }
    window.1 += 1;
    window.1 <= limit
}

fn json_response(status: StatusCode, body: Value) -> Response {
    let mut r = (status, body.to_string()).into_response();
    r.headers_mut().insert(axum::http::header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    r
}

fn ok(data: Value) -> Response {
    json_response(StatusCode::OK, json!({ "code": 0, "data": data }))
}

fn whole_error(status: StatusCode, code: i64, message: &str) -> Response {
    json_response(status, json!({ "code": code, "data": { "errors": [{ "code": code, "message": message }] } }))
}

fn rejection(number: &str, code: i64, message: String) -> Value {
    json!({ "number": number, "error": { "code": code, "message": message } })
}

/// Registers the world's parcels that 17TRACK follows, once.
fn seed(s: &mut SimState) {
    if s.track17.seeded {
        return;
    }
    s.track17.seeded = true;
    for k in 0..s.world.shipments.len() {
        let sh = &s.world.shipments[k];
        if sh.source != "demo" || tracking_service_for(sh.carrier) != TrackingService::Track17 {
            continue;
        }
        let Some(carrier) = detect(&sh.tracking_number) else { continue };
        let reg = Registration {
            number: sh.tracking_number.clone(),
            carrier,
            tag: Some(s.world.orders[sh.order_id as usize].number.clone()),
            registered_at: sh.shipped_at.unwrap_or(s.now),
            stopped: false,
        };
        s.track17.add(reg);
    }
}

/// 17TRACK's auto-detection: the number's format, then the S10 country's post.
fn detect(number: &str) -> Option<i64> {
    let t = meridian_core::tracking::identify(number)?;
    ts::track17_code(t.carrier).or_else(|| ts::track17_post_code(&t.number[t.number.len().saturating_sub(2)..]))
}

/// One item of an array call: its accepted entry or its rejection.
fn item(s: &mut SimState, op: &str, input: &Value) -> Result<Value, Value> {
    let raw = input.get("number").and_then(Value::as_str).unwrap_or("");
    let number = meridian_core::tracking::normalize(raw);
    if !(5..=50).contains(&number.len()) || !number.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(rejection(raw, -18010012, format!("The format of '{raw}' is invalid.")));
    }
    match op {
        "register" => register(s, &number, input),
        "gettrackinfo" => {
            let reg = s.track17.registration(&number).cloned().ok_or_else(|| not_registered(&number))?;
            let k = s.shipment_position(&number).ok_or_else(|| rejection(&number, -18019909, "No tracking information at this time.".into()))?;
            Ok(json!({ "number": number, "carrier": reg.carrier, "param": null, "tag": reg.tag, "track_info": track_info(s, k) }))
        }
        _ => {
            let i = *s.track17.by_number.get(&number).ok_or_else(|| not_registered(&number))?;
            let reg = &mut s.track17.registered[i];
            reg.stopped = true;
            Ok(json!({ "number": number, "carrier": reg.carrier }))
        }
    }
}

fn not_registered(number: &str) -> Value {
    rejection(number, -18019902, format!("The tracking number '{number}' does not register, please register first."))
}

fn register(s: &mut SimState, number: &str, input: &Value) -> Result<Value, Value> {
    if s.track17.registration(number).is_some() {
        return Err(rejection(number, -18019901, format!("The tracking number '{number}' has been registered, don't need to repeat registration.")));
    }
    if s.track17.quota_used >= QUOTA_TOTAL {
        return Err(rejection(number, -18019908, "Quota exhausted.".into()));
    }
    let given = input.get("carrier").and_then(Value::as_i64).filter(|c| *c > 0);
    let carrier = given.or_else(|| detect(number)).ok_or_else(|| rejection(number, -18019903, "Carrier cannot be detected.".into()))?;
    let tag = input.get("tag").and_then(Value::as_str).map(str::to_owned);
    s.track17.add(Registration { number: number.to_owned(), carrier, tag: tag.clone(), registered_at: s.change_time(), stopped: false });
    s.track17.quota_used += 1;
    Ok(json!({ "origin": if given.is_some() { 2 } else { 1 }, "number": number, "carrier": carrier, "tag": tag }))
}

/// `/gettracklist`: every registered number, 40 a page, `page_no` from 1.
fn track_list(s: &SimState, input: &Value) -> Response {
    let page_no = match input.get("page_no") {
        None => 1,
        Some(v) => match v.as_u64().filter(|n| *n >= 1) {
            Some(n) => n as usize,
            None => return whole_error(StatusCode::OK, -18010010, "The data field is invalid: page_no."),
        },
    };
    let regs = &s.track17.registered;
    let items: Vec<Value> = regs
        .iter()
        .skip((page_no - 1).saturating_mul(PAGE_SIZE))
        .take(PAGE_SIZE)
        .map(|r| {
            let status = s.shipment_position(&r.number).map(|k| s.world.shipments[k].status).unwrap_or(ShipmentStatus::Pending);
            json!({
                "number": r.number, "carrier": r.carrier, "param": null, "tag": r.tag,
                "register_time": ts::format_utc(r.registered_at),
                "tracking_status": if r.stopped { "Stopped" } else { "Tracking" },
                "package_status": ts::to_17track(status, "").0,
            })
        })
        .collect();
    let body = json!({
        "code": 0,
        "data": { "accepted": items, "rejected": [] },
        "page": { "data_total": regs.len(), "page_total": regs.len().div_ceil(PAGE_SIZE), "page_no": page_no, "page_size": PAGE_SIZE },
    });
    json_response(StatusCode::OK, body)
}

/// The zone an event's local time is written in: its own, else its country's only zone.
fn zone_of(e: &CarrierEvent) -> Option<String> {
    e.time_zone.clone().or_else(|| e.country.as_deref().and_then(ts::single_zone).map(str::to_owned))
}

fn event_json(e: &CarrierEvent) -> Value {
    let (_, sub, stage) = ts::to_17track(e.status, &e.description);
    let zone = zone_of(e);
    let local = ts::format_local(e.at, zone.as_deref());
    let city = e.place.split(", ").next().unwrap_or("");
    json!({
        "time_iso": local,
        "time_utc": ts::format_utc(e.at),
        "time_raw": { "date": local.get(..10), "time": local.get(11..19), "timezone": local.get(19..) },
        "description": e.description,
        "description_translation": null,
        "location": e.place,
        "stage": stage,
        "sub_status": sub,
        "address": { "country": e.country, "state": null, "city": city, "street": null, "postal_code": null, "coordinates": { "longitude": null, "latitude": null } },
    })
}

/// `track_info` of a world parcel, in 17TRACK's shape.
pub fn track_info(s: &SimState, k: usize) -> Value {
    let sh = &s.world.shipments[k];
    let order = &s.world.orders[sh.order_id as usize];
    let events: Vec<Value> = sh.events.iter().map(event_json).collect();
    let latest_desc = sh.events.first().map(|e| e.description.as_str()).unwrap_or("");
    let (status, sub, _) = ts::to_17track(sh.status, latest_desc);
    let carrier = detect(&sh.tracking_number).unwrap_or(0);
    let origin = sh.events.last();
    let dest = order.shipping_address.as_ref();
    let days = |from: Timestamp, to: Timestamp| (to.duration_since(from).as_secs() / 86_400).max(0);
    let edd = sh.expected_at.map(|t| ts::format_local(t, dest.and_then(|a| ts::single_zone(&a.country))));
    json!({
        "shipping_info": {
            "shipper_address": { "country": origin.and_then(|e| e.country.clone()), "state": null, "city": origin.map(|e| e.place.split(", ").next().unwrap_or("")), "street": null, "postal_code": null, "coordinates": {} },
            "recipient_address": { "country": dest.map(|a| a.country.clone()), "state": dest.and_then(|a| a.region.clone()), "city": dest.map(|a| a.city.clone()), "street": null, "postal_code": dest.and_then(|a| a.postcode.clone()), "coordinates": {} },
        },
        "latest_status": { "status": status, "sub_status": sub, "sub_status_descr": null },
        "latest_event": events.first(),
        "time_metrics": {
            "days_after_order": days(order.created_at, s.now),
            "days_of_transit": sh.shipped_at.map(|t| days(t, sh.delivered_at.unwrap_or(s.now))).unwrap_or(0),
            "days_of_transit_done": sh.shipped_at.map(|t| days(t, sh.delivered_at.unwrap_or(s.now))).unwrap_or(0),
            "days_after_last_update": sh.events.first().map(|e| days(e.at, s.now)).unwrap_or(0),
            "estimated_delivery_date": { "source": edd.as_ref().map(|_| "Official"), "from": edd, "to": edd },
        },
        "milestone": milestones(sh),
        "misc_info": { "risk_factor": 0, "service_type": null, "weight_raw": null, "weight_kg": null, "pieces": null, "dimensions": null, "customer_number": null, "reference_number": null, "local_number": null, "local_provider": null, "local_key": 0 },
        "tracking": {
            "providers_hash": hash_of(&sh.tracking_number, sh.events.len()),
            "providers": [{
                "provider": { "key": carrier, "name": sh.carrier.display_name(), "alias": sh.carrier.display_name(), "tel": null, "homepage": null, "country": origin.and_then(|e| e.country.clone()) },
                "service_type": null,
                "latest_sync_status": "Success",
                "latest_sync_time": ts::format_utc(sh.fresh_at),
                "events_hash": hash_of(latest_desc, sh.events.len()),
                "events": events,
            }],
        },
    })
}

/// Each key stage with the time it was first reached (`null` before).
fn milestones(sh: &Shipment) -> Vec<Value> {
    let stages = ["InfoReceived", "PickedUp", "Departure", "Arrival", "AvailableForPickup", "OutForDelivery", "Delivered", "Returning", "Returned"];
    stages
        .iter()
        .map(|stage| {
            let first = sh.events.iter().rev().find(|e| ts::to_17track(e.status, &e.description).2 == Some(stage));
            let local = first.map(|e| ts::format_local(e.at, zone_of(e).as_deref()));
            json!({ "key_stage": stage, "time_iso": local, "time_utc": first.map(|e| ts::format_utc(e.at)), "time_raw": {} })
        })
        .collect()
}

fn hash_of(text: &str, n: usize) -> i64 {
    let h = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3));
    ((h ^ n as u64) >> 2) as i64
}

/// The `TRACKING_UPDATED` webhook for a parcel 17TRACK follows (registered numbers only).
pub fn parcel_changed(s: &mut SimState, shipment: usize) -> Vec<Outgoing> {
    seed(s);
    let sh = &s.world.shipments[shipment];
    if tracking_service_for(sh.carrier) != TrackingService::Track17 {
        return Vec::new();
    }
    let Some(reg) = s.track17.registration(&sh.tracking_number).filter(|r| !r.stopped).cloned() else {
        return Vec::new();
    };
    let body = json!({
        "event": "TRACKING_UPDATED",
        "data": { "number": reg.number, "carrier": reg.carrier, "param": null, "tag": reg.tag, "track_info": track_info(s, shipment) },
    })
    .to_string()
    .into_bytes();
    let sign = meridian_connectors::webhook::track17_sign(s.credentials.track17.key.expose(), &body);
    vec![Outgoing { api: "17track", topic: "TRACKING_UPDATED".into(), headers: vec![("sign".into(), sign)], body }]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> crate::Shared {
        SimState::build(&crate::Options { orders: 120, ..Default::default() })
    }

    #[test]
    fn the_world_is_registered_and_served_in_17tracks_shape() {
        let st = state();
        let mut s = st.lock();
        seed(&mut s);
        let k = (0..s.world.shipments.len()).find(|&k| tracking_service_for(s.world.shipments[k].carrier) == TrackingService::Track17 && s.world.shipments[k].events.len() > 2).unwrap();
        let info = track_info(&s, k);
        let events = info["tracking"]["providers"][0]["events"].as_array().unwrap();
        assert_eq!(events.len(), s.world.shipments[k].events.len());
        assert!(events[0]["time_iso"].as_str().unwrap().len() == 25, "{}", events[0]["time_iso"]);
        assert!(events[0]["time_utc"].as_str().unwrap().ends_with('Z'));
        let n = s.world.shipments[k].tracking_number.clone();
        assert!(s.track17.registration(&n).is_some());
        assert!(!parcel_changed(&mut s, k).is_empty());
    }

    #[test]
    fn the_rate_window_allows_three_a_second() {
        let mut w = (0, 0);
        let passed: Vec<bool> = (0..5).map(|_| pass_window_at(&mut w, 3, 100)).collect();
        assert_eq!(passed, [true, true, true, false, false]);
        assert!(pass_window_at(&mut w, 3, 101));
    }
}

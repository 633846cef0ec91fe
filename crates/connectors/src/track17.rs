//! 17TRACK Tracking API v2.2 client (CONNECTORS.md §4.1): register numbers, read their
//! `track_info`, list what the account follows, verify pushed webhooks.
//!
//! Assumptions where the notes are silent: a bad or unlisted key may come as HTTP 401 or as
//! HTTP 200 with a whole-call `code` (-18010001/-18010002): both are `Auth`; `/gettracklist`
//! takes an object `{"page_no":n}` and answers `page {data_total, page_total, page_no,
//! page_size}` beside `data`; `gettrackinfo`'s accepted items echo the `tag`; events carry
//! `stage` and `sub_status` (per-event status from them, else from the description). National
//! posts are registered without a carrier code (17TRACK detects them). Webhooks carry no
//! delivery id or time, so the replay guard keys on the signature (a hash of the body).

use crate::config::{Secret, Track17Config, Track17Credentials};
use crate::error::{ErrorKind, Result};
use crate::http::{Http, HttpOptions, Pacer, Response, Verdict};
use crate::model::{Page, TrackingUpdate};
use crate::tracking_status as ts;
use crate::webhook::{verify_track17, ReplayGuard, WebhookError, WebhookEvent};
use meridian_core::{Carrier, CarrierEvent, Shipment, ShipmentStatus, Timestamp};
use serde_json::{json, Value};
use std::sync::Arc;

/// Numbers per call, the API's limit.
pub const BATCH: usize = 40;
/// 3 requests/s per key; paced a little under so fixed one-second windows never overflow.
const RATE: f64 = 2.7;

const ALREADY_REGISTERED: i64 = -18019901;
/// Repeats of a call whose answer was cut short.
const MALFORMED_RETRIES: u32 = 3;

#[derive(Clone)]
pub struct Track17Client {
    http: Http,
    base: String,
    key: Secret,
    pacer: Arc<Pacer>,
    replay: Arc<ReplayGuard>,
}

/// Shows where it talks to, never a key.
impl std::fmt::Debug for Track17Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Track17Client").field("base", &self.base).finish_non_exhaustive()
    }
}

impl Track17Client {
    pub fn new(cfg: &Track17Config, creds: Track17Credentials, opts: HttpOptions) -> Track17Client {
        let root = cfg.endpoint.as_deref().unwrap_or("https://api.17track.net").trim_end_matches('/');
        Track17Client {
            http: Http::new("17TRACK", opts),
            base: format!("{root}/track/v2.2"),
            key: creds.key,
            pacer: Arc::new(Pacer::new(RATE, 1.0)),
            replay: Arc::new(ReplayGuard::new(i64::MAX, 50_000)),
        }
    }

    pub fn http(&self) -> &Http {
        &self.http
    }

    pub fn name(&self) -> String {
        "17TRACK".into()
    }

    /// Checks the key with `/getquota` (free; a bad key is an `Auth` error).
    pub async fn check(&self) -> Result<()> {
        self.call("getquota", json!([])).await.map(|_| ())
    }

    /// Registers numbers (batches of ≤40) with our order reference as `tag`; numbers already
    /// registered count as success. Returns the rejected ones as (number, message).
    pub async fn register(&self, parcels: &[(Carrier, String, String)]) -> Result<Vec<(String, String)>> {
        let mut refused = Vec::new();
        for chunk in parcels.chunks(BATCH) {
            let items: Vec<Value> = chunk.iter().map(|(c, n, tag)| with_carrier(json!({ "number": meridian_core::tracking::normalize(n), "tag": tag }), *c, n)).collect();
            let data = self.call("register", Value::Array(items)).await?;
            refused.extend(rejected(&data).into_iter().filter(|(_, code, _)| *code != ALREADY_REGISTERED).map(|(n, code, m)| (n, format!("{m} ({code})"))));
        }
        Ok(refused)
    }

    /// `/gettrackinfo` in batches of ≤40: one update per number that has tracking info.
    pub async fn track(&self, numbers: &[(Carrier, String)]) -> Result<Vec<TrackingUpdate>> {
        let mut out = Vec::new();
        for chunk in numbers.chunks(BATCH) {
            let items: Vec<Value> = chunk.iter().map(|(c, n)| with_carrier(json!({ "number": meridian_core::tracking::normalize(n) }), *c, n)).collect();
            let data = self.call("gettrackinfo", Value::Array(items)).await?;
            let now = Timestamp::now();
            out.extend(accepted(&data).iter().filter_map(|item| update_from(item, now)));
        }
        Ok(out)
    }

    /// `/gettracklist` page by page (`page` is the page number, "1" first): each followed
    /// number with its `tag`.
    pub async fn list(&self, page: Option<&str>) -> Result<Page<(String, Option<String>)>> {
        let page_no: u64 = match page {
            None => 1,
            Some(p) => p.trim().parse().ok().filter(|n| *n >= 1).ok_or_else(|| self.http.error("gettracklist", ErrorKind::Rejected { status: 0, message: format!("{p:?} is not a page number") }))?,
        };
        let (data, whole) = self.call_whole("gettracklist", json!({ "page_no": page_no })).await?;
        let items = accepted(&data)
            .iter()
            .filter_map(|i| Some((i.get("number")?.as_str()?.to_owned(), i.get("tag").and_then(Value::as_str).filter(|t| !t.is_empty()).map(str::to_owned))))
            .collect();
        let pages = whole.pointer("/page/page_total").and_then(Value::as_u64).unwrap_or(0);
        let next = (page_no < pages).then(|| (page_no + 1).to_string());
        Ok(Page { items, next })
    }

    /// Verifies the `sign` header, refuses replays, reads `TRACKING_UPDATED` into an update.
    pub fn parse_webhook(&self, headers: &reqwest::header::HeaderMap, body: &[u8]) -> Result<WebhookEvent, WebhookError> {
        let sign = headers.get("sign").and_then(|v| v.to_str().ok());
        verify_track17(self.key.expose(), body, sign)?;
        let v: Value = match serde_json::from_slice(body) {
            Ok(v) => v,
            Err(e) => return Ok(WebhookEvent::Ignored(format!("unreadable 17TRACK webhook: {e}"))),
        };
        self.replay.accept(&sign.unwrap_or_default().to_ascii_lowercase(), None, Timestamp::now().as_second())?;
        let event = v.get("event").and_then(Value::as_str).unwrap_or("");
        match (event, v.get("data")) {
            ("TRACKING_UPDATED", Some(data)) => Ok(update_from(data, Timestamp::now()).map(WebhookEvent::Tracking).unwrap_or_else(|| WebhookEvent::Ignored("TRACKING_UPDATED without a number".into()))),
            (other, _) => Ok(WebhookEvent::Ignored(other.to_owned())),
        }
    }

    async fn call(&self, op: &str, body: Value) -> Result<Value> {
        self.call_whole(op, body).await.map(|(data, _)| data)
    }

    /// One POST: paced, sent through the shared stack, the envelope checked; returns `data`
    /// and the whole body.
    async fn call_whole(&self, op: &str, body: Value) -> Result<(Value, Value)> {
        let mut attempt = 0;
        loop {
            match self.call_once(op, &body).await {
                // A body cut short: every call here is safe to repeat (register answers
                // "already registered" for what landed), so ask again.
                Err(e) if matches!(e.kind, ErrorKind::Malformed(_)) && attempt < MALFORMED_RETRIES => attempt += 1,
                other => return other,
            }
            tokio::time::sleep(std::time::Duration::from_millis(100 * attempt as u64)).await;
        }
    }

    async fn call_once(&self, op: &str, body: &Value) -> Result<(Value, Value)> {
        self.pacer.acquire(1.0).await;
        let url = format!("{}/{op}", self.base);
        let resp = self.http.send_with(op, |c| c.post(&url).header("17token", self.key.expose()).json(body), throttled_in_body).await?;
        let whole: Value = match resp.json(&self.http, op) {
            Ok(v) => v,
            Err(_) if resp.status == 401 || resp.status == 403 => return Err(self.http.error(op, ErrorKind::Auth(format!("17TRACK refused the security key for this account (HTTP {})", resp.status)))),
            Err(_) if !resp.is_success() => return Err(self.http.error(op, ErrorKind::Rejected { status: resp.status, message: resp.snippet() })),
            Err(e) => return Err(e),
        };
        self.check_envelope(op, &resp, &whole)?;
        let data = whole.get("data").cloned().unwrap_or(Value::Null);
        Ok((data, whole))
    }

    /// A whole-call failure (`code` ≠ 0) or an HTTP error, as a typed error.
    fn check_envelope(&self, op: &str, resp: &Response, whole: &Value) -> Result<()> {
        let code = whole.get("code").and_then(Value::as_i64);
        if code == Some(0) && resp.is_success() {
            return Ok(());
        }
        let Some(code) = code else {
            return Err(self.http.error(op, ErrorKind::Malformed(format!("no envelope code; body starts {:?}", resp.snippet()))));
        };
        let message = whole.pointer("/data/errors/0/message").and_then(Value::as_str).unwrap_or("no message").to_owned();
        let kind = match code {
            -18010001 | -18010002 => ErrorKind::Auth(format!("17TRACK refused the security key for this account: {message} ({code})")),
            _ if resp.status == 401 || resp.status == 403 => ErrorKind::Auth(format!("17TRACK refused the security key for this account: {message} ({code})")),
            _ => ErrorKind::Rejected { status: resp.status, message: format!("{message} ({code})") },
        };
        Err(self.http.error(op, kind))
    }
}

/// 17TRACK answers throttling with HTTP 429; some proxies put the 429 only in the body.
fn throttled_in_body(resp: &Response) -> Verdict {
    let v: Option<Value> = serde_json::from_slice(&resp.body).ok();
    if v.as_ref().and_then(|v| v.get("code")).and_then(Value::as_i64) == Some(429) { Verdict::Throttled(None) } else { Verdict::Done }
}

fn with_carrier(mut item: Value, carrier: Carrier, number: &str) -> Value {
    let carrier = ts::carrier_of(number, Some(carrier));
    if let Some(code) = ts::track17_code(carrier) {
        item["carrier"] = json!(code);
    }
    item
}

fn accepted(data: &Value) -> Vec<Value> {
    data.get("accepted").and_then(Value::as_array).cloned().unwrap_or_default()
}

/// (number, code, message) of each rejected item.
fn rejected(data: &Value) -> Vec<(String, i64, String)> {
    let items = data.get("rejected").and_then(Value::as_array).cloned().unwrap_or_default();
    items
        .iter()
        .map(|r| {
            let n = r.get("number").and_then(Value::as_str).unwrap_or("").to_owned();
            let code = r.pointer("/error/code").and_then(Value::as_i64).unwrap_or(0);
            let m = r.pointer("/error/message").and_then(Value::as_str).unwrap_or("rejected").to_owned();
            (n, code, m)
        })
        .collect()
}

/// An accepted `gettrackinfo` item or a webhook's `data` as an update; `None` without a number
/// or without `track_info`.
pub fn update_from(item: &Value, now: Timestamp) -> Option<TrackingUpdate> {
    let number = meridian_core::tracking::normalize(item.get("number")?.as_str()?);
    let info = item.get("track_info").filter(|i| i.is_object())?;
    let said = item.get("carrier").and_then(Value::as_i64).and_then(ts::carrier_from_17track);
    let events = events_of(info);
    let latest = info.get("latest_status");
    let status = match latest {
        Some(l) => ts::from_17track(str_at(l, "status"), l.get("sub_status").and_then(Value::as_str), events.first().map(|e| e.description.as_str()).unwrap_or("")),
        None => events.first().map(|e| e.status).unwrap_or(ShipmentStatus::Pending),
    };
    let milestone = |stage: &str| milestone_time(info, stage);
    let shipment = Shipment {
        id: 0,
        order_id: 0,
        carrier: ts::carrier_of(&number, said),
        tracking_number: number,
        status,
        shipped_at: milestone("PickedUp"),
        promised_by: None,
        expected_at: expected(info),
        delivered_at: milestone("Delivered").or_else(|| events.iter().find(|e| e.status == ShipmentStatus::Delivered).map(|e| e.at)),
        events,
        source: "17track".into(),
        fresh_at: now,
    };
    let tag = item.get("tag").and_then(Value::as_str).filter(|t| !t.is_empty()).map(str::to_owned);
    Some(TrackingUpdate { shipment, tag })
}

fn str_at<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn milestone_time(info: &Value, stage: &str) -> Option<Timestamp> {
    let list = info.get("milestone")?.as_array()?;
    let m = list.iter().find(|m| str_at(m, "key_stage") == stage)?;
    ts::parse_instant(str_at(m, "time_utc")).or_else(|| ts::parse_instant(str_at(m, "time_iso"))).map(|(t, _)| t)
}

fn expected(info: &Value) -> Option<Timestamp> {
    let edd = info.pointer("/time_metrics/estimated_delivery_date")?;
    [str_at(edd, "to"), str_at(edd, "from")].into_iter().find_map(ts::parse_date_or_instant)
}

/// Events of every provider (origin and destination carriers), newest first.
fn events_of(info: &Value) -> Vec<CarrierEvent> {
    let providers = info.pointer("/tracking/providers").and_then(Value::as_array).cloned().unwrap_or_default();
    let mut events: Vec<CarrierEvent> = providers.iter().flat_map(|p| p.get("events").and_then(Value::as_array).cloned().unwrap_or_default()).filter_map(|e| event_of(&e)).collect();
    events.sort_by_key(|e| std::cmp::Reverse(e.at));
    events
}

fn event_of(e: &Value) -> Option<CarrierEvent> {
    let (utc, _) = ts::parse_instant(str_at(e, "time_utc")).or_else(|| ts::parse_instant(str_at(e, "time_iso")))?;
    let offset = ts::parse_instant(str_at(e, "time_iso")).and_then(|(_, o)| o);
    let description = str_at(e, "description").to_owned();
    let country = e.pointer("/address/country").and_then(Value::as_str).map(str::to_ascii_uppercase).filter(|c| c.len() == 2);
    let place = match str_at(e, "location") {
        "" => [e.pointer("/address/city").and_then(Value::as_str), country.as_deref()].into_iter().flatten().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", "),
        l => l.to_owned(),
    };
    let status = match e.get("sub_status").and_then(Value::as_str).filter(|s| !s.is_empty()) {
        Some(sub) => ts::from_17track("", Some(sub), &description),
        None => ts::from_17track_stage(str_at(e, "stage"), &description),
    };
    Some(CarrierEvent { at: utc, time_zone: ts::zone_of(country.as_deref(), utc, offset), place, country, status, description })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_hides_the_key() {
        let c = Track17Client::new(&Track17Config { endpoint: None }, Track17Credentials { key: Secret::new("k-secret-1") }, HttpOptions::default());
        let shown = format!("{c:?}");
        assert!(shown.contains("api.17track.net") && !shown.contains("k-secret-1"), "{shown}");
    }

    #[test]
    fn odd_items_never_panic_and_unknowns_get_defaults() {
        let now = Timestamp::now();
        for odd in [json!(null), json!([]), json!({}), json!({ "number": 5 }), json!({ "number": "RR123456785CN" }), json!({ "number": "x", "track_info": [] })] {
            assert_eq!(update_from(&odd, now), None, "{odd}");
        }
        let item = json!({
            "number": "rr 123 456 785 cn", "carrier": 99999, "tag": "",
            "track_info": {
                "latest_status": { "status": "Warped" },
                "milestone": "not a list",
                "time_metrics": { "estimated_delivery_date": { "from": null, "to": "2026-02-01" } },
                "tracking": { "providers": [{ "events": [
                    { "time_utc": "garbage" },
                    { "time_utc": 7 },
                    { "time_iso": "2026-01-01T10:00:00+08:00", "description": "Held at customs", "address": { "country": "cn", "city": "Shenzhen" } },
                ] }, "junk"] },
            },
        });
        let u = update_from(&item, now).unwrap();
        let s = &u.shipment;
        assert_eq!((s.tracking_number.as_str(), s.carrier, s.status, u.tag), ("RR123456785CN", Carrier::ChinaPost, ShipmentStatus::InTransit, None));
        assert_eq!(s.expected_at, Some("2026-02-01T00:00:00Z".parse().unwrap()));
        assert_eq!(s.events.len(), 1);
        let e = &s.events[0];
        assert_eq!((e.status, e.country.as_deref(), e.place.as_str(), e.time_zone.as_deref()), (ShipmentStatus::Customs, Some("CN"), "Shenzhen, CN", Some("Asia/Shanghai")));
        assert_eq!(e.at, "2026-01-01T02:00:00Z".parse().unwrap());
    }
}

//! AfterShip Tracking API client (CONNECTORS.md §4.2, dated versions such as 2025-07):
//! create trackings, list them with cursor pagination, look numbers up, verify webhooks.
//!
//! Assumptions where the notes are silent: single-object answers put the tracking in `data`
//! (older versions used `data.tracking`; both are read); our order reference travels as
//! `order_id`; `GET /trackings` takes `limit` up to 200 and `tracking_numbers` up to 50;
//! the list has no `updated_at` filter, so [`AfterShipClient::list_since`] asks for
//! trackings created since `since` − 60 days (AfterShip stops following parcels well before
//! that) and keeps those whose `updated_at` is at or after `since`, client-side. A bare date
//! in an estimated-delivery field is taken as its start in UTC. Per-endpoint budgets are paced
//! at 90% of the documented rates; a 429 waits until `X-RateLimit-Reset`.

use crate::config::{AfterShipConfig, AfterShipCredentials, Secret};
use crate::error::{ErrorKind, Result};
use crate::http::{Http, HttpOptions, Pacer, Response};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use crate::model::{Page, TrackingUpdate};
use crate::tracking_status as ts;
use crate::webhook::{verify_hmac_base64, ReplayGuard, WebhookError, WebhookEvent};
use meridian_core::{Carrier, CarrierEvent, Shipment, ShipmentStatus, Timestamp};
use serde_json::{json, Value};
use std::sync::Arc;

/// Trackings per list page.
pub const PAGE_LIMIT: usize = 100;
/// Numbers per `tracking_numbers` filter.
pub const NUMBERS_PER_QUERY: usize = 50;
/// How far before `since` a tracking may have been created and still be followed.
const FOLLOW_DAYS: i64 = 60;
/// How old a webhook may be (AfterShip retries failed deliveries for about a day).
const WEBHOOK_WINDOW_SECS: i64 = 3 * 24 * 3600;

const TRACKING_EXISTS: i64 = 4003;
/// Repeats of a request whose answer was cut short.
const MALFORMED_RETRIES: u32 = 3;

#[derive(Clone)]
pub struct AfterShipClient {
    http: Http,
    base: String,
    api_key: Secret,
    webhook_secret: Secret,
    create_budget: Arc<Budget>,
    list_budget: Arc<Budget>,
    replay: Arc<ReplayGuard>,
}

/// Shows where it talks to, never a key.
impl std::fmt::Debug for AfterShipClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AfterShipClient").field("base", &self.base).finish_non_exhaustive()
    }
}

impl AfterShipClient {
    pub fn new(cfg: &AfterShipConfig, creds: AfterShipCredentials, opts: HttpOptions) -> AfterShipClient {
        let root = cfg.endpoint.as_deref().unwrap_or("https://api.aftership.com").trim_end_matches('/');
        AfterShipClient {
            http: Http::new("AfterShip", opts),
            base: format!("{root}/tracking/{}", cfg.api_version),
            api_key: creds.api_key,
            webhook_secret: creds.webhook_secret,
            create_budget: Arc::new(Budget::new(20)),
            list_budget: Arc::new(Budget::new(6)),
            replay: Arc::new(ReplayGuard::new(WEBHOOK_WINDOW_SECS, 50_000)),
        }
    }

    pub fn http(&self) -> &Http {
        &self.http
    }

    pub fn name(&self) -> String {
        "AfterShip".into()
    }

    /// Checks the key with a one-item list.
    pub async fn check(&self) -> Result<()> {
        self.get("list trackings", "trackings?limit=1").await.map(|_| ())
    }

    /// Creates one tracking per parcel (`order_id` = our reference); "already exists" (4003)
    /// counts as success. Returns the refused ones as (number, message).
    pub async fn register(&self, parcels: &[(Carrier, String, String)]) -> Result<Vec<(String, String)>> {
        let mut refused = Vec::new();
        for (carrier, number, reference) in parcels {
            let number = meridian_core::tracking::normalize(number);
            let mut body = json!({ "tracking_number": number, "order_id": reference });
            if let Some(slug) = ts::aftership_slug(ts::carrier_of(&number, Some(*carrier))) {
                body["slug"] = json!(slug);
            }
            match self.create(&body).await? {
                None => {}
                Some((code, _)) if code == TRACKING_EXISTS => tracing::debug!(%number, "already followed"),
                Some((code, message)) => refused.push((number, format!("{message} ({code})"))),
            }
        }
        Ok(refused)
    }

    /// `POST /trackings`; a refusal of this one item comes back as (meta.code, message).
    async fn create(&self, body: &Value) -> Result<Option<(i64, String)>> {
        match self.request("create tracking", reqwest::Method::POST, "trackings", Some(body), &self.create_budget).await {
            Ok(_) => Ok(None),
            Err(Failure::Item(_, code, message)) => Ok(Some((code, message))),
            Err(Failure::Whole(e)) => Err(e),
        }
    }

    /// One page of `GET /trackings` (cursor pagination; `None` starts at the beginning).
    pub async fn list(&self, cursor: Option<&str>) -> Result<Page<TrackingUpdate>> {
        let page = self.list_query(cursor, &[]).await?;
        Ok(Page { items: page.items.into_iter().map(|(u, _)| u).collect(), next: page.next })
    }

    /// Like [`list`](Self::list), keeping only trackings updated at or after `since` (see the
    /// module notes for how); pass the same `since` with every cursor.
    pub async fn list_since(&self, cursor: Option<&str>, since: Timestamp) -> Result<Page<TrackingUpdate>> {
        let min = since - jiff::SignedDuration::from_hours(24 * FOLLOW_DAYS);
        let page = self.list_query(cursor, &[("created_at_min", ts::format_utc(min))]).await?;
        let items = page.items.into_iter().filter(|(_, updated)| updated.is_none_or(|at| at >= since)).map(|(u, _)| u).collect();
        Ok(Page { items, next: page.next })
    }

    /// Looks numbers up with `tracking_numbers` (comma list, ≤50 per query, every page).
    pub async fn track(&self, numbers: &[(Carrier, String)]) -> Result<Vec<TrackingUpdate>> {
        let mut out = Vec::new();
        for chunk in numbers.chunks(NUMBERS_PER_QUERY) {
            let list = chunk.iter().map(|(_, n)| meridian_core::tracking::normalize(n)).collect::<Vec<_>>().join(",");
            let mut cursor: Option<String> = None;
            loop {
                let page = self.list_query(cursor.as_deref(), &[("tracking_numbers", list.clone())]).await?;
                out.extend(page.items.into_iter().map(|(u, _)| u));
                match page.next {
                    Some(next) => cursor = Some(next),
                    None => break,
                }
            }
        }
        Ok(out)
    }

    /// One page of updates, each with the tracking's `updated_at`.
    async fn list_query(&self, cursor: Option<&str>, filters: &[(&str, String)]) -> Result<Page<(TrackingUpdate, Option<Timestamp>)>> {
        let mut query: Vec<(&str, String)> = vec![("limit", PAGE_LIMIT.to_string())];
        query.extend(filters.iter().cloned());
        if let Some(c) = cursor {
            query.push(("cursor", c.to_owned()));
        }
        let qs = query.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect::<Vec<_>>().join("&");
        let data = self.get("list trackings", &format!("trackings?{qs}")).await?;
        let Some(list) = data.get("trackings").and_then(Value::as_array) else {
            return Err(self.http.error("list trackings", ErrorKind::Malformed("data.trackings is missing".into())));
        };
        let now = Timestamp::now();
        let items = list.iter().filter_map(|t| Some((update_from(t, now)?, t.get("updated_at").and_then(Value::as_str).and_then(ts::parse_date_or_instant)))).collect();
        let pagination = data.get("pagination");
        let more = pagination.and_then(|p| p.get("has_next_page")).and_then(Value::as_bool).unwrap_or(false);
        let next = pagination.and_then(|p| p.get("next_cursor")).and_then(Value::as_str).filter(|c| more && !c.is_empty()).map(str::to_owned);
        Ok(Page { items, next })
    }

    async fn get(&self, op: &str, path: &str) -> Result<Value> {
        self.request(op, reqwest::Method::GET, path, None, &self.list_budget).await.map_err(|f| match f {
            Failure::Whole(e) => e,
            Failure::Item(status, code, message) => self.http.error(op, ErrorKind::Rejected { status, message: format!("{message} ({code})") }),
        })
    }

    /// One request through the shared stack; `data` on success.
    async fn request(&self, op: &str, method: reqwest::Method, path: &str, body: Option<&Value>, budget: &Budget) -> std::result::Result<Value, Failure> {
        let mut attempt = 0;
        loop {
            match self.request_once(op, method.clone(), path, body, budget).await {
                // A body cut short: reads repeat safely, and a repeated create answers 4003.
                Err(Failure::Whole(e)) if matches!(e.kind, ErrorKind::Malformed(_)) && attempt < MALFORMED_RETRIES => attempt += 1,
                other => return other,
            }
            tokio::time::sleep(std::time::Duration::from_millis(100 * attempt as u64)).await;
        }
    }

    async fn request_once(&self, op: &str, method: reqwest::Method, path: &str, body: Option<&Value>, budget: &Budget) -> std::result::Result<Value, Failure> {
        budget.acquire().await;
        let url = format!("{}/{path}", self.base);
        let resp = self
            .http
            .send(op, |c| {
                let r = c.request(method.clone(), &url).header("as-api-key", self.api_key.expose()).header("accept", "application/json");
                match body {
                    Some(b) => r.json(b),
                    None => r,
                }
            })
            .await
            .map_err(Failure::Whole)?;
        budget.observe(&resp);
        self.read(op, &resp)
    }

    fn read(&self, op: &str, resp: &Response) -> std::result::Result<Value, Failure> {
        let whole: Value = match serde_json::from_slice(&resp.body) {
            Ok(v) => v,
            Err(_) if resp.status == 401 || resp.status == 403 => return Err(Failure::Whole(self.auth(op, "no readable body"))),
            Err(_) if !resp.is_success() => return Err(Failure::Whole(self.http.error(op, ErrorKind::Rejected { status: resp.status, message: resp.snippet() }))),
            Err(e) => return Err(Failure::Whole(self.http.error(op, ErrorKind::Malformed(format!("{e}; body starts {:?}", resp.snippet()))))),
        };
        let Some(code) = whole.pointer("/meta/code").and_then(Value::as_i64) else {
            return Err(Failure::Whole(self.http.error(op, ErrorKind::Malformed(format!("no meta.code; body starts {:?}", resp.snippet())))));
        };
        let message = whole.pointer("/meta/message").and_then(Value::as_str).unwrap_or("no message").to_owned();
        match code {
            200 | 201 if resp.is_success() => Ok(whole.get("data").cloned().unwrap_or(Value::Null)),
            401 | 403 => Err(Failure::Whole(self.auth(op, &message))),
            _ if resp.status == 401 || resp.status == 403 => Err(Failure::Whole(self.auth(op, &message))),
            _ => Err(Failure::Item(resp.status, code, message)),
        }
    }

    fn auth(&self, op: &str, message: &str) -> crate::ConnectorError {
        self.http.error(op, ErrorKind::Auth(format!("AfterShip refused the API key for this account: {message}")))
    }

    /// Verifies `aftership-hmac-sha256`, refuses replayed `event_id`s and stale `ts`, reads
    /// `tracking_update` (and `edd_revise`) into an update.
    pub fn parse_webhook(&self, headers: &reqwest::header::HeaderMap, body: &[u8]) -> Result<WebhookEvent, WebhookError> {
        let sig = headers.get("aftership-hmac-sha256").and_then(|v| v.to_str().ok());
        verify_hmac_base64(self.webhook_secret.expose().as_bytes(), body, sig, "aftership-hmac-sha256")?;
        let v: Value = match serde_json::from_slice(body) {
            Ok(v) => v,
            Err(e) => return Ok(WebhookEvent::Ignored(format!("unreadable AfterShip webhook: {e}"))),
        };
        let id = v.get("event_id").and_then(Value::as_str).map(str::to_owned).unwrap_or_else(|| crate::webhook::track17_sign("", body));
        self.replay.accept(&id, v.get("ts").and_then(Value::as_i64), Timestamp::now().as_second())?;
        let event = v.get("event").and_then(Value::as_str).unwrap_or("");
        match (event, v.get("msg")) {
            ("tracking_update" | "edd_revise", Some(msg)) => Ok(update_from(msg, Timestamp::now()).map(WebhookEvent::Tracking).unwrap_or_else(|| WebhookEvent::Ignored(format!("{event} without a tracking number")))),
            (other, _) => Ok(WebhookEvent::Ignored(other.to_owned())),
        }
    }
}

/// One endpoint's rate budget: paced at 90% of its limit, and held until `X-RateLimit-Reset`
/// once `X-RateLimit-Remaining` reaches 0 (the limit itself follows `X-RateLimit-Limit`).
struct Budget {
    pacer: Pacer,
    hold_until: Mutex<Option<Instant>>,
}

impl Budget {
    fn new(per_second: u32) -> Budget {
        Budget { pacer: Pacer::new(per_second as f64 * 0.9, 1.0), hold_until: Mutex::new(None) }
    }

    async fn acquire(&self) {
        let hold = *self.hold_until.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(wait) = hold.and_then(|t| t.checked_duration_since(Instant::now())) {
            tokio::time::sleep(wait).await;
        }
        self.pacer.acquire(1.0).await;
    }

    fn observe(&self, resp: &Response) {
        if let Some(limit) = resp.header("x-ratelimit-limit").and_then(|v| v.trim().parse::<f64>().ok()).filter(|l| *l >= 1.0) {
            self.pacer.set_rate(limit * 0.9);
        }
        let spent = resp.header("x-ratelimit-remaining").is_some_and(|v| v.trim() == "0");
        let until = resp.rate_limit_reset().filter(|_| spent).map(|d| Instant::now() + d.min(Duration::from_secs(60)));
        *self.hold_until.lock().unwrap_or_else(|p| p.into_inner()) = until;
    }
}

/// A whole-call failure, or AfterShip's refusal of this one request (HTTP status, meta.code,
/// message).
enum Failure {
    Whole(crate::ConnectorError),
    Item(u16, i64, String),
}

/// Percent-encodes a query value (numbers, cursors, timestamps).
fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn str_at<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// A tracking object (or `{tracking}`) as an update fetched at `now`; `None` without a number.
pub fn update_from(t: &Value, now: Timestamp) -> Option<TrackingUpdate> {
    let t = t.get("tracking").filter(|x| x.is_object()).unwrap_or(t);
    let number = meridian_core::tracking::normalize(t.get("tracking_number")?.as_str()?);
    let events = events_of(t);
    let latest_message = events.first().map(|e| e.description.as_str()).unwrap_or("");
    let status = match str_at(t, "tag") {
        "" => events.first().map(|e| e.status).unwrap_or(ShipmentStatus::Pending),
        tag => ts::from_aftership(tag, t.get("subtag").and_then(Value::as_str), &format!("{} {latest_message}", str_at(t, "subtag_message"))),
    };
    let instant = |k: &str| t.get(k).and_then(Value::as_str).and_then(ts::parse_date_or_instant);
    let shipment = Shipment {
        id: 0,
        order_id: 0,
        carrier: ts::carrier_of(&number, ts::carrier_from_slug(str_at(t, "slug"))),
        tracking_number: number,
        status,
        shipped_at: instant("shipment_pickup_date"),
        promised_by: None,
        expected_at: expected(t),
        delivered_at: instant("shipment_delivery_date").or_else(|| events.iter().find(|e| e.status == ShipmentStatus::Delivered).map(|e| e.at)),
        events,
        source: "aftership".into(),
        fresh_at: now,
    };
    let tag = [str_at(t, "order_id"), str_at(t, "order_number")].into_iter().find(|s| !s.is_empty()).map(str::to_owned);
    Some(TrackingUpdate { shipment, tag })
}

/// The latest estimate first, then the carrier's, then AfterShip's own.
fn expected(t: &Value) -> Option<Timestamp> {
    let paths = [
        "/latest_estimated_delivery/datetime",
        "/latest_estimated_delivery/datetime_max",
        "/courier_estimated_delivery_date/estimated_delivery_date",
        "/courier_estimated_delivery_date/estimated_delivery_date_max",
        "/aftership_estimated_delivery_date/estimated_delivery_date",
    ];
    paths.iter().find_map(|p| t.pointer(p).and_then(Value::as_str).and_then(ts::parse_date_or_instant))
}

/// Checkpoints (AfterShip lists them oldest first), newest first.
fn events_of(t: &Value) -> Vec<CarrierEvent> {
    let list = t.get("checkpoints").and_then(Value::as_array).cloned().unwrap_or_default();
    let mut events: Vec<CarrierEvent> = list.iter().filter_map(checkpoint).collect();
    events.sort_by_key(|e| std::cmp::Reverse(e.at));
    events
}

fn checkpoint(c: &Value) -> Option<CarrierEvent> {
    let (at, offset) = ts::parse_instant(str_at(c, "checkpoint_time"))?;
    let region = str_at(c, "country_region").trim();
    let country = match region.len() {
        3 => ts::alpha2(region).map(str::to_owned),
        2 => Some(region.to_ascii_uppercase()),
        _ => None,
    };
    let description = str_at(c, "message").to_owned();
    let place = match str_at(c, "location") {
        "" => [str_at(c, "city"), country.as_deref().unwrap_or("")].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", "),
        l => l.to_owned(),
    };
    let status = ts::from_aftership(str_at(c, "tag"), c.get("subtag").and_then(Value::as_str), &description);
    Some(CarrierEvent { at, time_zone: ts::zone_of(country.as_deref(), at, offset), place, country, status, description })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_trackings_never_panic_and_unknowns_get_defaults() {
        let now = Timestamp::now();
        for odd in [json!(null), json!({}), json!({ "tracking_number": 1 }), json!({ "tracking": "x" })] {
            assert_eq!(update_from(&odd, now), None, "{odd}");
        }
        let t = json!({ "tracking": {
            "tracking_number": "1Z999AA10123456784", "slug": "some-new-courier", "tag": "Teleported", "order_id": "1047",
            "latest_estimated_delivery": { "datetime": "not a date" },
            "courier_estimated_delivery_date": { "estimated_delivery_date": "2026-03-04" },
            "checkpoints": [
                { "checkpoint_time": "2026-01-10T09:00:00-08:00", "country_region": "USA", "city": "Los Angeles", "tag": "InTransit", "message": "Arrived" },
                { "checkpoint_time": null },
                { "checkpoint_time": "2026-01-11T09:00:00+01:00", "country_region": "XYZ", "tag": "Mystery", "subtag": "Exception_011", "message": "Back home", "location": "Depot" },
            ],
        }});
        let u = update_from(&t, now).unwrap();
        let s = &u.shipment;
        assert_eq!((s.carrier, s.status, u.tag.as_deref()), (Carrier::Ups, ShipmentStatus::InTransit, Some("1047")));
        assert_eq!(s.expected_at, Some("2026-03-04T00:00:00Z".parse().unwrap()));
        assert_eq!(s.events.len(), 2);
        assert_eq!((s.events[0].status, s.events[0].country.as_deref(), s.events[0].place.as_str()), (ShipmentStatus::Returned, None, "Depot"));
        let la = &s.events[1];
        assert_eq!((la.country.as_deref(), la.place.as_str(), la.time_zone.as_deref()), (Some("US"), "Los Angeles, US", Some("America/Los_Angeles")));
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(encode("2026-01-01T00:00:00Z"), "2026-01-01T00%3A00%3A00Z");
        assert_eq!(encode("a+b/c=,d"), "a%2Bb%2Fc%3D,d");
    }
}

//! The AfterShip client against the sandbox's AfterShip simulator (and a raw socket for
//! bodies the simulator never sends).

use meridian_connectors::aftership::AfterShipClient;
use meridian_connectors::config::{AfterShipConfig, AfterShipCredentials};
use meridian_connectors::model::{tracking_service_for, TrackingService};
use meridian_connectors::webhook::{hmac_sha256_base64, WebhookError, WebhookEvent};
use meridian_connectors::{ErrorKind, HttpOptions, Secret, TrackingUpdate};
use meridian_core::{Carrier, Shipment, ShipmentStatus, Timestamp};
use meridian_sandbox::{Options, Sandbox};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::sync::atomic::Ordering;
use std::time::Duration;

fn opts() -> HttpOptions {
    HttpOptions { base_backoff: Duration::from_millis(20), max_retries: 10, ..Default::default() }
}

async fn sandbox(faults: f64) -> Sandbox {
    Sandbox::start(Options { orders: 300, faults, ..Default::default() }).await.unwrap()
}

fn client(sb: &Sandbox, o: HttpOptions) -> AfterShipClient {
    AfterShipClient::new(sb.config().aftership.as_ref().unwrap(), sb.credentials().aftership, o)
}

/// The world's parcels AfterShip follows: number → (parcel, order number).
fn followed(sb: &Sandbox) -> BTreeMap<String, (Shipment, String)> {
    let s = sb.state.lock();
    s.world
        .shipments
        .iter()
        .filter(|sh| tracking_service_for(sh.carrier) == TrackingService::AfterShip)
        .map(|sh| (sh.tracking_number.clone(), (sh.clone(), s.world.orders[sh.order_id as usize].number.clone())))
        .collect()
}

async fn list_all(c: &AfterShipClient, since: Option<Timestamp>) -> Vec<TrackingUpdate> {
    let mut out = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let p = match since {
            None => c.list(cursor.as_deref()).await.unwrap(),
            Some(t) => c.list_since(cursor.as_deref(), t).await.unwrap(),
        };
        assert!(p.items.len() <= 100);
        out.extend(p.items);
        match p.next {
            Some(n) => cursor = Some(n),
            None => return out,
        }
    }
}

fn assert_same(u: &TrackingUpdate, world: &Shipment, order: &str) {
    let s = &u.shipment;
    let n = &world.tracking_number;
    assert_eq!(u.tag.as_deref(), Some(order), "{n}");
    assert_eq!((s.id, s.order_id, s.source.as_str()), (0, 0, "aftership"));
    assert_eq!((&s.tracking_number, s.carrier, s.status), (n, world.carrier, world.status), "{n}");
    assert_eq!(s.expected_at.map(|t| t.as_second()), world.expected_at.map(|t| t.as_second()), "{n}");
    assert_eq!(s.delivered_at.map(|t| t.as_second()), world.delivered_at.map(|t| t.as_second()), "{n}");
    assert_eq!(s.events.len(), world.events.len(), "{n}");
    for (got, want) in s.events.iter().zip(&world.events) {
        assert_eq!((got.at.as_second(), &got.place, &got.country, got.status, &got.description), (want.at.as_second(), &want.place, &want.country, want.status, &want.description), "{n}");
        if let (Some(g), Some(w)) = (&got.time_zone, &want.time_zone) {
            let off = |z: &str| jiff::tz::TimeZone::get(z).unwrap().to_offset(got.at);
            assert_eq!(off(g), off(w), "{n}: {g} vs {w}");
        }
        let single = want.country.as_deref().and_then(meridian_connectors::tracking_status::single_zone);
        if single.is_some() {
            assert_eq!(got.time_zone.as_deref(), single, "{n}");
        }
    }
    if let Some(picked) = world.events.iter().rev().find(|e| e.description.starts_with("Picked up")) {
        assert_eq!(s.shipped_at.map(|t| t.as_second()), Some(picked.at.as_second()), "{n}");
    }
}

#[tokio::test]
async fn the_list_pages_through_every_followed_parcel_as_the_world_has_it() {
    let sb = sandbox(0.0).await;
    let c = client(&sb, opts());
    c.check().await.unwrap();
    let world = followed(&sb);
    assert!(world.len() > 100, "the test needs several pages: {}", world.len());
    let listed = list_all(&c, None).await;
    assert_eq!(listed.len(), world.len());
    for u in &listed {
        let (ws, order) = &world[&u.shipment.tracking_number];
        assert_same(u, ws, order);
    }
    assert!(listed.iter().any(|u| u.shipment.events.iter().any(|e| e.time_zone.as_deref() == Some("America/Los_Angeles") || e.time_zone.as_deref() == Some("America/New_York"))), "US zones are told from the offset");
    // A cursor that is not one of AfterShip's is refused.
    let err = c.list(Some("bogus-cursor")).await.unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Rejected { status: 400, .. }), "{err}");
}

#[tokio::test]
async fn updated_since_keeps_exactly_the_parcels_that_moved() {
    let sb = sandbox(0.0).await;
    let c = client(&sb, opts());
    let now = sb.state.lock().now;
    let since = now - jiff::SignedDuration::from_hours(72);
    let world = followed(&sb);
    // A tracking's `updated_at` is its last checkpoint, or its creation (the pickup, else the order).
    let changed = |s: &Shipment| {
        let order_at = sb.state.lock().world.orders[s.order_id as usize].created_at;
        s.events.first().map(|e| e.at).or(s.shipped_at).unwrap_or(order_at)
    };
    let mut want: Vec<String> = world.iter().filter(|(_, (s, _))| changed(s) >= since).map(|(n, _)| n.clone()).collect();
    let mut got: Vec<String> = list_all(&c, Some(since)).await.into_iter().map(|u| u.shipment.tracking_number).collect();
    want.sort();
    got.sort();
    assert!(!want.is_empty() && want.len() < world.len(), "{} of {}", want.len(), world.len());
    assert_eq!(got, want);
}

#[tokio::test]
async fn track_looks_numbers_up_in_batches() {
    let sb = sandbox(0.0).await;
    let c = client(&sb, opts());
    let world = followed(&sb);
    let mut numbers: Vec<(Carrier, String)> = world.iter().map(|(n, (s, _))| (s.carrier, n.clone())).collect();
    numbers.push((Carrier::Ups, "1Z999AA10123456784".into()));
    let got = c.track(&numbers).await.unwrap();
    assert_eq!(got.len(), world.len());
    for u in &got {
        let (ws, order) = &world[&u.shipment.tracking_number];
        assert_same(u, ws, order);
    }
}

#[tokio::test]
async fn a_wrong_key_is_an_auth_error_that_names_aftership_and_hides_the_key() {
    let sb = sandbox(0.0).await;
    let bad = AfterShipCredentials { api_key: Secret::new("asat_wrong_999"), webhook_secret: Secret::new("w") };
    let c = AfterShipClient::new(sb.config().aftership.as_ref().unwrap(), bad, opts());
    let parcel = [(Carrier::Ups, "1Z999AA10123456784".to_owned(), "1001".to_owned())];
    for err in [c.check().await.unwrap_err(), c.list(None).await.unwrap_err(), c.register(&parcel).await.unwrap_err()] {
        assert!(matches!(err.kind, ErrorKind::Auth(_)), "{err}");
        let text = err.to_string();
        assert!(text.contains("AfterShip") && text.contains("authentication failed") && !text.contains("asat_wrong_999"), "{text}");
    }
}

#[tokio::test]
async fn register_creates_once_and_reports_refusals() {
    let sb = sandbox(0.0).await;
    let c = client(&sb, opts());
    let parcel = [(Carrier::Ups, "1Z 999 AA1 0123 4567 84".to_owned(), "1001".to_owned())];
    assert_eq!(c.register(&parcel).await.unwrap(), vec![]);
    // The retry of a create that landed is "already exists" (4003): success, one copy.
    assert_eq!(c.register(&parcel).await.unwrap(), vec![]);
    let copies = sb.state.lock().aftership.trackings.iter().filter(|t| t.number == "1Z999AA10123456784").count();
    assert_eq!(copies, 1);
    let got = c.track(&[(Carrier::Ups, "1Z999AA10123456784".into())]).await.unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!((got[0].tag.as_deref(), got[0].shipment.status, got[0].shipment.carrier), (Some("1001"), ShipmentStatus::Pending, Carrier::Ups));
    let refused = c.register(&[(Carrier::Other, "!!".into(), "x".into()), (Carrier::Other, "ABCDEFG".into(), "x".into())]).await.unwrap();
    assert_eq!(refused.len(), 2, "{refused:?}");
    assert!(refused[0].1.contains("4005") && refused[1].1.contains("4012"), "{refused:?}");
}

#[tokio::test]
async fn the_simulator_enforces_the_per_endpoint_limits_with_headers() {
    let sb = sandbox(0.0).await;
    let url = format!("{}/aftership/tracking/2025-07/trackings?limit=1", sb.base_url());
    let key = sb.credentials().aftership.api_key.expose().to_owned();
    let http = reqwest::Client::new();
    let mut seen = Vec::new();
    for _ in 0..14 {
        let r = http.get(&url).header("as-api-key", &key).send().await.unwrap();
        let h = |n: &str| r.headers().get(n).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        seen.push((r.status().as_u16(), h("x-ratelimit-limit"), h("x-ratelimit-reset")));
    }
    assert!(seen.iter().all(|(_, limit, reset)| limit == "6" && reset.parse::<i64>().is_ok()), "{seen:?}");
    assert!(seen.iter().any(|(s, _, _)| *s == 429), "{seen:?}");
    let r = http.get(&url).header("as-api-key", "nope").send().await.unwrap();
    assert_eq!(r.status().as_u16(), 401);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["meta"]["code"], 401);
}

#[tokio::test]
async fn a_client_that_meets_the_rate_limit_waits_and_still_gets_everything() {
    let sb = sandbox(0.0).await;
    let world = followed(&sb);
    let c = client(&sb, opts());
    let cfg = sb.config().aftership.unwrap();
    let url = format!("{}/tracking/{}/trackings", cfg.endpoint.unwrap(), cfg.api_version);
    let key = sb.credentials().aftership.api_key.expose().to_owned();
    let raw = reqwest::Client::new();
    // Another program on the same key spends this second's budget of GET /trackings; the
    // paced client then meets a 429, waits for X-RateLimit-Reset, and gets everything.
    for _ in 0..10 {
        loop {
            let r = raw.get(&url).header("as-api-key", &key).send().await.unwrap();
            if r.status() == 429 {
                break;
            }
        }
        assert_eq!(list_all(&c, None).await.len(), world.len());
        if c.http().stats().throttled.load(Ordering::Relaxed) > 0 {
            return;
        }
    }
    panic!("the client never met the rate limit another program had used up");
}

#[tokio::test]
async fn faults_do_not_change_what_is_fetched() {
    let clean = sandbox(0.0).await;
    let want = list_all(&client(&clean, opts()), None).await;
    let sb = sandbox(0.3).await;
    sb.state.lock().faults.hang = Duration::from_secs(3);
    let c = client(&sb, HttpOptions { timeout: Duration::from_secs(2), ..opts() });
    let strip = |u: &[TrackingUpdate]| u.iter().map(|u| (u.shipment.tracking_number.clone(), u.shipment.status, u.shipment.events.clone(), u.shipment.expected_at, u.tag.clone())).collect::<Vec<_>>();
    for _ in 0..3 {
        assert_eq!(strip(&list_all(&c, None).await), strip(&want));
    }
    let numbers: Vec<(Carrier, String)> = want.iter().map(|u| (u.shipment.carrier, u.shipment.tracking_number.clone())).collect();
    let mut looked_up = c.track(&numbers).await.unwrap();
    looked_up.sort_by(|x, y| x.shipment.tracking_number.cmp(&y.shipment.tracking_number));
    let mut want_sorted = want.clone();
    want_sorted.sort_by(|x, y| x.shipment.tracking_number.cmp(&y.shipment.tracking_number));
    assert_eq!(strip(&looked_up), strip(&want_sorted));
    // Creates survive faults too: exactly one copy each.
    let parcels: Vec<(Carrier, String, String)> = ["1Z999AA10123456784", "1234567891"].iter().map(|n| (Carrier::Other, n.to_string(), "1001".into())).collect();
    assert_eq!(c.register(&parcels).await.unwrap(), vec![]);
    let s = sb.state.lock();
    assert!(!s.faults.injected.is_empty());
    for (_, n, _) in &parcels {
        assert_eq!(s.aftership.trackings.iter().filter(|t| &t.number == n).count(), 1, "{n}");
    }
}

fn headers(list: &[(String, String)]) -> reqwest::header::HeaderMap {
    let mut h = reqwest::header::HeaderMap::new();
    for (k, v) in list {
        h.insert(reqwest::header::HeaderName::from_bytes(k.as_bytes()).unwrap(), v.parse().unwrap());
    }
    h
}

#[tokio::test]
async fn webhooks_are_verified_read_and_not_replayed() {
    let sb = sandbox(0.0).await;
    let c = client(&sb, opts());
    let world = followed(&sb);
    let (number, (_, order)) = world.iter().find(|(_, (s, _))| !s.status.is_final() && s.events.len() > 1).unwrap();
    let hook = {
        let mut s = sb.state.lock();
        let k = s.shipment_position(number).unwrap();
        s.advance(k).unwrap();
        meridian_sandbox::aftership::parcel_changed(&mut s, k).pop().unwrap()
    };
    let moved = sb.state.lock().world.shipments.iter().find(|s| &s.tracking_number == number).unwrap().clone();
    let h = headers(&hook.headers);
    match c.parse_webhook(&h, &hook.body).unwrap() {
        WebhookEvent::Tracking(u) => assert_same(&u, &moved, order),
        other => panic!("{other:?}"),
    }
    assert!(matches!(c.parse_webhook(&h, &hook.body), Err(WebhookError::Replayed(_))));
    let mut tampered = hook.body.clone();
    let at = tampered.len() / 2;
    tampered[at] ^= 1;
    assert_eq!(c.parse_webhook(&h, &tampered), Err(WebhookError::BadSignature));
    assert_eq!(c.parse_webhook(&reqwest::header::HeaderMap::new(), &hook.body), Err(WebhookError::MissingSignature("aftership-hmac-sha256")));
    // A correctly signed delivery from days ago is refused as stale.
    let secret = sb.credentials().aftership.webhook_secret.expose().to_owned();
    let old = format!(r#"{{"event":"tracking_update","event_id":"e-old","msg":{{"tracking_number":"1Z999AA10123456784"}},"ts":{}}}"#, Timestamp::now().as_second() - 10 * 86_400);
    let sig = hmac_sha256_base64(secret.as_bytes(), old.as_bytes());
    assert!(matches!(c.parse_webhook(&headers(&[("aftership-hmac-sha256".into(), sig)]), old.as_bytes()), Err(WebhookError::Stale(_))));
}

#[tokio::test]
async fn a_parcel_moved_in_the_sandbox_arrives_as_a_signed_webhook() {
    let sb = sandbox(0.0).await;
    let c = client(&sb, opts());
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(reqwest::header::HeaderMap, Vec<u8>)>();
    let url = receiver(tx);
    reqwest::Client::new().post(format!("{}/_sandbox/webhooks", sb.base_url())).json(&serde_json::json!({ "api": "aftership", "url": url })).send().await.unwrap();
    let number = followed(&sb).into_iter().find(|(_, (s, _))| !s.status.is_final()).unwrap().0;
    let r = reqwest::Client::new().post(format!("{}/_sandbox/parcels/{number}/advance", sb.base_url())).send().await.unwrap();
    assert!(r.status().is_success());
    let (h, body) = tokio::time::timeout(Duration::from_secs(5), rx.recv()).await.unwrap().unwrap();
    match c.parse_webhook(&h, &body).unwrap() {
        WebhookEvent::Tracking(u) => assert_eq!(u.shipment.tracking_number, number),
        other => panic!("{other:?}"),
    }
}

/// A loopback receiver (plain thread) that hands each request's headers and body over.
fn receiver(tx: tokio::sync::mpsc::UnboundedSender<(reqwest::header::HeaderMap, Vec<u8>)>) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut data = Vec::new();
            let mut buf = [0u8; 65536];
            let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
            let (head_end, len) = loop {
                let Ok(n) = stream.read(&mut buf) else { break (0, 0) };
                if n == 0 {
                    break (0, 0);
                }
                data.extend_from_slice(&buf[..n]);
                if let Some(p) = data.windows(4).position(|w| w == b"\r\n\r\n") {
                    let head = String::from_utf8_lossy(&data[..p]).to_lowercase();
                    let len = head.lines().find_map(|l| l.strip_prefix("content-length:").map(|v| v.trim().parse::<usize>().unwrap_or(0))).unwrap_or(0);
                    while data.len() < p + 4 + len {
                        match stream.read(&mut buf) {
                            Ok(n) if n > 0 => data.extend_from_slice(&buf[..n]),
                            _ => break,
                        }
                    }
                    break (p, len);
                }
            };
            if head_end == 0 {
                continue;
            }
            let head = String::from_utf8_lossy(&data[..head_end]).into_owned();
            let mut h = reqwest::header::HeaderMap::new();
            for line in head.lines().skip(1) {
                let Some((k, v)) = line.split_once(':') else { continue };
                if let (Ok(k), Ok(v)) = (reqwest::header::HeaderName::from_bytes(k.trim().as_bytes()), v.trim().parse()) {
                    h.insert(k, v);
                }
            }
            let body = data[head_end + 4..(head_end + 4 + len).min(data.len())].to_vec();
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            let _ = tx.send((h, body));
        }
    });
    format!("http://{addr}/hooks")
}

/// Serves one fixed answer to every request on a loopback port, from a plain thread.
fn fixed_server(status: u16, body: &'static str) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
            let mut buf = [0u8; 65536];
            let _ = stream.read(&mut buf);
            let reply = format!("HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
            let _ = stream.write_all(reply.as_bytes());
        }
    });
    format!("http://{addr}")
}

/// (HTTP status, body, what the error must be).
type Case = (u16, &'static str, fn(&ErrorKind) -> bool);

#[tokio::test]
async fn every_error_shape_is_mapped() {
    let cases: [Case; 6] = [
        (200, r#"{"meta":{"code":200},"data":{"trackings":[{"#, |k| matches!(k, ErrorKind::Malformed(_))),
        (200, r#"{"data":{}}"#, |k| matches!(k, ErrorKind::Malformed(_))),
        (200, r#"{"meta":{"code":200},"data":{}}"#, |k| matches!(k, ErrorKind::Malformed(_))),
        (401, r#"{"meta":{"code":401,"message":"Invalid API key.","type":"Unauthorized"},"data":{}}"#, |k| matches!(k, ErrorKind::Auth(_))),
        (404, r#"{"meta":{"code":4004,"message":"Tracking does not exist.","type":"NotFound"},"data":{}}"#, |k| matches!(k, ErrorKind::Rejected { message, .. } if message.contains("4004"))),
        (400, "<html>bad</html>", |k| matches!(k, ErrorKind::Rejected { status: 400, .. })),
    ];
    for (status, body, check) in cases {
        let cfg = AfterShipConfig { endpoint: Some(fixed_server(status, body)), api_version: "2025-07".into() };
        let c = AfterShipClient::new(&cfg, AfterShipCredentials { api_key: Secret::new("k"), webhook_secret: Secret::new("w") }, opts());
        let err = c.list(None).await.unwrap_err();
        assert!(check(&err.kind), "{status} {body}: {err}");
        assert_eq!((err.connector.as_str(), err.operation.as_str()), ("AfterShip", "list trackings"));
    }
    // A create refused for this item is a rejection, not a failed call.
    let cfg = AfterShipConfig { endpoint: Some(fixed_server(400, r#"{"meta":{"code":4005,"message":"The value of `tracking_number` is invalid.","type":"BadRequest"},"data":{}}"#)), api_version: "2025-07".into() };
    let c = AfterShipClient::new(&cfg, AfterShipCredentials { api_key: Secret::new("k"), webhook_secret: Secret::new("w") }, opts());
    let refused = c.register(&[(Carrier::Ups, "X1".into(), "1".into())]).await.unwrap();
    assert!(refused.len() == 1 && refused[0].1.contains("4005"), "{refused:?}");
}

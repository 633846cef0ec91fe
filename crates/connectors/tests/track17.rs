//! The 17TRACK client against the sandbox's 17TRACK simulator (and a raw socket for bodies
//! the simulator never sends).

use meridian_connectors::config::Track17Credentials;
use meridian_connectors::model::{tracking_service_for, TrackingService};
use meridian_connectors::track17::Track17Client;
use meridian_connectors::webhook::{WebhookError, WebhookEvent};
use meridian_connectors::{ErrorKind, HttpOptions, Secret, TrackingUpdate};
use meridian_core::{Carrier, Shipment};
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

fn client(sb: &Sandbox, o: HttpOptions) -> Track17Client {
    Track17Client::new(sb.config().track17.as_ref().unwrap(), sb.credentials().track17, o)
}

/// The world's parcels 17TRACK follows: number → (parcel, order number).
fn followed(sb: &Sandbox) -> BTreeMap<String, (Shipment, String)> {
    let s = sb.state.lock();
    s.world
        .shipments
        .iter()
        .filter(|sh| tracking_service_for(sh.carrier) == TrackingService::Track17)
        .map(|sh| (sh.tracking_number.clone(), (sh.clone(), s.world.orders[sh.order_id as usize].number.clone())))
        .collect()
}

async fn list_all(c: &Track17Client) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut page: Option<String> = None;
    loop {
        let p = c.list(page.as_deref()).await.unwrap();
        assert!(p.items.len() <= 40);
        out.extend(p.items);
        match p.next {
            Some(n) => page = Some(n),
            None => return out,
        }
    }
}

/// The update says what the world says about the parcel.
fn assert_same(u: &TrackingUpdate, world: &Shipment, order: &str) {
    let s = &u.shipment;
    let n = &world.tracking_number;
    assert_eq!(u.tag.as_deref(), Some(order), "{n}");
    assert_eq!((s.id, s.order_id, s.source.as_str()), (0, 0, "17track"));
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

async fn track_all(c: &Track17Client, numbers: &[String]) -> Vec<TrackingUpdate> {
    let q: Vec<(Carrier, String)> = numbers.iter().map(|n| (Carrier::Other, n.clone())).collect();
    c.track(&q).await.unwrap()
}

#[tokio::test]
async fn the_list_pages_through_every_followed_parcel_with_its_order() {
    let sb = sandbox(0.0).await;
    let c = client(&sb, opts());
    c.check().await.unwrap();
    let world = followed(&sb);
    assert!(world.len() > 40, "the test needs several pages: {}", world.len());
    let listed = list_all(&c).await;
    assert_eq!(listed.len(), world.len());
    for (number, tag) in &listed {
        assert_eq!(tag.as_deref(), Some(world[number].1.as_str()), "{number}");
    }
    // The page after the last is empty and ends the listing; junk is refused before sending.
    let pages = world.len().div_ceil(40);
    let after = c.list(Some(&(pages + 1).to_string())).await.unwrap();
    assert!(after.items.is_empty() && after.next.is_none());
    let last = c.list(Some(&pages.to_string())).await.unwrap();
    assert_eq!((last.items.len(), last.next), (world.len() - (pages - 1) * 40, None));
    for junk in ["0", "abc", "-1"] {
        assert!(matches!(c.list(Some(junk)).await.unwrap_err().kind, ErrorKind::Rejected { .. }), "{junk}");
    }
}

#[tokio::test]
async fn track_reads_every_parcel_as_the_world_has_it() {
    let sb = sandbox(0.0).await;
    let c = client(&sb, opts());
    let world = followed(&sb);
    let numbers: Vec<String> = world.keys().cloned().collect();
    let updates = track_all(&c, &numbers).await;
    assert_eq!(updates.len(), world.len());
    for u in &updates {
        let (ws, order) = &world[&u.shipment.tracking_number];
        assert_same(u, ws, order);
    }
    assert!(updates.iter().any(|u| u.shipment.status == meridian_core::ShipmentStatus::Customs) || !world.values().any(|(s, _)| s.status == meridian_core::ShipmentStatus::Customs));
    // Numbers 17TRACK does not follow have no info: nothing, not an error.
    let none = track_all(&c, &["RB123456785GB".to_owned()]).await;
    assert!(none.is_empty());
}

#[tokio::test]
async fn a_wrong_key_is_an_auth_error_that_names_17track_and_hides_the_key() {
    let sb = sandbox(0.0).await;
    let bad = Track17Credentials { key: Secret::new("wrong-key-123") };
    let c = Track17Client::new(sb.config().track17.as_ref().unwrap(), bad, opts());
    for err in [c.check().await.unwrap_err(), c.list(None).await.unwrap_err()] {
        assert!(matches!(err.kind, ErrorKind::Auth(_)), "{err}");
        let text = err.to_string();
        assert!(text.contains("17TRACK") && text.contains("authentication failed") && !text.contains("wrong-key-123"), "{text}");
    }
}

#[tokio::test]
async fn register_adds_new_parcels_once_and_reports_refusals() {
    let sb = sandbox(0.0).await;
    let c = client(&sb, opts());
    let (number, order) = {
        let mut s = sb.state.lock();
        let order = s.world.orders.iter().position(|o| o.fulfillment_status != meridian_core::FulfillmentStatus::Fulfilled).unwrap();
        let k = s.fulfil(order);
        (s.world.shipments[k].tracking_number.clone(), s.world.orders[order].number.clone())
    };
    assert!(track_all(&c, std::slice::from_ref(&number)).await.is_empty(), "not registered yet");
    let parcel = [(Carrier::Post, number.clone(), order.clone())];
    assert_eq!(c.register(&parcel).await.unwrap(), vec![]);
    // A retry of the same registration lands nothing twice and is not an error.
    assert_eq!(c.register(&parcel).await.unwrap(), vec![]);
    let count = sb.state.lock().track17.registered.iter().filter(|r| r.number == number).count();
    assert_eq!(count, 1);
    let u = track_all(&c, std::slice::from_ref(&number)).await;
    assert_eq!(u.len(), 1);
    assert_eq!((u[0].tag.as_deref(), u[0].shipment.status), (Some(order.as_str()), meridian_core::ShipmentStatus::InfoReceived));
    // Bad numbers come back as rejections; more than 40 go in several calls.
    let mut many: Vec<(Carrier, String, String)> = (0..45).map(|i| (Carrier::Other, format!("ZZ{i:03}"), "x".into())).collect();
    many.push((Carrier::Other, "12".into(), "x".into()));
    let refused = c.register(&many).await.unwrap();
    assert_eq!(refused.len(), 46, "{refused:?}");
    assert!(refused.iter().any(|(n, m)| n == "12" && m.contains("-18010012")), "{refused:?}");
    assert!(refused.iter().filter(|(_, m)| m.contains("-18019903")).count() == 45, "{refused:?}");
}

#[tokio::test]
async fn the_simulator_refuses_more_than_40_and_throttles_at_3_per_second() {
    let sb = sandbox(0.0).await;
    let url = format!("{}/17track/track/v2.2/gettrackinfo", sb.base_url());
    let key = sb.credentials().track17.key.expose().to_owned();
    let http = reqwest::Client::new();
    let items: Vec<serde_json::Value> = (0..41).map(|i| serde_json::json!({ "number": format!("RR{i:09}CN") })).collect();
    let r: serde_json::Value = http.post(&url).header("17token", &key).json(&items).send().await.unwrap().json().await.unwrap();
    assert_eq!(r["code"], -18010014);
    let list_url = url.replace("gettrackinfo", "gettracklist");
    let r: serde_json::Value = http.post(&list_url).header("17token", &key).json(&serde_json::json!({ "page_no": "x" })).send().await.unwrap().json().await.unwrap();
    assert_eq!(r["code"], -18010010);
    let r = http.post(&url).header("17token", "bad").json(&serde_json::json!([])).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 401);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["data"]["errors"][0]["code"], -18010002);
    let mut statuses = Vec::new();
    for _ in 0..8 {
        statuses.push(http.post(&url).header("17token", &key).json(&serde_json::json!([])).send().await.unwrap().status().as_u16());
    }
    assert!(statuses.contains(&429), "{statuses:?}");
}

#[tokio::test]
async fn a_client_that_meets_the_rate_limit_waits_and_still_gets_everything() {
    let sb = sandbox(0.0).await;
    let world = followed(&sb);
    let numbers: Vec<String> = world.keys().cloned().collect();
    let c = client(&sb, opts());
    let url = format!("{}/track/v2.2/getquota", sb.config().track17.unwrap().endpoint.unwrap());
    let key = sb.credentials().track17.key.expose().to_owned();
    let raw = reqwest::Client::new();
    // Another program on the same key spends this second's 3 requests; the paced client then
    // meets a 429, backs off, and still gets every parcel.
    for _ in 0..10 {
        loop {
            let r = raw.post(&url).header("17token", &key).json(&serde_json::json!([])).send().await.unwrap();
            if r.status() == 429 {
                break;
            }
        }
        assert_eq!(track_all(&c, &numbers).await.len(), world.len());
        if c.http().stats().throttled.load(Ordering::Relaxed) > 0 {
            assert_eq!(list_all(&c).await.len(), world.len());
            return;
        }
    }
    panic!("the client never met the rate limit another program had used up");
}

#[tokio::test]
async fn faults_do_not_change_what_is_fetched() {
    let clean = sandbox(0.0).await;
    let c = client(&clean, opts());
    let numbers: Vec<String> = followed(&clean).keys().cloned().collect();
    let want_list = list_all(&c).await;
    let want = track_all(&c, &numbers).await;

    let sb = sandbox(0.3).await;
    sb.state.lock().faults.hang = Duration::from_secs(3);
    let c = client(&sb, HttpOptions { timeout: Duration::from_secs(2), ..opts() });
    assert_eq!(list_all(&c).await, want_list);
    let got = track_all(&c, &numbers).await;
    let strip = |u: &[TrackingUpdate]| u.iter().map(|u| (u.shipment.tracking_number.clone(), u.shipment.status, u.shipment.events.clone(), u.tag.clone())).collect::<Vec<_>>();
    assert_eq!(strip(&got), strip(&want));
    assert!(!sb.state.lock().faults.injected.is_empty());
}

#[tokio::test]
async fn webhooks_are_verified_read_and_not_replayed() {
    let sb = sandbox(0.0).await;
    let c = client(&sb, opts());
    let world = followed(&sb);
    let (number, (ws, order)) = world.iter().find(|(_, (s, _))| s.events.len() > 2).unwrap();
    let hook = {
        let mut s = sb.state.lock();
        let k = s.shipment_position(number).unwrap();
        meridian_sandbox::track17::parcel_changed(&mut s, k).pop().unwrap()
    };
    let mut headers = reqwest::header::HeaderMap::new();
    for (k, v) in &hook.headers {
        headers.insert(reqwest::header::HeaderName::from_bytes(k.as_bytes()).unwrap(), v.parse().unwrap());
    }
    match c.parse_webhook(&headers, &hook.body).unwrap() {
        WebhookEvent::Tracking(u) => assert_same(&u, ws, order),
        other => panic!("{other:?}"),
    }
    assert!(matches!(c.parse_webhook(&headers, &hook.body), Err(WebhookError::Replayed(_))));
    let mut tampered = hook.body.clone();
    let at = tampered.len() / 2;
    tampered[at] ^= 1;
    assert_eq!(c.parse_webhook(&headers, &tampered), Err(WebhookError::BadSignature));
    assert_eq!(c.parse_webhook(&reqwest::header::HeaderMap::new(), &hook.body), Err(WebhookError::MissingSignature("sign")));
    // A stopped parcel is acknowledged and ignored.
    let key = sb.credentials().track17.key.expose().to_owned();
    let body = br#"{"event":"TRACKING_STOPPED","data":{"number":"RR123456785CN","carrier":3011,"tag":"1001"}}"#;
    let mut h = reqwest::header::HeaderMap::new();
    h.insert("sign", meridian_connectors::webhook::track17_sign(&key, body).parse().unwrap());
    assert!(matches!(c.parse_webhook(&h, body), Ok(WebhookEvent::Ignored(_))));
}

/// Serves one fixed answer to every request on a loopback port, from a plain thread.
fn fixed_server(status: u16, content_type: &'static str, body: &'static str) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
            let mut buf = [0u8; 65536];
            let _ = stream.read(&mut buf);
            let reply = format!("HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
            let _ = stream.write_all(reply.as_bytes());
        }
    });
    format!("http://{addr}")
}

/// (HTTP status, content type, body, what the error must be).
type Case = (u16, &'static str, &'static str, fn(&ErrorKind) -> bool);

#[tokio::test]
async fn every_error_shape_is_mapped() {
    let cases: [Case; 7] = [
        (200, "application/json", "{\"code\":0,\"data\":{\"accepted\":[", |k| matches!(k, ErrorKind::Malformed(_))),
        (200, "application/json", "{\"data\":{}}", |k| matches!(k, ErrorKind::Malformed(_))),
        (200, "application/json", r#"{"code":-18010002,"data":{"errors":[{"code":-18010002,"message":"Invalid security key."}]}}"#, |k| matches!(k, ErrorKind::Auth(_))),
        (200, "application/json", r#"{"code":-18010001,"data":{"errors":[{"code":-18010001,"message":"IP not whitelisted."}]}}"#, |k| matches!(k, ErrorKind::Auth(_))),
        (200, "application/json", r#"{"code":-18010014,"data":{"errors":[{"code":-18010014,"message":"The submitted data exceeds the limit of 40."}]}}"#, |k| matches!(k, ErrorKind::Rejected { message, .. } if message.contains("-18010014"))),
        (401, "text/html", "<html>401</html>", |k| matches!(k, ErrorKind::Auth(_))),
        (404, "text/html", "<html>not found</html>", |k| matches!(k, ErrorKind::Rejected { status: 404, .. })),
    ];
    for (status, ct, body, check) in cases {
        let base = fixed_server(status, ct, body);
        let cfg = meridian_connectors::config::Track17Config { endpoint: Some(base) };
        let c = Track17Client::new(&cfg, Track17Credentials { key: Secret::new("k") }, opts());
        let err = c.track(&[(Carrier::ChinaPost, "RR123456785CN".into())]).await.unwrap_err();
        assert!(check(&err.kind), "{status} {body}: {err}");
        assert_eq!((err.connector.as_str(), err.operation.as_str()), ("17TRACK", "gettrackinfo"));
    }
    // 500s are retried, then reported as server errors.
    let base = fixed_server(500, "application/json", r#"{"code":-18010000,"data":{"errors":[{"code":-18010000,"message":"System error."}]}}"#);
    let c = Track17Client::new(&meridian_connectors::config::Track17Config { endpoint: Some(base) }, Track17Credentials { key: Secret::new("k") }, HttpOptions { max_retries: 2, base_backoff: Duration::from_millis(5), ..Default::default() });
    let err = c.check().await.unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Server { status: 500, .. }), "{err}");
    assert_eq!(c.http().stats().retries.load(Ordering::Relaxed), 2);
}

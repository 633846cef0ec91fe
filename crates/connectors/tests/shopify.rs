//! Contract tests of the Shopify client against the sandbox's Shopify simulator (and a few
//! hand-made servers for answers the simulator never gives).

use meridian_connectors::config::{ShopifyConfig, ShopifyCredentials};
use meridian_connectors::shopify::ShopifyClient;
use meridian_connectors::webhook::{WebhookError, WebhookEvent};
use meridian_connectors::{ErrorKind, HttpOptions, Secret, WriteAction, WriteOutcome};
use meridian_core::Platform;
use meridian_sandbox::{Options, Sandbox};
use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

fn opts() -> HttpOptions {
    HttpOptions { base_backoff: Duration::from_millis(20), ..Default::default() }
}

async fn sandbox(faults: f64) -> Sandbox {
    Sandbox::start(Options { orders: 300, faults, ..Default::default() }).await.unwrap()
}

fn client(sb: &Sandbox, o: HttpOptions) -> ShopifyClient {
    ShopifyClient::new(&sb.config().shopify[0], sb.credentials().shopify, o)
}

async fn all_orders(c: &ShopifyClient, since: Option<jiff::Timestamp>, size: u32) -> Vec<meridian_connectors::RemoteOrder> {
    let mut out = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = c.orders_updated_since(since, after.as_deref(), size).await.unwrap();
        assert!(page.items.len() <= size as usize);
        out.extend(page.items);
        match page.next {
            Some(n) => after = Some(n),
            None => return out,
        }
    }
}

#[tokio::test]
async fn backfill_returns_every_order_once_normalised() {
    let sb = sandbox(0.0).await;
    let c = client(&sb, opts());
    c.check().await.unwrap();
    let got = all_orders(&c, None, 12).await;
    let s = sb.state.lock();
    let world: BTreeMap<String, meridian_core::Order> = s.orders_of(Platform::Shopify).map(|i| (s.world.orders[i].external_id.clone(), s.world.orders[i].clone())).collect();
    assert_eq!(got.len(), world.len());
    assert_eq!(got.iter().map(|o| &o.order.external_id).collect::<HashSet<_>>().len(), world.len());
    let shop = &s.world.stores[s.stores_of(Platform::Shopify).next().unwrap()].domain;
    for r in &got {
        let w = &world[&r.order.external_id];
        assert_eq!((&r.store_domain, r.order.source.as_str(), r.order.id, r.order.store_id), (shop, "shopify", 0, 0));
        assert_eq!((&r.order.number, &r.order.total, &r.order.subtotal, &r.order.tax, &r.order.shipping), (&w.number, &w.total, &w.subtotal, &w.tax, &w.shipping));
        assert_eq!((r.order.financial_status, r.order.fulfillment_status), (w.financial_status, w.fulfillment_status), "{}", w.number);
        assert_eq!(r.order.lines, w.lines);
        assert_eq!((r.order.created_at, r.order.updated_at, r.order.cancelled_at), (w.created_at, w.updated_at, w.cancelled_at));
        assert_eq!(r.order.shipping_address.as_ref().map(|a| (&a.country, &a.city, &a.region_code)), w.shipping_address.as_ref().map(|a| (&a.country, &a.city, &a.region_code)));
        let pos = s.world.orders.iter().position(|o| o.external_id == w.external_id).unwrap();
        let parcels: Vec<_> = s.world.shipments.iter().filter(|x| x.order_id as usize == pos).map(|x| (x.carrier, x.tracking_number.clone())).collect();
        assert_eq!(r.parcels.iter().map(|p| (p.carrier, p.tracking_number.clone())).collect::<Vec<_>>(), parcels);
        let cust = r.customer.as_ref().unwrap();
        let wc = &s.world.customers[w.customer_id.unwrap() as usize];
        assert_eq!(cust.name, wc.name);
        for id in wc.identities.iter().filter(|i| matches!(i.kind, meridian_core::IdentityKind::Email | meridian_core::IdentityKind::Phone)) {
            assert!(cust.identities.contains(id), "{id:?} missing from {:?}", cust.identities);
        }
        assert!(cust.identities.iter().any(|i| i.kind == meridian_core::IdentityKind::PlatformId && i.value.starts_with("shopify:gid://shopify/Customer/")));
    }
    // Oldest update first.
    assert!(got.windows(2).all(|w| w[0].order.updated_at <= w[1].order.updated_at));
    assert_eq!(c.http().stats().throttled.load(Ordering::Relaxed), 0);
}

#[tokio::test]
async fn updated_since_filters_and_lookups_find_the_right_orders() {
    let sb = sandbox(0.0).await;
    let c = client(&sb, opts());
    let (since, expected, sample, email) = {
        let s = sb.state.lock();
        let mut times: Vec<_> = s.orders_of(Platform::Shopify).map(|i| s.world.orders[i].updated_at).collect();
        times.sort();
        let since = times[times.len() / 2];
        let sample = s.orders_of(Platform::Shopify).nth(3).unwrap();
        let o = &s.world.orders[sample];
        let email = o.email.clone().unwrap();
        let by_email = s.orders_of(Platform::Shopify).filter(|&i| s.world.orders[i].email.as_deref() == Some(&email)).count();
        (since, times.iter().filter(|t| **t >= since).count(), (o.external_id.clone(), o.number.clone()), (email, by_email))
    };
    let got = all_orders(&c, Some(since), 5).await;
    assert_eq!(got.len(), expected);
    assert!(got.iter().all(|o| o.order.updated_at >= since));
    let later = since + jiff::SignedDuration::from_hours(24 * 365);
    let empty = c.orders_updated_since(Some(later), None, 10).await.unwrap();
    assert!(empty.items.is_empty() && empty.next.is_none());

    let by_gid = c.order(&sample.0).await.unwrap().unwrap();
    assert_eq!(by_gid.order.number, sample.1);
    assert_eq!(c.order_by_name(&format!("#{}", sample.1)).await.unwrap().unwrap().order.external_id, sample.0);
    assert_eq!(c.order_by_name(&sample.1).await.unwrap().unwrap().order.external_id, sample.0);
    assert!(c.order_by_name("999999").await.unwrap().is_none());
    assert!(c.order("gid://shopify/Order/1").await.unwrap().is_none());
    let mine = c.orders_by_email(&email.0.to_uppercase()).await.unwrap();
    assert_eq!(mine.len(), email.1);
    assert!(c.orders_by_email("nobody@example.invalid").await.unwrap().is_empty());
    // A malformed GID and a malformed cursor are refused by the platform.
    let err = c.order("not-a-gid").await.unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Rejected { .. }), "{err}");
    let err = c.orders_updated_since(None, Some("bm90IGEgY3Vyc29y"), 5).await.unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Rejected { .. }) && err.to_string().contains("cursor"), "{err}");
}

#[tokio::test]
async fn wrong_credentials_are_an_auth_error_naming_the_shop_without_the_token() {
    let sb = sandbox(0.0).await;
    let cfg = sb.config().shopify[0].clone();
    let creds = ShopifyCredentials { access_token: Secret::new("shpat_wrong"), webhook_secret: Secret::new("x") };
    let c = ShopifyClient::new(&cfg, creds, opts());
    let err = c.check().await.unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Auth(_)), "{err}");
    let text = err.to_string();
    assert!(text.contains(&format!("authentication failed for shop {}", cfg.shop)), "{text}");
    assert!(!text.contains("shpat_wrong") && !format!("{c:?}").contains("shpat_wrong"));
    // An unknown API version is a 404.
    let bad = ShopifyConfig { api_version: "2025-13".into(), ..cfg };
    let err = ShopifyClient::new(&bad, sb.credentials().shopify, opts()).check().await.unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Rejected { status: 404, .. }), "{err}");
}

/// A one-answer HTTP server: every request gets `status` and `body`.
async fn fixed_server(status: u16, body: &'static str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = vec![0u8; 65536];
                let mut seen = Vec::new();
                // Read the headers and the declared body before answering.
                loop {
                    let n = sock.read(&mut buf).await.unwrap_or(0);
                    if n == 0 {
                        break;
                    }
                    seen.extend_from_slice(&buf[..n]);
                    let text = String::from_utf8_lossy(&seen).to_string();
                    if let Some(end) = text.find("\r\n\r\n") {
                        let len = text.lines().find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse::<usize>().unwrap_or(0))).unwrap_or(0);
                        if seen.len() >= end + 4 + len {
                            break;
                        }
                    }
                }
                let reply = format!("HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
                let _ = sock.write_all(reply.as_bytes()).await;
            });
        }
    });
    format!("http://{addr}")
}

async fn against(status: u16, body: &'static str) -> (ShopifyClient, meridian_connectors::ConnectorError) {
    let cfg = ShopifyConfig { shop: "odd.myshopify.com".into(), endpoint: Some(fixed_server(status, body).await), api_version: "2025-10".into() };
    let creds = ShopifyCredentials { access_token: Secret::new("t"), webhook_secret: Secret::new("s") };
    let c = ShopifyClient::new(&cfg, creds, HttpOptions { max_retries: 2, ..opts() });
    let err = c.check().await.unwrap_err();
    (c, err)
}

#[tokio::test]
async fn every_error_shape_maps_to_its_kind() {
    let (_, e) = against(200, r#"{"data":{"shop":{"na"#).await;
    assert!(matches!(e.kind, ErrorKind::Malformed(_)), "{e}");
    let (_, e) = against(200, "<html>oops</html>").await;
    assert!(matches!(e.kind, ErrorKind::Malformed(_)), "{e}");
    let (_, e) = against(200, r#"{"extensions":{}}"#).await;
    assert!(matches!(e.kind, ErrorKind::Malformed(_)), "{e}");
    let (_, e) = against(200, r#"{"data":null,"errors":[{"message":"Access denied for shop field.","extensions":{"code":"ACCESS_DENIED"}}]}"#).await;
    assert!(matches!(e.kind, ErrorKind::Auth(_)) && e.to_string().contains("odd.myshopify.com"), "{e}");
    let (_, e) = against(200, r#"{"errors":[{"message":"Field 'x' doesn't exist on type 'Shop'","extensions":{"code":"undefinedField"}}]}"#).await;
    assert!(matches!(&e.kind, ErrorKind::Rejected { status: 200, message } if message.contains("doesn't exist")), "{e}");
    let (_, e) = against(200, r#"{"errors":[{"message":"Query cost is 1200","extensions":{"code":"MAX_COST_EXCEEDED"}}]}"#).await;
    assert!(matches!(e.kind, ErrorKind::Rejected { .. }), "{e}");
    let (_, e) = against(402, r#"{"errors":"Unavailable Shop"}"#).await;
    assert!(matches!(e.kind, ErrorKind::Rejected { status: 402, .. }), "{e}");
    let (_, e) = against(423, r#"{"errors":"Locked"}"#).await;
    assert!(matches!(e.kind, ErrorKind::Rejected { status: 423, .. }), "{e}");
    let (_, e) = against(403, r#"{"errors":"Forbidden"}"#).await;
    assert!(matches!(e.kind, ErrorKind::Auth(_)), "{e}");
    let (c, e) = against(503, r#"{"errors":[{"message":"Internal error"}]}"#).await;
    assert!(matches!(e.kind, ErrorKind::Server { status: 503, .. }), "{e}");
    assert_eq!(c.http().stats().retries.load(Ordering::Relaxed), 2);
    let (c, e) = against(200, r#"{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}],"extensions":{"cost":{"requestedQueryCost":1,"actualQueryCost":null,"throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":0,"restoreRate":100.0}}}}"#).await;
    assert!(matches!(e.kind, ErrorKind::Throttled { .. }), "{e}");
    assert_eq!(c.http().stats().throttled.load(Ordering::Relaxed), 3);
}

#[tokio::test]
async fn a_drained_bucket_is_waited_for_not_hammered() {
    let sb = sandbox(0.0).await;
    let c = client(&sb, opts());
    // Someone else used the shop's bucket: 300 points left, a page asks for 650.
    sb.state.lock().shopify.bucket = Some((300.0, Instant::now()));
    let started = Instant::now();
    let mut after: Option<String> = None;
    let mut got = 0;
    for _ in 0..3 {
        let page = c.orders_updated_since(None, after.as_deref(), 12).await.unwrap();
        got += page.items.len();
        after = page.next;
    }
    assert_eq!(got, 36);
    // One THROTTLED, then the client paced itself: no second one.
    assert_eq!(c.http().stats().throttled.load(Ordering::Relaxed), 1);
    assert_eq!(sb.state.lock().shopify.throttled, 1);
    // It waited about (650 − 300) / 100 s for the first page, not the fixed retry backoff.
    assert!(started.elapsed() >= Duration::from_secs(3), "{:?}", started.elapsed());
}

fn header_map(hook: &meridian_sandbox::webhooks::Outgoing) -> reqwest::header::HeaderMap {
    let mut h = reqwest::header::HeaderMap::new();
    for (k, v) in &hook.headers {
        h.insert(reqwest::header::HeaderName::from_bytes(k.as_bytes()).unwrap(), v.parse().unwrap());
    }
    h
}

#[tokio::test]
async fn webhooks_are_verified_deduplicated_and_name_the_order() {
    let sb = sandbox(0.0).await;
    let c = client(&sb, opts());
    let (hooks, gid) = {
        let mut s = sb.state.lock();
        let i = s.orders_of(Platform::Shopify).find(|&i| s.world.orders[i].fulfillment_status != meridian_core::FulfillmentStatus::Fulfilled).unwrap();
        s.fulfil(i);
        (meridian_sandbox::shopify::order_changed(&mut s, i), s.world.orders[i].external_id.clone())
    };
    let topics: Vec<_> = hooks.iter().map(|h| h.topic.as_str()).collect();
    assert_eq!(topics, ["orders/updated", "fulfillments/create"]);
    for hook in &hooks {
        let h = header_map(hook);
        for name in ["x-shopify-topic", "x-shopify-shop-domain", "x-shopify-api-version", "x-shopify-triggered-at", "x-shopify-event-id"] {
            assert!(h.contains_key(name), "{name}");
        }
        assert_eq!(c.parse_webhook(&h, &hook.body), Ok(WebhookEvent::OrderChanged { external_id: gid.clone() }));
        let id = h["x-shopify-webhook-id"].to_str().unwrap().to_owned();
        assert_eq!(c.parse_webhook(&h, &hook.body), Err(WebhookError::Replayed(id)));
    }
    let payload: serde_json::Value = serde_json::from_slice(&hooks[0].body).unwrap();
    assert_eq!(payload["admin_graphql_api_id"], gid.as_str());
    assert!(payload["id"].is_u64() && payload["line_items"].is_array());
    // The same order changed again: a new delivery id, and no second fulfillments/create.
    let again = {
        let mut s = sb.state.lock();
        let i = s.world.orders.iter().position(|o| o.external_id == gid).unwrap();
        meridian_sandbox::shopify::order_changed(&mut s, i)
    };
    assert_eq!(again.len(), 1);
    let mut tampered = again[0].body.clone();
    tampered[10] ^= 1;
    assert_eq!(c.parse_webhook(&header_map(&again[0]), &tampered), Err(WebhookError::BadSignature));
    let mut unsigned = header_map(&again[0]);
    unsigned.remove("x-shopify-hmac-sha256");
    assert!(matches!(c.parse_webhook(&unsigned, &again[0].body), Err(WebhookError::MissingSignature(_))));
    assert!(c.parse_webhook(&header_map(&again[0]), &again[0].body).is_ok());
    // A client with another secret refuses them all.
    let other = ShopifyClient::new(&sb.config().shopify[0], ShopifyCredentials { access_token: Secret::new("x"), webhook_secret: Secret::new("wrong") }, opts());
    assert_eq!(other.parse_webhook(&header_map(&hooks[0]), &hooks[0].body), Err(WebhookError::BadSignature));
}

/// A fulfilled, paid Shopify order of the sandbox and its customer's GID.
fn fulfilled_order(sb: &Sandbox) -> (usize, String) {
    let s = sb.state.lock();
    let i = s
        .orders_of(Platform::Shopify)
        .find(|&i| s.world.orders[i].financial_status == meridian_core::FinancialStatus::Paid && s.world.shipments.iter().any(|x| x.order_id as usize == i))
        .unwrap();
    (i, s.world.orders[i].external_id.clone())
}

#[tokio::test]
async fn writes_land_once_per_key() {
    let sb = sandbox(0.0).await;
    let c = client(&sb, opts());
    let (i, gid) = fulfilled_order(&sb);

    let note = WriteAction::OrderNote { order_external_id: gid.clone(), note: "Customer asked about delivery.".into() };
    assert!(matches!(c.write(&note, "k-note").await.unwrap(), WriteOutcome::Written { .. }));
    assert!(matches!(c.write(&note, "k-note").await.unwrap(), WriteOutcome::AlreadyDone { .. }));
    let note2 = WriteAction::OrderNote { order_external_id: gid.clone(), note: "Second.".into() };
    assert!(matches!(c.write(&note2, "k-note-2").await.unwrap(), WriteOutcome::Written { .. }));
    let text = sb.state.lock().shopify.notes[&i].clone();
    assert_eq!(text.matches("[meridian:k-note]").count(), 1, "{text}");
    assert!(text.contains("Second. [meridian:k-note-2]"), "{text}");

    let tags = WriteAction::OrderTags { order_external_id: gid.clone(), tags: vec!["late".into(), "vip".into()] };
    assert!(matches!(c.write(&tags, "k-tags").await.unwrap(), WriteOutcome::Written { .. }));
    assert!(matches!(c.write(&tags, "k-tags").await.unwrap(), WriteOutcome::AlreadyDone { .. }));
    assert_eq!(sb.state.lock().shopify.tags[&i].len(), 3);

    let ret = WriteAction::ReturnRequest { order_external_id: gid.clone(), reason: "damaged".into(), note: "Arrived torn".into() };
    let first = c.write(&ret, "k-return").await.unwrap();
    let WriteOutcome::Written { remote_id: Some(rid) } = first else { panic!("{first:?}") };
    assert_eq!(c.write(&ret, "k-return").await.unwrap(), WriteOutcome::AlreadyDone { remote_id: Some(rid) });
    assert_eq!(sb.state.lock().shopify.returns.len(), 1);
    // Everything is already being returned: a second return is refused by the platform.
    let err = c.write(&ret, "k-return-2").await.unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Rejected { .. }), "{err}");

    let csat = WriteAction::Satisfaction { order_external_id: gid.clone(), customer_external_id: None, score: 5, comment: "Great".into() };
    assert!(matches!(c.write(&csat, "k-csat").await.unwrap(), WriteOutcome::Written { remote_id: Some(_) }));
    assert!(matches!(c.write(&csat, "k-csat").await.unwrap(), WriteOutcome::AlreadyDone { remote_id: Some(_) }));
    assert_eq!(sb.state.lock().shopify.metafields.len(), 1);
    let bad = WriteAction::Satisfaction { order_external_id: gid.clone(), customer_external_id: Some("gid://shopify/Customer/1".into()), score: 4, comment: String::new() };
    assert!(matches!(c.write(&bad, "k-csat-2").await.unwrap_err().kind, ErrorKind::Rejected { .. }));

    let missing = WriteAction::OrderNote { order_external_id: "gid://shopify/Order/1".into(), note: "x".into() };
    assert!(matches!(c.write(&missing, "k-missing").await.unwrap_err().kind, ErrorKind::Rejected { status: 404, .. }));
}

#[tokio::test]
async fn faults_do_not_change_what_is_fetched_or_written() {
    let clean = sandbox(0.0).await;
    let want: BTreeMap<String, (String, i64, usize)> =
        all_orders(&client(&clean, opts()), None, 12).await.into_iter().map(|o| (o.order.external_id.clone(), (o.order.number, o.order.total.minor, o.parcels.len()))).collect();

    let sb = sandbox(0.3).await;
    sb.state.lock().faults.hang = Duration::from_secs(3);
    let c = client(&sb, HttpOptions { timeout: Duration::from_secs(2), max_retries: 8, ..opts() });
    let got: BTreeMap<String, (String, i64, usize)> = all_orders(&c, None, 12).await.into_iter().map(|o| (o.order.external_id.clone(), (o.order.number, o.order.total.minor, o.parcels.len()))).collect();
    assert_eq!(got, want);
    assert!(!sb.state.lock().faults.injected.is_empty());
    assert!(c.http().stats().retries.load(Ordering::Relaxed) > 0);

    let (i, gid) = fulfilled_order(&sb);
    let ret = WriteAction::ReturnRequest { order_external_id: gid.clone(), reason: "size".into(), note: "Too small".into() };
    let note = WriteAction::OrderNote { order_external_id: gid.clone(), note: "Return opened".into() };
    for _ in 0..3 {
        let _ = c.write(&ret, "fault-return").await;
        let _ = c.write(&note, "fault-note").await;
    }
    let s = sb.state.lock();
    assert_eq!(s.shopify.returns.iter().filter(|r| r.order == i).count(), 1);
    assert_eq!(s.shopify.notes.get(&i).map(|n| n.matches("[meridian:fault-note]").count()), Some(1));
}

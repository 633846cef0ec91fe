//! Contract tests of the WooCommerce client against the sandbox (and a tiny odd server).

use meridian_connectors::config::{WooConfig, WooCredentials};
use meridian_connectors::model::idempotency_marker;
use meridian_connectors::webhook::{WebhookError, WebhookEvent};
use meridian_connectors::woocommerce::WooClient;
use meridian_connectors::{ErrorKind, HttpOptions, RemoteOrder, Secret, WriteAction, WriteOutcome};
use meridian_core::{IdentityKind, Platform};
use meridian_sandbox::faults::Fault;
use meridian_sandbox::{Options, Sandbox};
use std::collections::BTreeMap;
use std::sync::atomic::Ordering;
use std::time::Duration;

fn opts() -> HttpOptions {
    HttpOptions { base_backoff: Duration::from_millis(20), max_backoff: Duration::from_millis(400), ..Default::default() }
}

async fn sandbox() -> Sandbox {
    Sandbox::start(Options { orders: 300, ..Default::default() }).await.unwrap()
}

fn client(sb: &Sandbox, opts: HttpOptions) -> WooClient {
    WooClient::new(&sb.config().woocommerce[0], sb.credentials().woocommerce, opts)
}

async fn all_orders(c: &WooClient, since: Option<jiff::Timestamp>, per_page: u32) -> (Vec<RemoteOrder>, usize) {
    let (mut out, mut pages, mut page) = (Vec::new(), 0, None::<String>);
    loop {
        let p = c.orders_modified_since(since, page.as_deref(), per_page).await.unwrap();
        pages += 1;
        out.extend(p.items);
        match p.next {
            Some(n) => page = Some(n),
            None => return (out, pages),
        }
    }
}

/// id → (total minor, tracking numbers, email).
type Summary = BTreeMap<String, (i64, Vec<String>, Option<String>)>;

fn expected(sb: &Sandbox, since: Option<jiff::Timestamp>) -> Summary {
    let s = sb.state.lock();
    s.orders_of(Platform::WooCommerce)
        .filter(|&i| since.is_none_or(|t| s.world.orders[i].updated_at.as_second() > t.as_second()))
        .map(|i| {
            let o = &s.world.orders[i];
            let parcels = s.world.shipments.iter().filter(|sh| sh.order_id == i as i64).map(|sh| sh.tracking_number.clone()).collect();
            (o.external_id.clone(), (o.total.minor, parcels, o.email.clone()))
        })
        .collect()
}

fn summary(orders: &[RemoteOrder]) -> Summary {
    orders
        .iter()
        .map(|r| {
            let email = r.customer.as_ref().and_then(|c| c.identities.iter().find(|i| i.kind == IdentityKind::Email)).map(|i| i.value.clone());
            (r.order.external_id.clone(), (r.order.total.minor, r.parcels.iter().map(|p| p.tracking_number.clone()).collect(), email))
        })
        .collect()
}

#[tokio::test]
async fn full_pagination_equals_the_world() {
    let sb = sandbox().await;
    let c = client(&sb, opts());
    let (orders, pages) = all_orders(&c, None, 7).await;
    let want = expected(&sb, None);
    assert!(want.len() > 14, "{}", want.len());
    assert_eq!(pages, want.len().div_ceil(7), "stops at X-WP-TotalPages");
    assert_eq!(orders.len(), want.len(), "no order twice");
    assert_eq!(summary(&orders), want);
    let domain = sb.config().woocommerce[0].domain.clone().unwrap();
    assert!(orders.iter().all(|r| r.store_domain == domain && r.order.source == "woocommerce" && r.order.number == r.order.external_id));
    assert!(orders.windows(2).all(|w| w[0].order.updated_at.as_second() <= w[1].order.updated_at.as_second()), "oldest change first");
    let registered = orders.iter().find_map(|r| r.customer.as_ref().filter(|c| c.external_id.is_some())).unwrap();
    let platform_id = format!("woocommerce:{}", registered.external_id.as_deref().unwrap());
    assert!(registered.identities.iter().any(|i| i.kind == IdentityKind::PlatformId && i.value == platform_id));
    assert!(registered.identities.iter().any(|i| i.kind == IdentityKind::Phone && i.value.starts_with('+')));
    let first = &orders[0].order;
    let world = {
        let s = sb.state.lock();
        s.world.orders[s.order_position(&first.number).unwrap()].clone()
    };
    assert_eq!(first.lines, world.lines);
    assert_eq!(first.created_at.as_second(), world.created_at.as_second());
    assert_eq!((first.subtotal.minor, first.shipping.minor, first.tax.minor), (world.subtotal.minor, world.shipping.minor, world.tax.minor));
}

#[tokio::test]
async fn modified_after_filters_and_pages_end() {
    let sb = sandbox().await;
    let c = client(&sb, opts());
    let mut times: Vec<jiff::Timestamp> = {
        let s = sb.state.lock();
        s.orders_of(Platform::WooCommerce).map(|i| s.world.orders[i].updated_at).collect()
    };
    times.sort();
    let since = times[times.len() / 2];
    let (orders, _) = all_orders(&c, Some(since), 10).await;
    assert_eq!(summary(&orders), expected(&sb, Some(since)));
    assert!(!orders.is_empty() && orders.len() < times.len());
    let past_end = c.orders_modified_since(None, Some("999"), 10).await.unwrap();
    assert!(past_end.items.is_empty() && past_end.next.is_none());
    let err = c.orders_modified_since(None, Some("two"), 10).await.unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Rejected { status: 400, .. }), "{err}");
}

#[tokio::test]
async fn the_simulator_rejects_bad_pages_like_wordpress() {
    let sb = sandbox().await;
    let creds = sb.credentials().woocommerce;
    let url = format!("{}/woocommerce/wp-json/wc/v3/orders", sb.base_url());
    let http = reqwest::Client::new();
    for (q, param) in [("per_page=101", "per_page"), ("page=0", "page"), ("page=x", "page"), ("modified_after=yesterday", "modified_after"), ("status=shipped", "status")] {
        let r = http.get(format!("{url}?{q}")).basic_auth(creds.consumer_key.expose(), Some(creds.consumer_secret.expose())).send().await.unwrap();
        assert_eq!(r.status(), 400, "{q}");
        let body: serde_json::Value = r.json().await.unwrap();
        assert_eq!(body["code"], "rest_invalid_param", "{q}");
        assert!(body["data"]["params"][param].is_string(), "{q}: {body}");
    }
    let r = http.get(format!("{url}?per_page=5&page=2")).basic_auth(creds.consumer_key.expose(), Some(creds.consumer_secret.expose())).send().await.unwrap();
    let link = r.headers()["link"].to_str().unwrap().to_owned();
    assert!(link.contains("page=3>; rel=\"next\"") && link.contains("page=1>; rel=\"prev\""), "{link}");
    let huge = http.get(format!("{url}?page=9223372036854775807&offset=9223372036854775807")).basic_auth(creds.consumer_key.expose(), Some(creds.consumer_secret.expose())).send().await.unwrap();
    assert_eq!(huge.status(), 200);
    assert_eq!(huge.json::<Vec<serde_json::Value>>().await.unwrap().len(), 0);
    let r = http.get(url).send().await.unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(r.json::<serde_json::Value>().await.unwrap()["code"], "woocommerce_rest_cannot_view");
}

#[tokio::test]
async fn one_order_by_id_and_by_number() {
    let sb = sandbox().await;
    let c = client(&sb, opts());
    let number = {
        let s = sb.state.lock();
        let i = s.orders_of(Platform::WooCommerce).nth(3).unwrap();
        s.world.orders[i].number.clone()
    };
    let o = c.order(&number).await.unwrap().unwrap();
    assert_eq!(o.order.number, number);
    assert_eq!(c.order_by_number(&format!("#{number}")).await.unwrap().unwrap().order.external_id, number);
    assert_eq!(c.order("999999").await.unwrap(), None);
    assert_eq!(c.order("abc").await.unwrap(), None);
    assert_eq!(c.order_by_number("999999").await.unwrap(), None);
}

#[tokio::test]
async fn wrong_credentials_are_an_auth_error_naming_the_site() {
    let sb = sandbox().await;
    let mut creds = sb.credentials().woocommerce;
    creds.consumer_secret = Secret::new("cs_wrong_secret");
    let c = WooClient::new(&sb.config().woocommerce[0], creds, opts());
    let err = c.check().await.unwrap_err();
    assert!(matches!(&err.kind, ErrorKind::Auth(m) if m.contains("authentication failed for WooCommerce 127.0.0.1") && m.contains("Consumer secret is invalid")), "{err}");
    assert!(!err.to_string().contains("cs_wrong_secret"));
    let remote = WooClient::new(&WooConfig { site: "http://shop.example.com".into(), domain: None }, sb.credentials().woocommerce, opts());
    assert!(matches!(remote.check().await.unwrap_err().kind, ErrorKind::Unsupported(_)), "no key over plain http");
    assert_eq!(remote.http().stats().requests.load(Ordering::Relaxed), 0);
}

#[tokio::test]
async fn writes_are_idempotent() {
    let sb = sandbox().await;
    let c = client(&sb, opts());
    let (id, pos) = {
        let s = sb.state.lock();
        let i = s.orders_of(Platform::WooCommerce).next().unwrap();
        (s.world.orders[i].external_id.clone(), i)
    };
    let note = WriteAction::OrderNote { order_external_id: id.clone(), note: "Customer asked about delivery.".into() };
    let first = c.write(&note, "conv-1-note").await.unwrap();
    assert!(matches!(first, WriteOutcome::Written { remote_id: Some(_) }), "{first:?}");
    let second = c.write(&note, "conv-1-note").await.unwrap();
    assert!(matches!(second, WriteOutcome::AlreadyDone { .. }), "{second:?}");
    let ret = WriteAction::ReturnRequest { order_external_id: id.clone(), reason: "too small".into(), note: "wants a refund".into() };
    assert!(matches!(c.write(&ret, "conv-1-return").await.unwrap(), WriteOutcome::Written { .. }));
    assert!(matches!(c.write(&ret, "conv-1-return").await.unwrap(), WriteOutcome::AlreadyDone { .. }));
    let sat = WriteAction::Satisfaction { order_external_id: id.clone(), customer_external_id: None, score: 4, comment: "quick".into() };
    assert!(matches!(c.write(&sat, "conv-1-csat").await.unwrap(), WriteOutcome::Written { .. }));
    {
        let s = sb.state.lock();
        let notes = &s.woocommerce.notes[&pos];
        for key in ["conv-1-note", "conv-1-return", "conv-1-csat"] {
            assert_eq!(notes.iter().filter(|n| n.note.contains(&idempotency_marker(key))).count(), 1, "{key}");
        }
        assert!(notes.iter().all(|n| !n.customer_note), "private notes");
        assert_eq!(s.woocommerce.statuses[&pos], "on-hold");
    }
    let missing = WriteAction::OrderNote { order_external_id: "999999".into(), note: "x".into() };
    assert!(matches!(c.write(&missing, "k").await.unwrap_err().kind, ErrorKind::Rejected { status: 404, .. }));
}

fn header_map(headers: &[(String, String)]) -> reqwest::header::HeaderMap {
    let mut m = reqwest::header::HeaderMap::new();
    for (k, v) in headers {
        m.insert(reqwest::header::HeaderName::from_bytes(k.as_bytes()).unwrap(), v.parse().unwrap());
    }
    m
}

#[tokio::test]
async fn webhooks_are_verified_and_replays_refused() {
    let sb = sandbox().await;
    let c = client(&sb, opts());
    let (hook, id) = {
        let mut s = sb.state.lock();
        let i = s.orders_of(Platform::WooCommerce).next().unwrap();
        let id = s.world.orders[i].external_id.clone();
        (meridian_sandbox::woocommerce::order_changed(&mut s, i).remove(0), id)
    };
    let headers = header_map(&hook.headers);
    let mut tampered = hook.body.clone();
    let at = tampered.iter().position(|b| b.is_ascii_digit()).unwrap();
    tampered[at] = if tampered[at] == b'9' { b'8' } else { tampered[at] + 1 };
    assert_eq!(c.parse_webhook(&headers, &tampered), Err(WebhookError::BadSignature));
    assert_eq!(c.parse_webhook(&headers, &hook.body), Ok(WebhookEvent::OrderChanged { external_id: id }));
    assert!(matches!(c.parse_webhook(&headers, &hook.body), Err(WebhookError::Replayed(_))));
    let mut unsigned = headers.clone();
    unsigned.remove("x-wc-webhook-signature");
    assert!(matches!(c.parse_webhook(&unsigned, &hook.body), Err(WebhookError::MissingSignature(_))));
    assert_eq!(c.parse_webhook(&reqwest::header::HeaderMap::new(), b"webhook_id=3"), Ok(WebhookEvent::Ignored("ping".into())));
    let mut other = headers.clone();
    other.insert("x-wc-webhook-topic", "coupon.updated".parse().unwrap());
    other.insert("x-wc-webhook-delivery-id", "99999".parse().unwrap());
    assert_eq!(c.parse_webhook(&other, &hook.body), Ok(WebhookEvent::Ignored("coupon.updated".into())));
}

#[tokio::test]
async fn faults_do_not_change_the_data_nor_double_a_write() {
    let clean = sandbox().await;
    let want = summary(&all_orders(&client(&clean, opts()), None, 20).await.0);
    let sb = Sandbox::start(Options { orders: 300, faults: 0.3, ..Default::default() }).await.unwrap();
    sb.state.lock().faults.hang = Duration::from_secs(3);
    let c = client(&sb, HttpOptions { timeout: Duration::from_secs(2), max_retries: 10, ..opts() });
    for _ in 0..3 {
        assert_eq!(summary(&all_orders(&c, None, 20).await.0), want);
    }
    let (id, pos) = {
        let s = sb.state.lock();
        let i = s.orders_of(Platform::WooCommerce).nth(1).unwrap();
        (s.world.orders[i].external_id.clone(), i)
    };
    for k in 0..6 {
        let key = format!("faulty-{k}");
        let w = WriteAction::OrderNote { order_external_id: id.clone(), note: format!("note {k}") };
        c.write(&w, &key).await.unwrap();
        assert!(matches!(c.write(&w, &key).await.unwrap(), WriteOutcome::AlreadyDone { .. }));
    }
    let s = sb.state.lock();
    for k in 0..6 {
        let marker = idempotency_marker(&format!("faulty-{k}"));
        assert_eq!(s.woocommerce.notes[&pos].iter().filter(|n| n.note.contains(&marker)).count(), 1, "{marker}");
    }
    for kind in [Fault::Timeout, Fault::Malformed, Fault::ServerError] {
        assert!(s.faults.injected.contains(&kind), "{kind:?} not drawn: {:?}", s.faults.injected);
    }
}

// ---------- odd answers from a tiny server ----------

async fn odd_server() -> String {
    use axum::extract::Path;
    use axum::http::{header, StatusCode};
    use axum::response::IntoResponse;
    use axum::routing::get;
    use std::sync::atomic::AtomicU32;
    use std::sync::Arc;
    let throttles = Arc::new(AtomicU32::new(0));
    let html = |status: StatusCode, text: &'static str| (status, [(header::CONTENT_TYPE, "text/html")], text).into_response();
    let wp = |status: StatusCode, code: &str, message: &str| (status, axum::Json(serde_json::json!({ "code": code, "message": message, "data": { "status": status.as_u16() } }))).into_response();
    let app = axum::Router::new().route("/wp-json/wc/v3/orders/{id}", get(move |Path(id): Path<String>| {
        let throttles = throttles.clone();
        async move {
            match id.as_str() {
                "401" => wp(StatusCode::UNAUTHORIZED, "woocommerce_rest_cannot_view", "Sorry, you cannot view this resource."),
                "400" => wp(StatusCode::BAD_REQUEST, "rest_invalid_param", "Invalid parameter(s): id"),
                "404" => wp(StatusCode::NOT_FOUND, "woocommerce_rest_shop_order_invalid_id", "Invalid ID."),
                "429" => html(StatusCode::TOO_MANY_REQUESTS, "<html><body>429 Too Many Requests</body></html>"),
                "503" => html(StatusCode::SERVICE_UNAVAILABLE, "<html><body>503</body></html>"),
                "200" => html(StatusCode::OK, "<html><body>Just a moment…</body></html>"),
                "201" => (StatusCode::OK, r#"{"id":201,"status":"processing","curr"#).into_response(),
                "202" if throttles.fetch_add(1, Ordering::SeqCst) < 2 => html(StatusCode::TOO_MANY_REQUESTS, "<html>slow down</html>"),
                // Unknown status, numbers where strings are usual, missing blocks: tolerated.
                _ => axum::Json(serde_json::json!({ "id": id.parse::<u64>().unwrap_or(0), "status": "wc-custom-plugin", "currency": "GBP",
                    "date_created_gmt": "2026-01-02T03:04:05", "total": 12.5, "shipping_total": null, "total_tax": "0.00",
                    "line_items": [{ "name": "Mug", "quantity": 2, "subtotal": "12.50" }],
                    "meta_data": [{ "key": "_wc_shipment_tracking_items", "value": "not an array" }] })).into_response(),
            }
        }
    }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

#[tokio::test]
async fn every_error_shape_maps_to_its_kind() {
    let site = odd_server().await;
    let creds = WooCredentials { consumer_key: Secret::new("ck_a"), consumer_secret: Secret::new("cs_b"), webhook_secret: Secret::new("w") };
    let cfg = WooConfig { site, domain: Some("shop.example".into()) };
    let c = WooClient::new(&cfg, creds.clone(), HttpOptions { max_retries: 1, ..opts() });
    let auth = c.order("401").await.unwrap_err();
    assert!(matches!(&auth.kind, ErrorKind::Auth(m) if m.contains("authentication failed for WooCommerce 127.0.0.1") && m.contains("woocommerce_rest_cannot_view")), "{auth}");
    assert!(matches!(c.order("400").await.unwrap_err().kind, ErrorKind::Rejected { status: 400, ref message } if message.contains("rest_invalid_param")));
    assert_eq!(c.order("404").await.unwrap(), None);
    assert!(matches!(c.order("429").await.unwrap_err().kind, ErrorKind::Throttled { .. }));
    assert!(matches!(c.order("503").await.unwrap_err().kind, ErrorKind::Server { status: 503, .. }));
    assert!(matches!(c.order("200").await.unwrap_err().kind, ErrorKind::Malformed(_)));
    assert!(matches!(c.order("201").await.unwrap_err().kind, ErrorKind::Malformed(_)));
    assert!(c.http().stats().throttled.load(Ordering::Relaxed) >= 2, "HTML 429s count as throttled");
    let c3 = WooClient::new(&cfg, creds, HttpOptions { max_retries: 3, ..opts() });
    let o = c3.order("202").await.unwrap().unwrap();
    assert_eq!(c3.http().stats().throttled.load(Ordering::Relaxed), 2, "two HTML 429s, then the order");
    assert_eq!(o.store_domain, "shop.example");
    assert_eq!(o.order.total.minor, 1250);
    assert_eq!(o.order.lines[0].unit_price.minor, 625);
    assert_eq!(o.order.fulfillment_status, meridian_core::FulfillmentStatus::Unfulfilled);
    assert!(o.parcels.is_empty() && o.customer.is_none());
}

/// A shop whose first note POST lands and then hangs past the client's timeout.
async fn hanging_shop() -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use axum::routing::get;
    use std::sync::{Arc, Mutex};
    let notes: Arc<Mutex<Vec<String>>> = Arc::default();
    let (list, add) = (notes.clone(), notes.clone());
    let app = axum::Router::new().route(
        "/wp-json/wc/v3/orders/{id}/notes",
        get(move || {
            let list = list.clone();
            async move {
                let all: Vec<serde_json::Value> = list.lock().unwrap().iter().enumerate().map(|(i, n)| serde_json::json!({ "id": i + 1, "note": n, "customer_note": false })).collect();
                axum::Json(all)
            }
        })
        .post(move |axum::Json(body): axum::Json<serde_json::Value>| {
            let add = add.clone();
            async move {
                let first = {
                    let mut n = add.lock().unwrap();
                    n.push(body["note"].as_str().unwrap_or_default().to_owned());
                    n.len() == 1
                };
                if first {
                    tokio::time::sleep(Duration::from_secs(3)).await;
                }
                (axum::http::StatusCode::CREATED, axum::Json(serde_json::json!({ "id": 1, "note": body["note"] })))
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}"), notes)
}

#[tokio::test]
async fn a_write_that_landed_before_a_timeout_is_not_sent_again() {
    let (site, notes) = hanging_shop().await;
    let creds = WooCredentials { consumer_key: Secret::new("ck_a"), consumer_secret: Secret::new("cs_b"), webhook_secret: Secret::new("w") };
    let c = WooClient::new(&WooConfig { site, domain: None }, creds, HttpOptions { timeout: Duration::from_secs(1), ..opts() });
    let w = WriteAction::OrderNote { order_external_id: "7".into(), note: "hello".into() };
    assert_eq!(c.write(&w, "k-1").await.unwrap(), WriteOutcome::Written { remote_id: Some("1".into()) });
    assert!(matches!(c.write(&w, "k-1").await.unwrap(), WriteOutcome::AlreadyDone { .. }));
    assert_eq!(notes.lock().unwrap().len(), 1, "one copy on the shop");
}

#[tokio::test]
async fn a_fulfilment_in_the_sandbox_sends_a_signed_order_updated() {
    use std::sync::{Arc, Mutex};
    let sb = sandbox().await;
    type Received = Arc<Mutex<Vec<(reqwest::header::HeaderMap, Vec<u8>)>>>;
    let got: Received = Arc::default();
    let sink = got.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: axum::http::HeaderMap, body: axum::body::Bytes| {
            let sink = sink.clone();
            async move {
                let mut h = reqwest::header::HeaderMap::new();
                for (k, v) in headers.iter() {
                    h.insert(reqwest::header::HeaderName::from_bytes(k.as_str().as_bytes()).unwrap(), reqwest::header::HeaderValue::from_bytes(v.as_bytes()).unwrap());
                }
                sink.lock().unwrap().push((h, body.to_vec()));
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let http = reqwest::Client::new();
    let admin = format!("{}/_sandbox", sb.base_url());
    http.post(format!("{admin}/webhooks")).json(&serde_json::json!({ "api": "woocommerce", "url": hook })).send().await.unwrap();
    let number = {
        let s = sb.state.lock();
        let i = s.orders_of(Platform::WooCommerce).find(|&i| s.world.orders[i].fulfillment_status == meridian_core::FulfillmentStatus::Unfulfilled).unwrap();
        s.world.orders[i].number.clone()
    };
    assert_eq!(http.post(format!("{admin}/orders/{number}/fulfil")).send().await.unwrap().status(), 200);
    for _ in 0..100 {
        if !got.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (headers, body) = got.lock().unwrap().first().cloned().expect("the webhook arrived");
    let c = client(&sb, opts());
    assert_eq!(c.parse_webhook(&headers, &body), Ok(WebhookEvent::OrderChanged { external_id: number.clone() }));
    // The order now carries its new parcel, fetched through the API.
    let o = c.order(&number).await.unwrap().unwrap();
    assert_eq!(o.parcels.len(), 1);
    assert_eq!(o.order.fulfillment_status, meridian_core::FulfillmentStatus::Fulfilled);
}

//! Contract tests of the Amazon SP-API client against the sandbox (and a tiny odd server).

use meridian_connectors::amazon::AmazonClient;
use meridian_connectors::config::{AmazonConfig, AmazonCredentials};
use meridian_connectors::{ErrorKind, HttpOptions, RemoteOrder, Secret, WriteAction};
use meridian_core::{IdentityKind, Platform};
use meridian_sandbox::faults::Fault;
use meridian_sandbox::{Options, Sandbox};
use std::collections::BTreeMap;
use std::sync::atomic::Ordering;
use std::time::Duration;

fn opts() -> HttpOptions {
    HttpOptions { base_backoff: Duration::from_millis(20), max_backoff: Duration::from_millis(400), ..Default::default() }
}

async fn sandbox(orders: usize) -> Sandbox {
    Sandbox::start(Options { orders, ..Default::default() }).await.unwrap()
}

fn client(sb: &Sandbox, opts: HttpOptions) -> AmazonClient {
    AmazonClient::new(&sb.config().amazon[0], sb.credentials().amazon, opts)
}

async fn all_orders(c: &AmazonClient, since: Option<jiff::Timestamp>) -> (Vec<RemoteOrder>, usize) {
    let (mut out, mut pages, mut next) = (Vec::new(), 0, None::<String>);
    loop {
        let page = c.orders_updated_since(since, next.as_deref()).await.unwrap();
        pages += 1;
        out.extend(page.items);
        match page.next {
            Some(n) => next = Some(n),
            None => return (out, pages),
        }
    }
}

/// The world's Amazon orders: id → (total minor, marketplace, relay alias).
fn expected(sb: &Sandbox, since: Option<jiff::Timestamp>) -> BTreeMap<String, (i64, String, Option<String>)> {
    let s = sb.state.lock();
    s.orders_of(Platform::Amazon)
        .map(|i| &s.world.orders[i])
        .filter(|o| since.is_none_or(|t| o.updated_at > t))
        .map(|o| {
            let alias = o.customer_id.and_then(|c| s.world.customers[c as usize].identity(IdentityKind::AmazonAlias).map(str::to_owned));
            (o.external_id.clone(), (o.total.minor, s.world.stores[o.store_id as usize].domain.clone(), alias))
        })
        .collect()
}

fn summary(orders: &[RemoteOrder]) -> BTreeMap<String, (i64, String, Option<String>)> {
    orders
        .iter()
        .map(|r| {
            let alias = r.customer.as_ref().and_then(|c| c.identities.iter().find(|i| i.kind == IdentityKind::AmazonAlias)).map(|i| i.value.clone());
            (r.order.external_id.clone(), (r.order.total.minor, r.store_domain.clone(), alias))
        })
        .collect()
}

#[tokio::test]
async fn full_pagination_equals_the_world_with_pii_through_one_rdt() {
    let sb = sandbox(600).await;
    let c = client(&sb, opts());
    let (orders, pages) = all_orders(&c, None).await;
    let want = expected(&sb, None);
    assert!(want.len() > 100, "the world should need more than one page: {}", want.len());
    assert_eq!(pages, want.len().div_ceil(100));
    assert_eq!(orders.len(), want.len(), "no order twice");
    assert_eq!(summary(&orders), want);
    let shipped = orders.iter().find(|r| r.order.fulfillment_status == meridian_core::FulfillmentStatus::Fulfilled).unwrap();
    let addr = shipped.order.shipping_address.as_ref().unwrap();
    assert!(!addr.name.is_empty() && !addr.line1.is_empty(), "the RDT unlocks the PII parts: {addr:?}");
    assert!(shipped.order.email.as_deref().unwrap().ends_with("@marketplace.amazon.com"));
    assert!(orders.iter().all(|r| r.order.lines.is_empty() && r.order.source == "amazon" && r.order.id == 0));
    let s = sb.state.lock();
    assert_eq!((s.amazon.lwa_grants, s.amazon.rdt_grants), (1, 1), "tokens are cached");
}

#[tokio::test]
async fn a_later_page_fetched_seconds_later_still_continues() {
    let sb = sandbox(600).await;
    let c = client(&sb, opts());
    let first = c.orders_updated_since(None, None).await.unwrap();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let second = c.orders_updated_since(None, first.next.as_deref()).await.unwrap();
    assert!(!second.items.is_empty());
    assert!(second.items.iter().all(|o| first.items.iter().all(|p| p.order.external_id != o.order.external_id)));
}

#[tokio::test]
async fn updated_since_filters_and_ends() {
    let sb = sandbox(300).await;
    let c = client(&sb, opts());
    let mut times: Vec<jiff::Timestamp> = {
        let s = sb.state.lock();
        s.orders_of(Platform::Amazon).map(|i| s.world.orders[i].updated_at).collect()
    };
    times.sort();
    let since = times[times.len() / 2];
    let (orders, _) = all_orders(&c, Some(since)).await;
    assert_eq!(summary(&orders), expected(&sb, Some(since)));
    assert!(!orders.is_empty() && orders.len() < times.len());
    let (none, pages) = all_orders(&c, Some(jiff::Timestamp::now() + jiff::SignedDuration::from_hours(1))).await;
    assert!(none.is_empty());
    assert_eq!(pages, 1);
}

#[tokio::test]
async fn a_tampered_next_token_is_invalid_input() {
    let sb = sandbox(300).await;
    let c = client(&sb, opts());
    let err = c.orders_updated_since(None, Some("bm90LWEtdG9rZW4=")).await.unwrap_err();
    match &err.kind {
        ErrorKind::Rejected { status: 400, message } => assert!(message.contains("InvalidInput"), "{message}"),
        k => panic!("{k:?}"),
    }
}

#[tokio::test]
async fn one_order_with_all_its_items() {
    let sb = sandbox(300).await;
    let c = client(&sb, opts());
    let (id, want) = {
        let s = sb.state.lock();
        let i = s.orders_of(Platform::Amazon).max_by_key(|&i| s.world.orders[i].lines.len()).unwrap();
        (s.world.orders[i].external_id.clone(), s.world.orders[i].clone())
    };
    assert!(want.lines.len() >= 3, "items page by two: this order needs two pages");
    let got = c.order(&id).await.unwrap().unwrap().order;
    assert_eq!(got.lines, want.lines);
    assert_eq!((got.subtotal.minor, got.shipping.minor, got.tax.minor, got.total.minor), (want.subtotal.minor, want.shipping.minor, want.tax.minor, want.total.minor));
    assert_eq!(c.order_items(&id).await.unwrap(), want.lines);
    assert_eq!(c.order("999-0000000-0000000").await.unwrap(), None);
    assert_eq!(c.order("not an id").await.unwrap(), None);
}

#[tokio::test]
async fn wrong_credentials_are_an_auth_error_naming_the_region() {
    let sb = sandbox(300).await;
    let mut creds = sb.credentials().amazon;
    creds.refresh_token = Secret::new("Atzr|stolen-and-revoked");
    let c = AmazonClient::new(&sb.config().amazon[0], creds, opts());
    let err = c.check().await.unwrap_err();
    assert!(matches!(&err.kind, ErrorKind::Auth(m) if m.contains("authentication failed for Amazon na") && m.contains("invalid_grant")), "{err}");
    assert!(!err.to_string().contains("stolen"), "no secret in errors: {err}");
    let mut creds = sb.credentials().amazon;
    creds.client_secret = Secret::new("wrong");
    let c = AmazonClient::new(&sb.config().amazon[0], creds, opts());
    let err = c.orders_updated_since(None, None).await.unwrap_err();
    assert!(matches!(&err.kind, ErrorKind::Auth(m) if m.contains("invalid_client")), "{err}");
}

#[tokio::test]
async fn an_expired_token_is_refreshed_once() {
    let sb = sandbox(300).await;
    let c = client(&sb, opts());
    c.orders_updated_since(None, None).await.unwrap();
    sb.state.lock().amazon.expire_tokens();
    c.orders_updated_since(None, None).await.unwrap();
    let s = sb.state.lock();
    assert_eq!((s.amazon.lwa_grants, s.amazon.rdt_grants), (2, 2));
}

#[tokio::test]
async fn concurrent_callers_share_one_refresh() {
    let sb = sandbox(300).await;
    let c = client(&sb, opts());
    let calls: Vec<_> = (0..6).map(|_| {
        let c = c.clone();
        tokio::spawn(async move { c.orders_updated_since(None, None).await.map(|p| p.items.len()) })
    }).collect();
    for call in calls {
        assert!(call.await.unwrap().unwrap() > 0);
    }
    let s = sb.state.lock();
    assert_eq!((s.amazon.lwa_grants, s.amazon.rdt_grants), (1, 1));
}

#[tokio::test]
async fn throttled_calls_back_off_and_still_get_everything() {
    let sb = sandbox(300).await;
    {
        let mut s = sb.state.lock();
        s.amazon.plans.insert("getOrder", (10.0, 2.0));
        s.amazon.plans.insert("getOrderItems", (10.0, 2.0));
    }
    let c = client(&sb, HttpOptions { max_retries: 8, ..opts() });
    let ids: Vec<String> = {
        let s = sb.state.lock();
        s.orders_of(Platform::Amazon).take(8).map(|i| s.world.orders[i].external_id.clone()).collect()
    };
    for id in &ids {
        let o = c.order(id).await.unwrap().unwrap();
        assert_eq!(&o.order.external_id, id);
        assert!(!o.order.lines.is_empty());
    }
    let (_, throttled, _) = c.http().stats().snapshot();
    assert!(throttled > 0, "the sandbox's small bucket must have said 429");
    assert!(c.http().stats().requests.load(Ordering::Relaxed) > throttled);
}

#[tokio::test]
async fn amazon_takes_no_write_backs() {
    let sb = sandbox(300).await;
    let c = client(&sb, opts());
    let w = WriteAction::OrderNote { order_external_id: "111-1111111-1111111".into(), note: "hi".into() };
    let err = c.write(&w, "k1").await.unwrap_err();
    assert!(matches!(&err.kind, ErrorKind::Unsupported(m) if m.contains("order notes")), "{err}");
}

#[tokio::test]
async fn faults_do_not_change_the_data() {
    let clean = sandbox(300).await;
    let want = summary(&all_orders(&client(&clean, opts()), None).await.0);
    let sb = Sandbox::start(Options { orders: 300, faults: 0.3, ..Default::default() }).await.unwrap();
    sb.state.lock().faults.hang = Duration::from_secs(3);
    // Retries spend bucket tokens too; the faults, not the usage plans, are under test here.
    sb.state.lock().amazon.plans.insert("getOrders", (50.0, 50.0));
    let c = client(&sb, HttpOptions { timeout: Duration::from_secs(2), max_retries: 10, ..opts() });
    for _ in 0..8 {
        assert_eq!(summary(&all_orders(&c, None).await.0), want);
    }
    for id in want.keys().take(6) {
        assert_eq!(&c.order(id).await.unwrap().unwrap().order.external_id, id);
    }
    let injected = sb.state.lock().faults.injected.clone();
    for kind in [Fault::Timeout, Fault::Malformed, Fault::ServerError] {
        assert!(injected.contains(&kind), "{kind:?} not drawn: {injected:?}");
    }
}

// ---------- odd answers from a tiny server ----------

async fn odd_server() -> String {
    use axum::extract::Path;
    use axum::http::StatusCode;
    use axum::routing::{get, post};
    let app = axum::Router::new()
        .route("/lwa", post(|| async { axum::Json(serde_json::json!({ "access_token": "Atza|x", "token_type": "bearer", "expires_in": 3600 })) }))
        .route("/api/tokens/2021-03-01/restrictedDataToken", post(|| async { axum::Json(serde_json::json!({ "restrictedDataToken": "Atz.sprdt|x", "expiresIn": 3600 })) }))
        .route("/api/orders/v0/orders/{id}", get(|Path(id): Path<String>| async move {
            let errors = |code: &str, msg: &str| format!(r#"{{"errors":[{{"code":"{code}","message":"{msg}","details":""}}]}}"#);
            match &id[..3] {
                "400" => (StatusCode::BAD_REQUEST, errors("InvalidInput", "Invalid orderId")),
                "403" => (StatusCode::FORBIDDEN, errors("Unauthorized", "Access to requested resource is denied.")),
                "404" => (StatusCode::NOT_FOUND, errors("NotFound", "Order not found")),
                "500" => (StatusCode::INTERNAL_SERVER_ERROR, errors("InternalFailure", "We encountered an internal error.")),
                "429" => (StatusCode::TOO_MANY_REQUESTS, errors("QuotaExceeded", "You exceeded your quota for the requested resource.")),
                "201" => (StatusCode::OK, r#"{"payload":{"AmazonOrderId":"201-0000000-0000000","PurchaseDate":"2026-01-01T00:00:00Z","OrderStatus":"Brand New Status"}}"#.to_owned()),
                "202" => (StatusCode::OK, r#"{"payload":{"AmazonOrderId":"202-0000000-00"#.to_owned()),
                "203" => (StatusCode::OK, r#"{"errors":[]}"#.to_owned()),
                _ => (StatusCode::OK, "<html>maintenance</html>".to_owned()),
            }
        }))
        .route("/api/orders/v0/orders/{id}/orderItems", get(|| async { axum::Json(serde_json::json!({ "payload": { "OrderItems": [{ "ASIN": "B000000001", "QuantityOrdered": 2 }] } })) }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

#[tokio::test]
async fn every_error_shape_maps_to_its_kind() {
    let base = odd_server().await;
    let cfg = AmazonConfig { region: "eu".into(), marketplace_ids: vec!["A1PA6795UKMFR9".into()], endpoint: Some(format!("{base}/api")), lwa_endpoint: Some(format!("{base}/lwa")) };
    let creds = AmazonCredentials { client_id: "id".into(), client_secret: Secret::new("s"), refresh_token: Secret::new("Atzr|r") };
    let c = AmazonClient::new(&cfg, creds, HttpOptions { max_retries: 1, ..opts() });
    let kind = |id: &'static str| {
        let c = c.clone();
        async move { c.order(id).await }
    };
    assert!(matches!(kind("400-0000000-0000000").await.unwrap_err().kind, ErrorKind::Rejected { status: 400, ref message } if message.contains("InvalidInput")));
    let auth = kind("403-0000000-0000000").await.unwrap_err();
    assert!(matches!(&auth.kind, ErrorKind::Auth(m) if m.contains("authentication failed for Amazon eu") && m.contains("Unauthorized")), "{auth}");
    assert_eq!(auth.operation, "getOrder");
    assert_eq!(kind("404-0000000-0000000").await.unwrap(), None);
    assert!(matches!(kind("500-0000000-0000000").await.unwrap_err().kind, ErrorKind::Server { status: 500, .. }));
    assert!(matches!(kind("429-0000000-0000000").await.unwrap_err().kind, ErrorKind::Throttled { .. }));
    assert!(c.http().stats().throttled.load(Ordering::Relaxed) >= 2, "429 counted on every attempt");
    for odd in ["202-0000000-0000000", "203-0000000-0000000", "999-0000000-0000000"] {
        assert!(matches!(kind(odd).await.unwrap_err().kind, ErrorKind::Malformed(_)), "{odd}");
    }
    // Unknown status and missing optional fields: tolerated.
    let o = kind("201-0000000-0000000").await.unwrap().unwrap();
    assert_eq!(o.order.fulfillment_status, meridian_core::FulfillmentStatus::Unfulfilled);
    assert_eq!(o.order.total.currency, "EUR");
    assert_eq!(o.order.lines.len(), 1);
    assert!(o.customer.is_none());
}

// ---------- the simulator's contract, seen from raw HTTP ----------

async fn lwa_token(sb: &Sandbox, http: &reqwest::Client) -> String {
    let c = sb.credentials().amazon;
    let form = [("grant_type", "refresh_token"), ("refresh_token", c.refresh_token.expose()), ("client_id", &c.client_id), ("client_secret", c.client_secret.expose())];
    let r = http.post(format!("{}/lwa/auth/o2/token", sb.base_url())).form(&form).send().await.unwrap();
    assert_eq!(r.status(), 200);
    r.json::<serde_json::Value>().await.unwrap()["access_token"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn the_simulator_validates_get_orders_and_guards_pii() {
    let sb = sandbox(300).await;
    let http = reqwest::Client::new();
    let token = lwa_token(&sb, &http).await;
    let url = format!("{}/amazon/orders/v0/orders", sb.base_url());
    let get = |q: &'static str, token: String| {
        let (http, url) = (http.clone(), url.clone());
        async move { http.get(format!("{url}?{q}")).header("x-amz-access-token", token).send().await.unwrap() }
    };
    for q in ["LastUpdatedAfter=2020-01-01T00:00:00Z", "MarketplaceIds=ATVPDKIKX0DER", "MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=2020-01-01T00:00:00Z&LastUpdatedAfter=2020-01-01T00:00:00Z", "MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=2020-01-01T00:00:00Z&MaxResultsPerPage=101", "MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=yesterday"] {
        let r = get(q, token.clone()).await;
        assert_eq!(r.status(), 400, "{q}");
        assert!(r.headers().contains_key("x-amzn-requestid"));
        assert_eq!(r.json::<serde_json::Value>().await.unwrap()["errors"][0]["code"], "InvalidInput", "{q}");
    }
    // A normal token: no buyer info and only the non-PII address parts.
    let r = get("MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=2020-01-01T00:00:00Z&OrderStatuses=Shipped", token.clone()).await;
    assert_eq!(r.headers()["x-amzn-ratelimit-limit"], "0.0167");
    let body: serde_json::Value = r.json().await.unwrap();
    let o = &body["payload"]["Orders"][0];
    assert!(o["ShippingAddress"]["City"].is_string() && o["ShippingAddress"]["Name"].is_null() && o["BuyerInfo"].is_null(), "{o}");
    let r = get("MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=2020-01-01T00:00:00Z", "Atza|made-up".into()).await;
    assert_eq!(r.status(), 403);
    assert_eq!(r.json::<serde_json::Value>().await.unwrap()["errors"][0]["code"], "Unauthorized");
    // An RDT for one order does not open the bulk listing.
    let rdt = http
        .post(format!("{}/amazon/tokens/2021-03-01/restrictedDataToken", sb.base_url()))
        .header("x-amz-access-token", &token)
        .json(&serde_json::json!({ "restrictedResources": [{ "method": "GET", "path": "/orders/v0/orders/111-1111111-1111111", "dataElements": ["buyerInfo"] }] }))
        .send()
        .await
        .unwrap();
    let rdt = rdt.json::<serde_json::Value>().await.unwrap()["restrictedDataToken"].as_str().unwrap().to_owned();
    assert_eq!(get("MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=2020-01-01T00:00:00Z", rdt).await.status(), 403);
}

#[tokio::test]
async fn the_default_get_orders_plan_allows_a_burst_of_twenty() {
    let sb = sandbox(300).await;
    let http = reqwest::Client::new();
    let token = lwa_token(&sb, &http).await;
    let url = format!("{}/amazon/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=2020-01-01T00:00:00Z&MaxResultsPerPage=1", sb.base_url());
    for _ in 0..20 {
        assert_eq!(http.get(&url).header("x-amz-access-token", &token).send().await.unwrap().status(), 200);
    }
    let r = http.get(&url).header("x-amz-access-token", &token).send().await.unwrap();
    assert_eq!(r.status(), 429);
    assert_eq!(r.json::<serde_json::Value>().await.unwrap()["errors"][0]["code"], "QuotaExceeded");
}

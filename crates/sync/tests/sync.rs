//! The sync against the sandbox over real HTTP: backfill equals the platforms' data, runs
//! are idempotent, faults change nothing, webhooks update the store, health is recorded,
//! write-backs land once. Runs on SQLite and PostgreSQL.

use meridian_sandbox::{Options, Sandbox};
use meridian_testkit::Backend;
use meridian_sync::{Connections, MemorySecrets, Syncer};
use meridian_testkit::TestStore;
use std::sync::Arc;
use std::time::Duration;

async fn sandbox(orders: usize, faults: f64) -> Sandbox {
    let sb = Sandbox::start(Options { orders, seed: 11, faults, ..Default::default() }).await.expect("sandbox starts");
    sb.state.lock().faults.hang = Duration::from_secs(3);
    sb
}

fn syncer(sb: &Sandbox, store: meridian_store::Store) -> Syncer {
    let mut config = sb.config();
    config.http.timeout_ms = 2_000;
    config.http.base_backoff_ms = 20;
    config.http.max_backoff_ms = 500;
    config.http.max_retries = 12;
    let secrets = MemorySecrets::from_entries(sb.credential_entries());
    Syncer::new(store, Connections::new(&config, &secrets).expect("credentials for every connection"))
}

async fn backfill_matches_the_platforms(backend: Backend) {
    let sb = sandbox(120, 0.0).await;
    let t = TestStore::new(backend).await;
    let s = syncer(&sb, t.store.clone());
    let summary = s.run_once().await;
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
    let (orders, shipments, per) = {
        let st = sb.state.lock();
        let totals = st.totals();
        (st.world.orders.len() as u64, st.world.shipments.len() as u64, totals["platforms"].clone())
    };
    let stats = t.store.stats().await.unwrap();
    assert_eq!(stats.orders as u64, orders, "every order of every platform is stored once");
    for (platform, counts) in per.as_object().unwrap() {
        assert_eq!(summary.platforms.get(platform).map(|c| c.orders).unwrap_or(0), counts["orders"].as_u64().unwrap(), "{platform}");
    }
    let fingerprint = t.store.sync_fingerprint().await.unwrap();
    assert_eq!(t.store.stats().await.unwrap().shipments as u64, shipments, "every parcel is linked to its order");
    // A second run finds nothing new and changes nothing.
    let again = s.run_once().await;
    assert!(again.errors.is_empty(), "{:?}", again.errors);
    assert_eq!(t.store.sync_fingerprint().await.unwrap(), fingerprint);
    // Health says when each connector last succeeded.
    let health = t.store.connector_health().await.unwrap();
    assert!(health.len() >= 5, "{health:?}");
    assert!(health.iter().all(|h| h.last_success.is_some() && h.last_error.is_none()), "{health:?}");
}

#[tokio::test]
async fn backfill_matches_the_platforms_sqlite() {
    backfill_matches_the_platforms(Backend::Sqlite).await;
}

#[tokio::test]
async fn backfill_matches_the_platforms_postgres() {
    if meridian_testkit::skip_pg() {
        return;
    }
    backfill_matches_the_platforms(Backend::Postgres).await;
}

#[tokio::test]
async fn faults_do_not_change_what_is_stored() {
    let clean = sandbox(80, 0.0).await;
    let t1 = TestStore::new(Backend::Sqlite).await;
    let s1 = syncer(&clean, t1.store.clone());
    assert!(s1.run_once().await.errors.is_empty());

    let faulty = sandbox(80, 0.3).await;
    let t2 = TestStore::new(Backend::Sqlite).await;
    let s2 = syncer(&faulty, t2.store.clone());
    let summary = s2.run_once().await;
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
    assert!(summary.retries > 0, "the faults were met and retried: {summary:?}");
    assert!(faulty.state.lock().faults.injected.len() > 3);
    assert_eq!(t2.store.sync_fingerprint().await.unwrap(), t1.store.sync_fingerprint().await.unwrap());
}

#[tokio::test]
async fn wrong_credentials_are_named_and_recorded() {
    let sb = sandbox(30, 0.0).await;
    let t = TestStore::new(Backend::Sqlite).await;
    let mut entries = sb.credential_entries();
    for (account, json) in entries.iter_mut() {
        if account.starts_with("shopify/") {
            *json = json.replace("shpat_", "shpat_wrong");
        }
    }
    let s = Syncer::new(t.store.clone(), Connections::new(&sb.config(), &MemorySecrets::from_entries(entries)).unwrap());
    let summary = s.run_once().await;
    let shop = sb.config().shopify[0].shop.clone();
    assert!(summary.errors.iter().any(|e| e.contains(&shop) && e.contains("authentication failed")), "{:?}", summary.errors);
    let health = t.store.connector_health().await.unwrap();
    let h = health.iter().find(|h| h.connector.starts_with("shopify/")).unwrap();
    assert!(h.last_error.as_deref().unwrap().contains("authentication failed"));
    assert!(h.error_since.is_some() && h.last_success.is_none());
    // The other connectors went on.
    assert!(health.iter().any(|h| h.connector.starts_with("woocommerce/") && h.last_success.is_some()));
}

#[tokio::test]
async fn a_fulfilment_in_the_sandbox_reaches_the_store_by_webhook() {
    let sb = sandbox(60, 0.0).await;
    let t = TestStore::new(Backend::Sqlite).await;
    let s = Arc::new(syncer(&sb, t.store.clone()));
    assert!(s.run_once().await.errors.is_empty());
    let mut changes = s.subscribe();
    let addr = meridian_sync::receiver::serve(s.clone(), "127.0.0.1:0".parse().unwrap()).await.unwrap();
    meridian_sync::receiver::subscribe_sandbox(&sb.config().sandbox_admin.unwrap(), addr).await.unwrap();
    // An unfulfilled Shopify order.
    let number = {
        let st = sb.state.lock();
        let i = st.orders_of(meridian_core::Platform::Shopify).find(|&i| st.world.orders[i].fulfillment_status == meridian_core::FulfillmentStatus::Unfulfilled).expect("an unfulfilled order");
        st.world.orders[i].number.clone()
    };
    let resp = reqwest::Client::new().post(format!("{}/_sandbox/orders/{number}/fulfil", sb.base_url())).send().await.unwrap();
    assert!(resp.status().is_success(), "{}", resp.status());
    let change = tokio::time::timeout(Duration::from_secs(15), changes.recv()).await.expect("a change is announced").unwrap();
    assert!(matches!(change, meridian_sync::Change::Order { .. }), "{change:?}");
    let fulfilled = |fp: &[String]| fp.iter().any(|l| l.contains("|fulfilled|") && l.contains(&format!("|{number}|")));
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while !fulfilled(&t.store.sync_fingerprint().await.unwrap()) {
        assert!(std::time::Instant::now() < deadline, "order {number} was not updated by the webhook; deliveries {:?}", sb.state.lock().deliveries);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

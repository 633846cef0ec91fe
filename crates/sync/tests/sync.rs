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

/// A conversation's summary reaches its order on the platform once, whatever is retried,
/// and Amazon's refusal is said, not failed silently.
#[tokio::test]
async fn write_backs_land_once_and_amazon_says_no() {
    use meridian_sync::writeback::{request, WriteBackKind};
    let sb = sandbox(60, 0.0).await;
    let (t, _) = TestStore::seeded(Backend::Sqlite).await;
    let s = syncer(&sb, t.store.clone());
    // Link the seeded demo store to the sandbox's world: sync it first.
    assert!(s.run_once().await.errors.is_empty());
    // A conversation, re-pointed at a synced Shopify and a synced Amazon order.
    let page = t.store.inbox(&Default::default()).await.unwrap();
    let conversation = page.items[0].id;
    let order_of = |platform: &str| {
        let st = sb.state.lock();
        let i = st.orders_of(platform.parse().unwrap()).next().unwrap();
        st.world.orders[i].external_id.clone()
    };
    let mut ids = Vec::new();
    for p in ["shopify", "amazon"] {
        let ext = order_of(p);
        let mut w = t.store.writer().await.unwrap();
        ids.push(w.order_id_by_reference(&ext).await.unwrap().expect("synced"));
        w.commit().await.unwrap();
    }
    let now = jiff::Timestamp::now();
    assert!(request(&t.store, conversation, ids[0], WriteBackKind::Summary, None, now).await.unwrap());
    assert!(request(&t.store, conversation, ids[0], WriteBackKind::Summary, None, now).await.unwrap(), "asking twice queues once");
    assert!(!request(&t.store, conversation, ids[1], WriteBackKind::Summary, None, now).await.unwrap(), "Amazon takes no notes");
    assert!(request(&t.store, conversation, ids[0], WriteBackKind::Satisfaction, Some(9), now).await.is_err(), "scores are 1 to 5");
    assert!(request(&t.store, conversation, ids[0], WriteBackKind::Satisfaction, Some(4), now).await.unwrap());
    let queued = t.store.outbox_of_kind(meridian_sync::writeback::KIND).await.unwrap();
    assert_eq!(queued.len(), 3, "a note, tags and the score: {queued:?}");

    let (sent, retry, failed) = s.dispatch_writebacks().await.unwrap();
    assert_eq!((sent, retry, failed), (3, 0, 0));
    assert_eq!(sb.state.lock().shopify.metafields.len(), 1, "the score is on the customer record");
    // A crash after the platform answered but before the outcome was stored: the items
    // go back to the queue and are sent again, and the platform still has one note.
    let mut w = t.store.writer().await.unwrap();
    w.raw_for_tests("UPDATE outbox SET state = 'sending'").await.unwrap();
    w.commit().await.unwrap();
    assert_eq!(t.store.recover_outbox(meridian_sync::writeback::KIND, now).await.unwrap(), 3);
    assert_eq!(s.dispatch_writebacks().await.unwrap(), (3, 0, 0));
    assert_eq!(sb.state.lock().shopify.metafields.len(), 1, "still one score after the retry");
    let st = sb.state.lock();
    let note = st.shopify.notes.values().find(|n| n.contains(&format!("Meridian conversation {conversation}"))).expect("the note is on the order");
    assert_eq!(note.matches(&format!("Meridian conversation {conversation}")).count(), 1, "one copy: {note}");
    assert!(t.store.outbox_of_kind(meridian_sync::writeback::KIND).await.unwrap().iter().all(|i| i.state == meridian_core::OutboxState::Sent));
}

#[tokio::test]
async fn a_conversation_finds_its_order_by_the_number_the_customer_wrote() {
    let sb = sandbox(60, 0.0).await;
    let (t, _) = TestStore::seeded(Backend::Sqlite).await;
    let s = syncer(&sb, t.store.clone());
    assert!(s.run_once().await.errors.is_empty());
    let number = {
        let st = sb.state.lock();
        let i = st.orders_of(meridian_core::Platform::Shopify).last().unwrap();
        st.world.orders[i].number.clone()
    };
    let conversation = t.store.inbox(&Default::default()).await.unwrap().items[0].id;
    let mut w = t.store.writer().await.unwrap();
    w.raw_for_tests("UPDATE conversations SET order_id = NULL").await.unwrap();
    w.insert_message(&meridian_store::NewMessage {
        conversation_id: conversation,
        direction: meridian_core::Direction::Inbound,
        author: "customer".into(),
        text: format!("Hola, ¿dónde está mi pedido #{number}? Gracias"),
        html: None,
        language: Some("es".into()),
        created_at: jiff::Timestamp::now(),
    })
    .await
    .unwrap();
    w.commit().await.unwrap();
    assert!(s.link_conversations().await.unwrap() >= 1);
    let view = t.store.conversation(conversation).await.unwrap();
    let focus = view.focus_order_id.expect("linked to an order");
    assert_eq!(view.orders.iter().find(|o| o.id == focus).unwrap().number, number);
}

/// Replies leave once their undo window has passed, through the store's mail server, to the
/// customer's address, once; an undone reply never leaves; a refused login is said.
#[tokio::test]
async fn replies_leave_once_after_their_undo_window() {
    let sb = sandbox(20, 0.0).await;
    let (t, _) = TestStore::seeded(Backend::Sqlite).await;
    let s = syncer(&sb, t.store.clone());
    let page = t.store.inbox(&Default::default()).await.unwrap();
    let mut with_email = Vec::new();
    for item in &page.items {
        let v = t.store.conversation(item.id).await.unwrap();
        if let Some(e) = v.customer.identity(meridian_core::IdentityKind::Email) {
            with_email.push((item.id, e.to_owned()));
        }
    }
    let (c1, email) = with_email[0].clone();
    let c2 = with_email[1].0;
    let now = jiff::Timestamp::now();
    let m = t.store.send_reply(c1, "lucia", "Su pedido sale hoy.", now, jiff::SignedDuration::ZERO).await.unwrap();
    t.store.send_reply(c2, "lucia", "Wrong one", now, jiff::SignedDuration::from_secs(60)).await.unwrap();
    let undo = t.store.conversation(c2).await.unwrap().replies[0].outbox_id;
    assert!(t.store.cancel_reply(undo, "lucia", now).await.unwrap().is_some());

    assert_eq!(s.dispatch_replies().await.unwrap(), (1, 0));
    assert_eq!(s.dispatch_replies().await.unwrap(), (0, 0), "nothing leaves twice");
    let mail = sb.state.lock().mail.clone();
    assert_eq!(mail.len(), 1, "{mail:?}");
    assert_eq!(mail[0].to, vec![email]);
    assert_eq!(mail[0].message_id, format!("reply.{c1}.{}@meridian", m.id));
    assert!(mail[0].subject.starts_with("Re: "));
    let v = t.store.conversation(c1).await.unwrap();
    assert_eq!(v.replies.iter().find(|r| r.message_id == m.id).unwrap().state, meridian_core::OutboxState::Sent);

    // A wrong mail password: the reply fails with the server's reason and waits for an agent.
    let mut entries = sb.credential_entries();
    for (account, json) in entries.iter_mut() {
        if account.starts_with("smtp/") {
            *json = json.replace("smtp-", "wrong-");
        }
    }
    let bad = Syncer::new(t.store.clone(), Connections::new(&sb.config(), &MemorySecrets::from_entries(entries)).unwrap());
    let m2 = t.store.send_reply(c1, "lucia", "Second", now, jiff::SignedDuration::ZERO).await.unwrap();
    assert_eq!(bad.dispatch_replies().await.unwrap(), (0, 1));
    let v = t.store.conversation(c1).await.unwrap();
    let r = v.replies.iter().find(|r| r.message_id == m2.id).unwrap();
    assert_eq!(r.state, meridian_core::OutboxState::Failed);
    assert!(r.last_error.as_deref().unwrap().contains("refused the login"), "{r:?}");
    assert_eq!(sb.state.lock().mail.len(), 1);
}

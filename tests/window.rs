//! The real desktop app in a real window (Xvfb), driven through tauri-driver and
//! WebKitWebDriver: keyboard navigation, the order and logistics panes, switching language.
//!
//! Needs a display and a session bus: `make test` runs the suite under xvfb-run and
//! dbus-run-session. Set MERIDIAN_SKIP_E2E=1 to leave it out on purpose; otherwise a
//! missing display or driver is a failure, not a silent skip.

use meridian_store::{InboxFilter, Store};
use meridian_tests::{Driver, Session};
use std::path::{Path, PathBuf};

fn app_binary() -> PathBuf {
    if let Ok(p) = std::env::var("MERIDIAN_DESKTOP_BIN") {
        return PathBuf::from(p);
    }
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "/var/tmp/meridian-target".into());
    Path::new(&target).join("debug/meridian-desktop")
}

/// A new SQLite file holding the demo store of `seed`, seen from the tests' fixed "now".
async fn demo_store(seed: u64) -> (meridian_testkit::TempSqlite, Store, meridian_demo::World) {
    let db = meridian_testkit::TempSqlite::new();
    let store = Store::open(&db.url()).await.unwrap();
    let assets = meridian_demo::Assets::load().unwrap();
    let world = meridian_demo::generate(&meridian_demo::DemoSpec::demo(seed, meridian_testkit::fixed_now()), &assets);
    meridian_demo::import(&store, &world).await.unwrap();
    (db, store, world)
}

fn screenshots() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e")
}

#[tokio::test(flavor = "multi_thread")]
async fn agent_reads_a_conversation_with_its_order_and_parcel_by_keyboard_then_switches_to_chinese() {
    if std::env::var("MERIDIAN_SKIP_E2E").is_ok_and(|v| v == "1") {
        return;
    }
    assert!(std::env::var("DISPLAY").is_ok(), "no DISPLAY: run through `make test` (Xvfb), or set MERIDIAN_SKIP_E2E=1");
    let app = app_binary();
    assert!(app.exists(), "{} is missing: `make build` first", app.display());

    // A seeded store, and what the panes should show for it, read through the same API.
    let (db, store, _) = demo_store(11).await;
    let first_page = store.inbox(&InboxFilter::default()).await.unwrap();
    let mut target = None;
    for (k, item) in first_page.items.iter().enumerate().skip(1).take(15) {
        let view = store.conversation(item.id).await.unwrap();
        let Some(focus) = view.focus_order_id else { continue };
        let order = view.orders.iter().find(|o| o.id == focus).unwrap().clone();
        if let Some(parcel) = view.shipments.iter().find(|s| s.order_id == focus) {
            target = Some((k, item.id, order, parcel.clone()));
            break;
        }
    }
    let (steps, conversation_id, order, parcel) = target.expect("a conversation about a shipped order near the top");
    store.close().await;

    let driver = Driver::start(&[("MERIDIAN_DB", &db.url()), ("LANG", "en_US.UTF-8"), ("MERIDIAN_AGENT", "e2e")]).expect("tauri-driver");
    let s = Session::new(&driver, &app).expect("WebDriver session with the app");
    let run = || -> meridian_tests::Result<()> {
        s.wait_for("[data-testid=inbox-item]", 30)?;
        s.screenshot(&screenshots().join("01-inbox-en.png"))?;

        // Keyboard only: move down `steps` rows, open with Enter.
        let list = s.wait_for("[data-testid=inbox]", 5)?;
        let _ = list;
        for _ in 0..steps {
            s.press("j")?;
        }
        s.press("\u{E007}")?;
        let selected = s.wait_for("[data-testid=inbox-item][aria-selected=true]", 10)?;
        let id = s.attribute(&selected, "data-id")?.unwrap_or_default();
        assert_eq!(id, conversation_id.to_string(), "j×{steps} then Enter selects the conversation below");

        let expected_number = match order.platform {
            meridian_core::Platform::Amazon => order.number.clone(),
            _ => format!("#{}", order.number),
        };
        let shown = s.wait_text("[data-testid=order-pane] [data-testid=order-number]", 15, |t| t.contains(&expected_number))?;
        assert!(shown.contains(&expected_number), "order pane shows {shown:?}, expected {expected_number}");
        let status = s.wait_for("[data-testid=logistics-pane] [data-testid=shipment-status]", 10)?;
        assert_eq!(s.attribute(&status, "data-status")?.as_deref(), Some(parcel.status.as_str()));
        let tracking = s.wait_text("[data-testid=logistics-pane] [data-testid=tracking-number]", 5, |t| !t.is_empty())?;
        assert_eq!(tracking.replace(' ', ""), parcel.tracking_number);
        // The assist engine triages the latest message and fills the reply box with its draft.
        let panel = s.wait_for("[data-testid=assist-panel]", 60)?;
        let intent = s.attribute(&panel, "data-intent")?.unwrap_or_default();
        assert!(intent.parse::<meridian_core::Intent>().is_ok(), "assist shows an intent: {intent:?}");
        let action = s.attribute(&panel, "data-action")?.unwrap_or_default();
        assert!(action.parse::<meridian_core::Action>().is_ok(), "assist shows an action: {action:?}");
        let draft = s.execute("return document.querySelector('[data-testid=reply-box]').value")?;
        assert!(draft.as_str().is_some_and(|d| d.trim().len() > 20), "the reply box holds the draft: {draft}");
        s.screenshot(&screenshots().join("02-conversation-en.png"))?;

        // Reply box by keyboard: r focuses it.
        s.press("r")?;
        let focused = s.execute("return document.activeElement && document.activeElement.getAttribute('data-testid')")?;
        assert_eq!(focused.as_str(), Some("reply-box"));
        s.press("\u{E00C}")?; // Escape back to the inbox

        // Switch the UI to Chinese and see the panes' labels change.
        let t = meridian_i18n::Translator::new().map_err(|e| e.to_string())?;
        let zh_total = t.tr("zh-CN", "order-total", &[]);
        let zh_shipping = t.tr("zh-CN", "logistics-title", &[]);
        let option = s.wait_for("[data-testid=locale-select] option[value=zh-CN]", 5)?;
        s.click(&s.wait_for("[data-testid=locale-select]", 5)?)?;
        s.click(&option)?;
        s.wait_text("[data-testid=order-pane]", 10, |txt| txt.contains(&zh_total))?;
        s.wait_text("[data-testid=logistics-pane]", 10, |txt| txt.contains(&zh_shipping))?;
        s.screenshot(&screenshots().join("03-conversation-zh.png"))?;
        Ok(())
    };
    let outcome = run();
    if outcome.is_err() {
        let _ = s.screenshot(&screenshots().join("failure.png"));
    }
    s.close();
    drop(driver);
    outcome.unwrap();

    // The choice of language is remembered in the store.
    let store = Store::open(&db.url()).await.unwrap();
    assert_eq!(store.setting("locale").await.unwrap().as_deref(), Some("zh-CN"));
}

/// A store connected to the sandbox: an order shipped (or a parcel moved) on the platform
/// side shows up in the open order and logistics panes by itself, through the platform's
/// webhook, the sync inside the app, and an event to the UI.
#[tokio::test(flavor = "multi_thread")]
async fn a_fulfilment_on_the_platform_appears_in_the_open_panes_by_itself() {
    use meridian_core::{FulfillmentStatus, Platform};
    use meridian_sync::secrets::CredentialSource;
    if std::env::var("MERIDIAN_SKIP_E2E").is_ok_and(|v| v == "1") {
        return;
    }
    assert!(std::env::var("DISPLAY").is_ok(), "no DISPLAY: run through `make test` (Xvfb), or set MERIDIAN_SKIP_E2E=1");
    let app = app_binary();
    assert!(app.exists(), "{} is missing: `make build` first", app.display());

    // The demo store and a sandbox serving the same world (same seed, size and moment).
    let (db, store, world) = demo_store(11).await;
    let sandbox = meridian_sandbox::Sandbox::start(meridian_sandbox::Options { orders: 800, seed: 11, now: meridian_testkit::fixed_now(), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(sandbox.state.lock().world.orders.len(), world.orders.len());
    std::fs::write(db.path.with_file_name("connectors.toml"), sandbox.config().to_toml()).unwrap();
    // Its own keyring service, so that tests running at once never see each other's secrets.
    let service = format!("meridian-e2e-{}", std::process::id());
    let keyring = meridian_sync::Keyring::with_service(&service);
    for (account, json) in sandbox.credential_entries() {
        keyring.set(&account, &json).expect("the OS keyring (make test runs a throwaway one)");
    }

    // A conversation near the top about a Shopify or WooCommerce order not yet shipped; else
    // one about a parcel still moving.
    let page = store.inbox(&InboxFilter::default()).await.unwrap();
    let mut unshipped = None;
    let mut moving = None;
    for (k, item) in page.items.iter().enumerate() {
        let view = store.conversation(item.id).await.unwrap();
        let Some(focus) = view.focus_order_id else { continue };
        let order = view.orders.iter().find(|o| o.id == focus).unwrap().clone();
        if unshipped.is_none() && order.platform != Platform::Amazon && order.fulfillment_status == FulfillmentStatus::Unfulfilled {
            unshipped = Some((k, item.id, order.clone()));
        }
        if moving.is_none() {
            if let Some(p) = view.shipments.iter().find(|s| s.order_id == focus && !s.status.is_final() && s.events.len() < 6) {
                moving = Some((k, item.id, p.clone()));
            }
        }
    }
    store.close().await;
    let (steps, conversation_id) = match (&unshipped, &moving) {
        (Some((k, id, _)), _) => (*k, *id),
        (None, Some((k, id, _))) => (*k, *id),
        _ => panic!("no conversation about an unshipped order or a moving parcel on the first page"),
    };

    let driver = Driver::start(&[("MERIDIAN_DB", &db.url()), ("LANG", "en_US.UTF-8"), ("MERIDIAN_AGENT", "e2e"), ("MERIDIAN_KEYRING_SERVICE", &service), ("MERIDIAN_UNDO_SECONDS", "3")]).expect("tauri-driver");
    let s = Session::new(&driver, &app).expect("WebDriver session with the app");
    let admin = sandbox.config().sandbox_admin.unwrap();
    let run = || -> meridian_tests::Result<()> {
        s.wait_for("[data-testid=inbox-item]", 30)?;
        for _ in 0..steps {
            s.press("j")?;
        }
        s.press("\u{E007}")?;
        let selected = s.wait_for("[data-testid=inbox-item][aria-selected=true]", 10)?;
        assert_eq!(s.attribute(&selected, "data-id")?.unwrap_or_default(), conversation_id.to_string());
        // The sync is running inside the app: the status bar lists the connections.
        s.wait_for("[data-testid=connectors] [data-connector]", 60)?;
        s.wait_for("[data-testid=order-refresh]", 10)?;
        s.screenshot(&screenshots().join("10-before-change.png"))?;
        match (&unshipped, &moving) {
            (Some((_, _, order)), _) => {
                s.wait_text("[data-testid=order-pane] [data-testid=fulfillment-status]", 15, |t| t == "Unfulfilled")?;
                let resp = ureq::post(&format!("{admin}/orders/{}/fulfil", order.number)).call().map_err(|e| e.to_string())?;
                assert_eq!(resp.status(), 200);
                let tracking = sandbox.state.lock().world.shipments.last().unwrap().tracking_number.clone();
                s.wait_text("[data-testid=order-pane] [data-testid=fulfillment-status]", 60, |t| t == "Fulfilled")?;
                let shown = s.wait_text("[data-testid=logistics-pane] [data-testid=tracking-number]", 60, |t| t.replace(' ', "") == tracking)?;
                assert_eq!(shown.replace(' ', ""), tracking);
            }
            (None, Some((_, _, parcel))) => {
                let status = s.wait_for("[data-testid=logistics-pane] [data-testid=shipment-status]", 10)?;
                let before = s.attribute(&status, "data-status")?.unwrap_or_default();
                let resp = ureq::post(&format!("{admin}/parcels/{}/advance", parcel.tracking_number)).call().map_err(|e| e.to_string())?;
                let after: serde_json::Value = resp.into_json().map_err(|e| e.to_string())?;
                let want = after["status"].as_str().unwrap().to_owned();
                assert_ne!(before, want);
                let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
                loop {
                    let el = s.wait_for("[data-testid=logistics-pane] [data-testid=shipment-status]", 10)?;
                    if s.attribute(&el, "data-status")?.as_deref() == Some(want.as_str()) {
                        break;
                    }
                    assert!(std::time::Instant::now() < deadline, "the parcel's new status {want} never appeared");
                    std::thread::sleep(std::time::Duration::from_millis(200));
                }
            }
            _ => unreachable!(),
        }
        s.screenshot(&screenshots().join("11-after-change.png"))?;

        // Approve the draft by keyboard: r, then Ctrl+Enter. It waits out the undo window,
        // leaves through the store's mail server once, and the thread says so.
        s.wait_for("[data-testid=assist-panel]", 60)?;
        s.press("r")?;
        s.chord("\u{E009}", "\u{E007}")?;
        s.wait_for("[data-testid=reply-status][data-state=queued] [data-testid=reply-undo]", 10)?;
        s.wait_for("[data-testid=reply-status][data-state=sent]", 30)?;
        let mail = sandbox.state.lock().mail.clone();
        let ours: Vec<_> = mail.iter().filter(|m| m.message_id.starts_with(&format!("reply.{conversation_id}."))).collect();
        assert_eq!(ours.len(), 1, "sent once: {mail:?}");
        s.screenshot(&screenshots().join("12-reply-sent.png"))?;
        Ok(())
    };
    let outcome = run();
    if outcome.is_err() {
        let _ = s.screenshot(&screenshots().join("failure-sync.png"));
    }
    s.close();
    drop(driver);
    for (account, _) in sandbox.credential_entries() {
        let _ = keyring.delete(&account);
    }
    outcome.unwrap();
}

/// A supervisor hands a conversation to an agent; that agent's desktop shows the hand-off
/// notification (dunst on the test's session bus).
#[tokio::test(flavor = "multi_thread")]
async fn a_hand_off_assigned_to_an_agent_reaches_their_desktop() {
    if std::env::var("MERIDIAN_SKIP_E2E").is_ok_and(|v| v == "1") {
        return;
    }
    assert!(std::env::var("DISPLAY").is_ok(), "no DISPLAY: run through `make test` (Xvfb), or set MERIDIAN_SKIP_E2E=1");
    let app = app_binary();
    let (db, store, _) = demo_store(12).await;
    // Lucía without a shift calendar is never "off shift", whatever the time of the test.
    let mut w = store.writer().await.unwrap();
    w.raw_for_tests("DELETE FROM agent_shifts WHERE agent_id = 'lucia'").await.unwrap();
    w.commit().await.unwrap();
    store.close().await;

    let driver = Driver::start(&[("MERIDIAN_DB", &db.url()), ("LANG", "en_US.UTF-8"), ("MERIDIAN_AGENT", "lucia"), ("MERIDIAN_NOTICE_SECONDS", "1")]).expect("tauri-driver");
    let s = Session::new(&driver, &app).expect("WebDriver session with the app");
    let run = || -> meridian_tests::Result<()> {
        s.wait_for("[data-testid=inbox-item]", 30)?;
        // The first conversation not already Lucía's hand-off.
        let mut subject = String::new();
        for _ in 0..10 {
            s.press("\u{E007}")?;
            subject = s.wait_text("[data-testid=thread-subject]", 10, |t| !t.is_empty())?;
            let meta = s.wait_text("[data-testid=thread] .meta", 10, |t| !t.is_empty())?;
            if !(meta.contains("Lucía") && meta.contains("Escalated")) {
                break;
            }
            s.press("j")?;
        }
        let option = s.wait_for("[data-testid=assign] option[value=lucia]", 15)?;
        s.click(&s.wait_for("[data-testid=assign]", 5)?)?;
        s.click(&option)?;
        s.wait_text("[data-testid=thread-status]", 10, |t| t == "Escalated")?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            let _ = std::process::Command::new("dunstctl").arg("close-all").status();
            let history = std::process::Command::new("dunstctl").arg("history").output().map_err(|e| e.to_string())?;
            let text = String::from_utf8_lossy(&history.stdout).into_owned();
            if text.contains("Hand-off for you") && text.contains(&subject) {
                break;
            }
            if std::time::Instant::now() > deadline {
                return Err("no hand-off notification reached the notification server".into());
            }
            std::thread::sleep(std::time::Duration::from_millis(250));
        }
        s.screenshot(&screenshots().join("20-handoff-assigned.png"))?;
        Ok(())
    };
    let outcome = run();
    if outcome.is_err() {
        let _ = s.screenshot(&screenshots().join("failure-handoff.png"));
    }
    s.close();
    drop(driver);
    outcome.unwrap();
}

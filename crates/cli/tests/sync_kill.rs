//! `meridian sandbox` and `meridian sync` as a user runs them: credentials go through the OS
//! keyring, and a sync killed with SIGKILL halfway, then run again, leaves exactly what an
//! uninterrupted sync leaves. Needs a Secret Service (make test runs under dbus-run-session
//! with a throwaway keyring).

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn meridian() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_meridian"));
    c.env_remove("MERIDIAN_DB");
    // Its own keyring service, so that tests running at once never see each other's secrets.
    c.env("MERIDIAN_KEYRING_SERVICE", format!("meridian-test-{}", std::process::id()));
    c
}

struct Sandbox(Child);

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_sandbox(config: &std::path::Path, orders: u32) -> (Sandbox, serde_json::Value) {
    let mut child = meridian()
        .args(["sandbox", "--orders", &orders.to_string(), "--seed", "5", "--now", "2026-11-20T12:00:00Z", "--write-config"])
        .arg(config)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start the sandbox");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).expect("the sandbox prints its endpoints");
    let info: serde_json::Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("the first line is JSON ({e}): {line:?}"));
    (Sandbox(child), info)
}

async fn fingerprint(db: &std::path::Path) -> Vec<String> {
    let store = meridian_store::Store::open(&db.display().to_string()).await.unwrap();
    let f = store.sync_fingerprint().await.unwrap();
    store.close().await;
    f
}

async fn orders_in(db: &std::path::Path) -> i64 {
    match meridian_store::Store::open(&db.display().to_string()).await {
        Ok(s) => {
            let n = s.stats().await.map(|s| s.orders).unwrap_or(0);
            s.close().await;
            n
        }
        Err(_) => 0,
    }
}

#[tokio::test]
async fn a_killed_sync_resumes_to_the_same_store_as_a_clean_one() {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        eprintln!("SKIPPED: no D-Bus session for the OS keyring; run through `make test`");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("connectors.toml");
    let (_sandbox, info) = start_sandbox(&config, 150);
    assert!(info["totals"]["orders"].as_u64().unwrap() == 150, "{info}");
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(!text.contains("shpat_") && !text.contains("ck_") && !text.contains("Atzr|"), "no secret in the config file:\n{text}");

    // An uninterrupted sync.
    let clean = dir.path().join("clean.db");
    let out = meridian().args(["sync", "--once", "--config"]).arg(&config).arg("--db").arg(&clean).output().unwrap();
    assert!(out.status.success(), "{}\n{}", String::from_utf8_lossy(&out.stderr), String::from_utf8_lossy(&out.stdout));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON summary");
    assert!(summary["platforms"]["shopify"]["orders"].as_u64().unwrap() > 0, "{summary}");
    assert!(summary["requests"].as_u64().unwrap() > 0);

    // One killed as soon as it has stored something, then run again.
    let killed = dir.path().join("killed.db");
    let mut child = meridian().args(["sync", "--once", "--config"]).arg(&config).arg("--db").arg(&killed).stdout(Stdio::null()).spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if orders_in(&killed).await > 0 {
            break;
        }
        assert!(Instant::now() < deadline, "the sync stored nothing in a minute");
        assert!(child.try_wait().unwrap().is_none(), "the sync ended before it could be killed");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let partial = orders_in(&killed).await;
    assert!(partial < 150, "killed midway ({partial} orders stored)");
    let out = meridian().args(["sync", "--once", "--config"]).arg(&config).arg("--db").arg(&killed).output().unwrap();
    assert!(out.status.success(), "{}\n{}", String::from_utf8_lossy(&out.stderr), String::from_utf8_lossy(&out.stdout));

    assert_eq!(fingerprint(&killed).await, fingerprint(&clean).await);
}

/// Replies being sent when `meridian sync` is killed with SIGKILL: none leaves twice, none
/// is lost — each is sent (exactly one copy at the mail server) or failed as interrupted
/// for an agent to check.
#[tokio::test]
async fn replies_survive_a_kill_without_a_second_copy() {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        eprintln!("SKIPPED: no D-Bus session for the OS keyring; run through `make test`");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("connectors.toml");
    let (_sandbox, info) = start_sandbox(&config, 40);
    let control = info["endpoints"]["control"].as_str().unwrap().to_owned();
    // Only the mail server matters here: leave the platforms out of this config.
    let mut cfg = meridian_connectors::Config::from_toml(&std::fs::read_to_string(&config).unwrap()).unwrap();
    (cfg.shopify, cfg.amazon, cfg.woocommerce, cfg.track17, cfg.aftership) = (vec![], vec![], vec![], None, None);
    std::fs::write(&config, cfg.to_toml()).unwrap();
    let db = dir.path().join("replies.db");
    let out = meridian().args(["seed", "--demo", "--db"]).arg(&db).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // Replies to every conversation whose customer has an address, due at once.
    let store = meridian_store::Store::open(&db.display().to_string()).await.unwrap();
    let mut filter = meridian_store::InboxFilter::default();
    filter.limit = Some(200);
    let mut queued = 0;
    let mut cursor = None;
    loop {
        filter.after = cursor.clone();
        let page = store.inbox(&filter).await.unwrap();
        for item in &page.items {
            store.send_reply(item.id, "e2e", &format!("Reply {queued}"), jiff::Timestamp::now(), jiff::SignedDuration::ZERO).await.unwrap();
            queued += 1;
        }
        match page.next {
            Some(n) => cursor = Some(n),
            None => break,
        }
    }
    store.close().await;
    assert!(queued >= 200, "{queued}");

    let mail_count = || async { reqwest::get(format!("{control}/mail")).await.unwrap().json::<Vec<serde_json::Value>>().await.unwrap() };
    let mut child = meridian().args(["sync", "--interval", "3600", "--config"]).arg(&config).arg("--db").arg(&db).stdout(Stdio::null()).spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while mail_count().await.len() < 5 {
        assert!(Instant::now() < deadline, "no reply left in a minute");
        assert!(child.try_wait().unwrap().is_none(), "the sync ended by itself");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    child.kill().unwrap(); // SIGKILL, in the middle of sending
    child.wait().unwrap();
    let out = meridian().args(["sync", "--once", "--config"]).arg(&config).arg("--db").arg(&db).output().unwrap();
    assert!(out.status.success(), "{}\n{}", String::from_utf8_lossy(&out.stderr), String::from_utf8_lossy(&out.stdout));

    let mail = mail_count().await;
    let mut ids: Vec<String> = mail.iter().map(|m| m["message_id"].as_str().unwrap().to_owned()).collect();
    ids.sort();
    let before = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), before, "a reply left twice");
    let store = meridian_store::Store::open(&db.display().to_string()).await.unwrap();
    let items = store.outbox_of_kind("reply").await.unwrap();
    assert_eq!(items.len(), queued, "every reply is in the outbox");
    for i in &items {
        let id = meridian_sync::replies::message_id(&i.idempotency_key);
        match i.state {
            meridian_core::OutboxState::Sent => assert!(ids.binary_search(&id).is_ok(), "{id} is marked sent but never arrived"),
            meridian_core::OutboxState::Failed => assert!(i.last_error.as_deref().unwrap_or("").contains("interrupted"), "{i:?}"),
            other => panic!("a reply is still {other:?} after the sync finished: {i:?}"),
        }
    }
    let failed = items.iter().filter(|i| i.state == meridian_core::OutboxState::Failed).count();
    assert!(failed <= 1, "only the reply in flight at the kill can be in doubt ({failed})");
    assert!(ids.len() >= queued - failed, "every other reply arrived");
}

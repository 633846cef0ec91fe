//! The `meridian` binary end to end: what a user types and what they see.

use std::process::{Command, Output};

fn meridian(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meridian")).args(args).env_remove("MERIDIAN_DB").output().expect("run meridian")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const NOW: &str = "2026-11-20T10:00:00Z";

#[test]
fn seed_then_stats_reports_the_demo_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    let out = meridian(&["seed", "--demo", "--db", db, "--seed", "5", "--now", NOW]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = meridian(&["stats", "--db", db, "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stats is JSON");
    assert!(stats["customers"].as_i64().unwrap() >= 300);
    assert_eq!(stats["orders"], 800);
    assert!(stats["conversations"].as_i64().unwrap() >= 200);
    assert!(stats["languages"].as_i64().unwrap() >= 10);
    assert!(stats["countries"].as_i64().unwrap() >= 12);
    assert!(stats["shipments"].as_i64().unwrap() > 500);
    assert!(stats["messages"].as_i64().unwrap() > stats["conversations"].as_i64().unwrap());
}

#[test]
fn the_same_seed_gives_the_same_store() {
    let dir = tempfile::tempdir().unwrap();
    let stats = |name: &str, seed: &str| {
        let db = dir.path().join(name);
        let db = db.to_str().unwrap();
        assert!(meridian(&["seed", "--demo", "--db", db, "--seed", seed, "--now", NOW]).status.success());
        text(&meridian(&["stats", "--db", db, "--json"]).stdout)
    };
    assert_eq!(stats("a.db", "9"), stats("b.db", "9"));
    assert_ne!(stats("c.db", "10"), stats("a2.db", "9"), "another seed gives another store");
}

#[test]
fn seeding_never_overwrites_data_by_accident() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    assert!(meridian(&["seed", "--demo", "--db", db, "--now", NOW]).status.success());
    let again = meridian(&["seed", "--demo", "--db", db, "--now", NOW]);
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("already holds"), "{}", text(&again.stderr));
    let skip = meridian(&["seed", "--demo", "--db", db, "--if-missing"]);
    assert!(skip.status.success(), "{}", text(&skip.stderr));
    let replaced = meridian(&["seed", "--demo", "--db", db, "--force", "--seed", "2", "--now", NOW]);
    assert!(replaced.status.success(), "{}", text(&replaced.stderr));
}

#[test]
fn bad_input_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing-here.db");
    let out = meridian(&["stats", "--db", missing.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("no store at"), "{}", text(&out.stderr));
    assert!(!missing.exists(), "stats must not create a database");

    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "definitely not a database, just some words in a file").unwrap();
    let out = meridian(&["stats", "--db", junk.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("not a Meridian database or is damaged"), "{}", text(&out.stderr));

    let out = meridian(&["seed", "--db", dir.path().join("x.db").to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("--demo"), "{}", text(&out.stderr));
}

#[test]
fn help_documents_every_command() {
    let out = meridian(&["--help"]);
    let help = text(&out.stdout);
    for cmd in ["seed", "stats"] {
        assert!(help.contains(cmd), "{help}");
    }
}

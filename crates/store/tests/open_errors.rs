//! Opening bad SQLite files gives a clear error and touches nothing.

use meridian_store::{Store, StoreError};
use meridian_testkit::TempSqlite;

#[tokio::test]
async fn a_file_that_is_not_a_database_is_corrupt() {
    let t = TempSqlite::new();
    std::fs::write(&t.path, b"this is a text file, not SQLite, and it is long enough").unwrap();
    let err = Store::open(&t.url()).await.unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert_eq!(err.code(), "db-corrupt");
    assert_eq!(std::fs::read(&t.path).unwrap(), b"this is a text file, not SQLite, and it is long enough", "left untouched");
}

#[tokio::test]
async fn a_damaged_database_is_corrupt() {
    let t = TempSqlite::new();
    {
        let (seeded, _) = meridian_testkit::TestStore::seeded(meridian_testkit::Backend::Sqlite).await;
        seeded.store.close().await;
        let path = seeded.location.clone();
        // Checkpoint into the main file, then scribble over the middle of it.
        let again = Store::open(&path).await.unwrap();
        again.close().await;
        let mut bytes = std::fs::read(&path).unwrap();
        let mid = bytes.len() / 3;
        for b in &mut bytes[100..mid] {
            *b = 0x5a;
        }
        std::fs::write(&t.path, bytes).unwrap();
    }
    match Store::open(&t.url()).await {
        Err(e) => assert!(matches!(e, StoreError::Corrupt { .. }), "{e}"),
        Ok(store) => {
            // SQLite may open a file whose damage is in pages not yet read; reading must fail cleanly.
            let err = store.stats().await.expect_err("damaged pages must not read as data");
            assert_eq!(err.code(), "db-corrupt", "{err}");
        }
    }
}

#[tokio::test]
async fn a_newer_schema_is_refused() {
    let t = TempSqlite::new();
    let store = Store::open(&t.url()).await.unwrap();
    store.set_setting("x", "y").await.unwrap();
    let mut w = store.writer().await.unwrap();
    w.raw_for_tests("UPDATE meridian_meta SET value = '999' WHERE key = 'schema_version'").await.unwrap();
    w.commit().await.unwrap();
    store.close().await;
    let err = Store::open(&t.url()).await.unwrap_err();
    match &err {
        StoreError::NewerSchema { found, supported, .. } => {
            assert_eq!(*found, 999);
            assert_eq!(*supported, meridian_store::SCHEMA_VERSION);
        }
        other => panic!("{other}"),
    }
}

#[tokio::test]
async fn a_missing_directory_is_created_and_an_unwritable_place_is_an_io_error() {
    let t = TempSqlite::new();
    let nested = t.dir.path().join("a/b/meridian.db");
    Store::open(&nested.display().to_string()).await.unwrap();
    assert!(nested.exists());
    let file_as_dir = t.dir.path().join("plain-file");
    std::fs::write(&file_as_dir, b"x").unwrap();
    let err = Store::open(&file_as_dir.join("meridian.db").display().to_string()).await.unwrap_err();
    assert!(matches!(err, StoreError::Io { .. } | StoreError::Connect { .. }), "{err}");
}

#[tokio::test]
async fn an_older_database_is_copied_before_it_is_migrated() {
    let t = TempSqlite::new();
    let store = Store::open(&t.url()).await.unwrap();
    store.set_setting("kept", "yes").await.unwrap();
    // Put the file back at schema 1, as a previous release left it.
    let mut w = store.writer().await.unwrap();
    for sql in [
        "DROP TRIGGER messages_cjk_delete",
        "DROP TABLE messages_cjk",
        "DROP TABLE business_hours",
        "DROP TABLE sync_checkpoints",
        "DROP TABLE connector_health",
        "ALTER TABLE conversations DROP COLUMN ai_paused",
        "ALTER TABLE conversations DROP COLUMN snoozed_until",
        "ALTER TABLE conversations DROP COLUMN claimed_by",
        "ALTER TABLE conversations DROP COLUMN claimed_at",
        "DROP TABLE business_calendars",
        "DROP TABLE public_holidays",
        "DROP TABLE agent_days_off",
        "DROP TABLE agent_shifts",
        "DROP TABLE agent_languages",
        "ALTER TABLE agents DROP COLUMN country",
        "UPDATE meridian_meta SET value = '1' WHERE key = 'schema_version'",
    ] {
        w.raw_for_tests(sql).await.unwrap();
    }
    w.commit().await.unwrap();
    store.close().await;

    let migrated = Store::open(&t.url()).await.unwrap();
    assert_eq!(migrated.schema_version().await.unwrap(), meridian_store::SCHEMA_VERSION);
    let backup = migrated.backup_path().expect("a copy was made before migrating").to_owned();
    assert!(backup.display().to_string().ends_with("meridian.db.v1.bak"), "{}", backup.display());
    assert_eq!(migrated.setting("kept").await.unwrap().as_deref(), Some("yes"), "data survives the migration");
    migrated.close().await;
    // The copy is the old database, openable (and migratable) on its own.
    let copy = Store::open(&backup.display().to_string()).await.unwrap();
    assert_eq!(copy.setting("kept").await.unwrap().as_deref(), Some("yes"));
}

#[tokio::test]
async fn messages_written_before_the_cjk_index_are_indexed_when_migrating() {
    let (seeded, world) = meridian_testkit::TestStore::seeded(meridian_testkit::Backend::Sqlite).await;
    let mut w = seeded.store.writer().await.unwrap();
    for sql in ["DROP TABLE sync_checkpoints", "DROP TABLE connector_health", "ALTER TABLE conversations DROP COLUMN ai_paused", "ALTER TABLE conversations DROP COLUMN snoozed_until", "ALTER TABLE conversations DROP COLUMN claimed_by", "ALTER TABLE conversations DROP COLUMN claimed_at", "DROP TRIGGER messages_cjk_delete", "DROP TABLE messages_cjk", "UPDATE meridian_meta SET value = '2' WHERE key = 'schema_version'"] {
        w.raw_for_tests(sql).await.unwrap();
    }
    w.commit().await.unwrap();
    seeded.store.close().await;
    let store = Store::open(&seeded.location).await.unwrap();
    // A two-character Chinese or Japanese word from the world finds every conversation holding it.
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3040}'..='\u{30ff}').contains(&c);
    let word: String = world
        .conversations
        .iter()
        .flat_map(|c| c.messages.iter())
        .find_map(|m| m.text.chars().collect::<Vec<_>>().windows(2).find(|w| w.iter().all(|c| cjk(*c))).map(|w| w.iter().collect()))
        .expect("the world has Chinese or Japanese text");
    let expected = world.conversations.iter().filter(|c| c.messages.iter().any(|m| m.text.contains(&word))).count();
    let found = store.inbox(&meridian_store::InboxFilter { query: Some(word.clone()), limit: Some(200), ..Default::default() }).await.unwrap().items.len();
    assert_eq!(found, expected, "{word}");
}

#[tokio::test]
async fn two_processes_creating_the_same_file_do_not_trip_over_each_other() {
    let t = meridian_testkit::TempSqlite::new();
    let opens = (0..4).map(|_| {
        let url = t.url();
        tokio::spawn(async move { Store::open(&url).await.map(|s| s.location().to_owned()) })
    });
    for o in opens {
        o.await.unwrap().expect("every concurrent first open succeeds");
    }
    let s = Store::open(&t.url()).await.unwrap();
    assert_eq!(s.schema_version().await.unwrap(), meridian_store::SCHEMA_VERSION);
}

//! Opening a store: telling SQLite files from PostgreSQL URLs, refusing damaged or newer
//! files with a clear error, copying the file before a migration, and migrating.

use crate::error::{sqlite_code, Doing, SQLITE_BUSY, SQLITE_CORRUPT, SQLITE_LOCKED, SQLITE_NOTADB};
use crate::{Result, Store, StoreError};
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Executor, Row};
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The newest schema this build knows.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

struct Migration {
    common: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        common: include_str!("migrations/0001_base.sql"),
        sqlite: include_str!("migrations/0001_search_sqlite.sql"),
        postgres: include_str!("migrations/0001_search_postgres.sql"),
    },
    Migration { common: include_str!("migrations/0002_team.sql"), sqlite: "", postgres: "" },
    Migration { common: "", sqlite: include_str!("migrations/0003_cjk_search_sqlite.sql"), postgres: "" },
    Migration { common: include_str!("migrations/0004_sync.sql"), sqlite: "", postgres: "" },
    Migration { common: include_str!("migrations/0005_workflow.sql"), sqlite: "", postgres: "" },
];

/// Set on every SQLite connection: enforce references, wait for a writer up to 5 s, and
/// with WAL, sync at checkpoints only (safe against crashes, not against power loss of the
/// last transactions, which is the usual desktop trade-off).
const CONNECTION_PRAGMAS: &str = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens (creating if needed) the store at `location`: a file path, a `sqlite:` URL or a
    /// `postgres://` URL, and brings its schema up to date.
    pub async fn open(location: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        if location.starts_with("postgres://") || location.starts_with("postgresql://") {
            Self::open_postgres(location).await
        } else {
            let path = location.strip_prefix("sqlite://").or_else(|| location.strip_prefix("sqlite:")).unwrap_or(location);
            Self::open_sqlite(Path::new(path)).await
        }
    }

    async fn open_postgres(url: &str) -> Result<Store> {
        let shown = redact_url(url);
        let pool = AnyPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await
            .map_err(|source| StoreError::Connect { location: shown.clone(), source })?;
        let mut store = Store { pool, backend: Backend::Postgres, location: shown, sqlite_path: None, backup: None };
        store.migrate().await?;
        Ok(store)
    }

    async fn open_sqlite(path: &Path) -> Result<Store> {
        let io = |source| StoreError::Io { path: path.to_owned(), source };
        match std::fs::File::open(path) {
            Ok(mut f) => {
                use std::io::Read;
                let mut head = [0u8; 16];
                let n = f.read(&mut head).map_err(io)?;
                if n > 0 && (n < 16 || &head != SQLITE_MAGIC) {
                    return Err(StoreError::Corrupt { path: path.to_owned(), detail: "the file does not start with a SQLite header".into() });
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(io)?;
                }
            }
            Err(e) => return Err(io(e)),
        }
        let url = format!("sqlite://{}?mode=rwc", percent_encode_path(path));
        let classify = |source: sqlx::Error| sqlite_open_error(path, source);
        // One plain connection first: a pool would retry a damaged or locked file until its
        // timeout and report only that, where this reports what SQLite said.
        {
            use sqlx::Connection;
            let mut probe = sqlx::AnyConnection::connect(&url).await.map_err(classify)?;
            probe.execute(CONNECTION_PRAGMAS).await.map_err(classify)?;
            sqlx::query("SELECT COUNT(*) FROM sqlite_master").execute(&mut probe).await.map_err(classify)?;
            probe.close().await.map_err(classify)?;
        }
        let pool = AnyPoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute(CONNECTION_PRAGMAS).await?;
                    Ok(())
                })
            })
            .connect(&url)
            .await
            .map_err(classify)?;
        // WAL lets the app read while sync writes; it is a property of the file.
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode = WAL").fetch_one(&pool).await.map_err(classify)?;
        if !mode.eq_ignore_ascii_case("wal") {
            tracing::warn!(%mode, "SQLite refused WAL mode");
        }
        let mut store = Store {
            pool,
            backend: Backend::Sqlite,
            location: path.display().to_string(),
            sqlite_path: Some(path.to_owned()),
            backup: None,
        };
        store.migrate().await.map_err(|e| match e {
            StoreError::Query { source, .. } | StoreError::Migration { source, .. } if is_damage(&source) => sqlite_open_error(path, source),
            other => other,
        })?;
        Ok(store)
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The schema version the database is at (0 for a new one).
    pub async fn schema_version(&self) -> Result<i64> {
        read_version(&self.pool).await
    }

    async fn migrate(&mut self) -> Result<()> {
        self.pool
            .execute("CREATE TABLE IF NOT EXISTS meridian_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            .await
            .doing("preparing the schema table")?;
        let found = read_version(&self.pool).await?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema { path: self.location.clone().into(), found, supported: SCHEMA_VERSION });
        }
        if found == SCHEMA_VERSION {
            return Ok(());
        }
        if found > 0 {
            self.backup = Some(self.backup_before_migration(found).await?);
        }
        for (i, m) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            let version = i as i64 + 1;
            let (pk, extra) = match self.backend {
                Backend::Sqlite => ("INTEGER PRIMARY KEY", m.sqlite),
                Backend::Postgres => ("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", m.postgres),
            };
            let sql = format!("{}\n{}", m.common.replace("{{pk}}", pk), extra);
            let err = |source| StoreError::Migration { location: self.location.clone(), version, source };
            // Another process may be migrating the same file right now (the app and the
            // command line starting together): take the write lock first, then look again.
            let mut tx = match self.backend {
                Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await.map_err(err)?,
                Backend::Postgres => {
                    let mut tx = self.pool.begin().await.map_err(err)?;
                    tx.execute("LOCK TABLE meridian_meta IN EXCLUSIVE MODE").await.map_err(err)?;
                    tx
                }
            };
            let now_at: Option<String> = sqlx::query_scalar("SELECT value FROM meridian_meta WHERE key = 'schema_version'")
                .fetch_optional(&mut *tx)
                .await
                .map_err(err)?;
            if now_at.and_then(|v| v.parse::<i64>().ok()).unwrap_or(0) >= version {
                tx.rollback().await.map_err(err)?;
                continue;
            }
            for statement in split_statements(&sql) {
                tx.execute(sqlx::AssertSqlSafe(statement)).await.map_err(err)?;
            }
            sqlx::query("INSERT INTO meridian_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                .bind(version.to_string())
                .execute(&mut *tx)
                .await
                .map_err(err)?;
            tx.commit().await.map_err(err)?;
        }
        if self.backend == Backend::Sqlite && found < 3 && found > 0 {
            self.backfill_cjk_index().await?;
        }
        Ok(())
    }

    /// Indexes the CJK characters of messages written before schema 3, in batches.
    async fn backfill_cjk_index(&self) -> Result<()> {
        let mut after = 0i64;
        loop {
            let rows = sqlx::query("SELECT id, body_text FROM messages WHERE id > $1 ORDER BY id LIMIT 2000")
                .bind(after)
                .fetch_all(&self.pool)
                .await
                .doing("reading messages to index")?;
            let Some(last) = rows.last() else { return Ok(()) };
            after = last.try_get(0).doing("reading messages to index")?;
            let mut tx = self.pool.begin().await.doing("indexing messages")?;
            for r in &rows {
                let id: i64 = r.try_get(0).doing("reading messages to index")?;
                let text: String = r.try_get(1).doing("reading messages to index")?;
                crate::write::index_cjk(&mut tx, id, &text).await?;
            }
            tx.commit().await.doing("indexing messages")?;
        }
    }

    /// Copies the SQLite file beside itself ("meridian.db.v1.bak") before a migration, with
    /// VACUUM INTO so the copy is consistent even while WAL holds recent writes.
    async fn backup_before_migration(&self, version: i64) -> Result<PathBuf> {
        let Some(path) = &self.sqlite_path else { return Ok(PathBuf::new()) };
        let mut backup = path.as_os_str().to_owned();
        backup.push(format!(".v{version}.bak"));
        let backup = PathBuf::from(backup);
        if backup.exists() {
            std::fs::remove_file(&backup).map_err(|source| StoreError::Io { path: backup.clone(), source })?;
        }
        sqlx::query("VACUUM INTO $1")
            .bind(backup.display().to_string())
            .execute(&self.pool)
            .await
            .doing("copying the database before migrating it")?;
        Ok(backup)
    }
}

async fn read_version(pool: &AnyPool) -> Result<i64> {
    let row = sqlx::query("SELECT value FROM meridian_meta WHERE key = 'schema_version'")
        .fetch_optional(pool)
        .await
        .doing("reading the schema version")?;
    match row {
        None => Ok(0),
        Some(row) => {
            let v: String = row.try_get(0).doing("reading the schema version")?;
            v.parse().map_err(|_| StoreError::Invalid { what: "schema version", detail: v })
        }
    }
}

fn is_damage(e: &sqlx::Error) -> bool {
    matches!(sqlite_code(e), Some(SQLITE_CORRUPT | SQLITE_NOTADB | SQLITE_BUSY | SQLITE_LOCKED))
}

fn sqlite_open_error(path: &Path, source: sqlx::Error) -> StoreError {
    match sqlite_code(&source) {
        Some(SQLITE_CORRUPT | SQLITE_NOTADB) => StoreError::Corrupt { path: path.to_owned(), detail: source.to_string() },
        Some(SQLITE_BUSY | SQLITE_LOCKED) => StoreError::Locked { path: path.to_owned() },
        _ => StoreError::Connect { location: path.display().to_string(), source },
    }
}

/// Splits a migration into statements at semicolons that end a line, keeping trigger
/// bodies (BEGIN … END;) whole.
fn split_statements(sql: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut in_trigger = false;
    for line in sql.lines() {
        let code = line.split("--").next().unwrap_or("").trim_end();
        if code.trim().is_empty() {
            continue;
        }
        current.push_str(code);
        current.push('\n');
        let upper = code.trim().to_ascii_uppercase();
        if upper.starts_with("CREATE TRIGGER") {
            in_trigger = true;
        }
        let ends = if in_trigger { upper == "END;" } else { code.ends_with(';') };
        if ends {
            in_trigger = false;
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
    out
}

fn percent_encode_path(path: &Path) -> String {
    let mut out = String::new();
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/._-~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// "postgres://user:secret@host/db" → "postgres://user@host/db": never log a password.
pub(crate) fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let creds = &url[scheme_end + 3..at];
            let user = creds.split(':').next().unwrap_or("");
            format!("{}{}{}", &url[..scheme_end + 3], user, &url[at..])
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_split_but_triggers_stay_whole() {
        let sql = "CREATE TABLE a (x INT); -- note\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n  INSERT INTO b VALUES (1);\n  INSERT INTO b VALUES (2);\nEND;\nCREATE INDEX i ON a (x);";
        let parts = split_statements(sql);
        assert_eq!(parts.len(), 3, "{parts:?}");
        assert!(parts[1].contains("VALUES (2)"));
    }

    #[test]
    fn passwords_never_appear_in_locations() {
        assert_eq!(redact_url("postgres://app:s3cret@db:5432/x"), "postgres://app@db:5432/x");
        assert_eq!(redact_url("postgres://127.0.0.1/test"), "postgres://127.0.0.1/test");
    }
}

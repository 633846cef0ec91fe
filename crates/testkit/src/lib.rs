//! Shared fixtures for tests: a temporary SQLite store, a throw-away PostgreSQL database on
//! the local server, and either of them seeded with a small demo world.
//!
//! PostgreSQL tests expect the server of these machines (127.0.0.1:5432, trust auth,
//! database `test`); `MERIDIAN_TEST_PG` points elsewhere. When it cannot be reached the
//! tests fail, never skip silently: set `MERIDIAN_SKIP_PG=1` to leave them out on purpose.

pub use meridian_demo::World;
use meridian_demo::{generate, import, Assets, DemoSpec};
use meridian_store::Store;
use std::sync::atomic::{AtomicU32, Ordering};

/// A fixed "now" so that fixtures are the same in every run.
pub fn fixed_now() -> jiff::Timestamp {
    "2026-11-20T10:00:00Z".parse().expect("valid timestamp")
}

/// A small but complete world: every platform, many languages.
pub fn small_world(seed: u64) -> World {
    let assets = Assets::load().expect("demo assets");
    generate(&DemoSpec { seed, customers: 60, orders: 120, conversations: 80, messages_per_conversation: None, now: fixed_now() }, &assets)
}

pub struct TempSqlite {
    pub dir: tempfile::TempDir,
    pub path: std::path::PathBuf,
}

impl TempSqlite {
    pub fn new() -> TempSqlite {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("meridian.db");
        TempSqlite { dir, path }
    }

    pub fn url(&self) -> String {
        self.path.display().to_string()
    }
}

impl Default for TempSqlite {
    fn default() -> Self {
        Self::new()
    }
}

pub fn pg_admin_url() -> String {
    std::env::var("MERIDIAN_TEST_PG").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

pub fn skip_pg() -> bool {
    std::env::var("MERIDIAN_SKIP_PG").is_ok_and(|v| v == "1")
}

/// A PostgreSQL database made for one test and dropped after it.
pub struct TempPostgres {
    pub name: String,
    pub url: String,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

impl TempPostgres {
    pub async fn new() -> TempPostgres {
        let name = format!("meridian_t_{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed));
        let admin = pg_admin_url();
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&admin).await.unwrap_or_else(|e| panic!("PostgreSQL at {admin} is needed for this test ({e}); set MERIDIAN_SKIP_PG=1 to skip"));
        sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name}"))).execute(&pool).await.expect("drop old test database");
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&pool).await.expect("create test database");
        pool.close().await;
        let base = admin.rsplit_once('/').map(|(b, _)| b.to_owned()).unwrap_or(admin);
        TempPostgres { url: format!("{base}/{name}"), name }
    }
}

impl Drop for TempPostgres {
    fn drop(&mut self) {
        let name = self.name.clone();
        // Drop runs outside async; a short-lived runtime on its own thread does the cleanup.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
            rt.block_on(async {
                let pool = sqlx::AnyPool::connect(&pg_admin_url()).await.ok()?;
                sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))).execute(&pool).await.ok()?;
                pool.close().await;
                Some(())
            })
        })
        .join();
    }
}

/// Which backend a store test runs on.
#[derive(Debug, Clone, Copy)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A fresh store on `backend`, kept alive with whatever holds its files or database.
pub struct TestStore {
    pub store: Store,
    pub location: String,
    _sqlite: Option<TempSqlite>,
    _pg: Option<TempPostgres>,
}

impl TestStore {
    pub async fn new(backend: Backend) -> TestStore {
        match backend {
            Backend::Sqlite => {
                let t = TempSqlite::new();
                let store = Store::open(&t.url()).await.expect("open SQLite store");
                TestStore { store, location: t.url(), _sqlite: Some(t), _pg: None }
            }
            Backend::Postgres => {
                let t = TempPostgres::new().await;
                let store = Store::open(&t.url).await.expect("open PostgreSQL store");
                TestStore { store, location: t.url.clone(), _sqlite: None, _pg: Some(t) }
            }
        }
    }

    /// A fresh store with the small demo world imported.
    pub async fn seeded(backend: Backend) -> (TestStore, World) {
        let t = TestStore::new(backend).await;
        let world = small_world(7);
        import(&t.store, &world).await.expect("import demo world");
        (t, world)
    }
}

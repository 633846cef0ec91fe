//! The store: Meridian's single repository API over embedded SQLite (the default, one file
//! in the user's data directory) and PostgreSQL (team mode). Callers never write SQL.
//!
//! Invariants: queries are written once for both backends (`$N` placeholders, portable SQL;
//! the only backend-specific parts are the schema's key type and full-text search). A
//! SQLite file is copied before it is migrated. Opening never panics: a damaged, locked or
//! newer file becomes a `StoreError` the app can show.

mod error;
mod open;
mod outbox;
mod read;
mod sync;
mod team;
mod views;
mod workflow;
mod write;

pub use error::{Result, StoreError};
pub use open::{Backend, SCHEMA_VERSION};
pub use outbox::Outcome;
pub use team::{AgentCalendar, AgentLanguage, BusinessCalendarRecord, Holiday, TeamCalendar, WeeklyWindow};
pub use sync::{new_store_front, Checkpoint, ConnectorHealth, ParcelToTrack};
pub use views::*;
pub use workflow::{ClaimView, WorkflowAction, WorkflowView, CLAIM_TTL};
pub use write::{NewMessage, Writer};

use sqlx::AnyPool;
use std::path::PathBuf;

/// An open store. Cheap to clone; all clones share one connection pool.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// The SQLite file, or the PostgreSQL URL without credentials, for messages.
    location: String,
    sqlite_path: Option<PathBuf>,
    /// Where the file was copied before the last migration, if one happened.
    backup: Option<PathBuf>,
}

impl Store {
    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn location(&self) -> &str {
        &self.location
    }

    pub fn sqlite_path(&self) -> Option<&std::path::Path> {
        self.sqlite_path.as_deref()
    }

    /// The copy made before migrating this database, when this open migrated it.
    pub fn backup_path(&self) -> Option<&std::path::Path> {
        self.backup.as_deref()
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Where the embedded store lives unless told otherwise: `MERIDIAN_DB`, else
/// `meridian.db` in the user's data directory (XDG on Linux, Application Support on macOS,
/// AppData on Windows). The desktop app and the CLI both use this.
pub fn default_location() -> PathBuf {
    if let Some(p) = std::env::var_os("MERIDIAN_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join("meridian").join("meridian.db")
}

pub(crate) fn ms(t: jiff::Timestamp) -> i64 {
    t.as_millisecond()
}

pub(crate) fn ts(ms: i64) -> Result<jiff::Timestamp> {
    jiff::Timestamp::from_millisecond(ms).map_err(|e| StoreError::Invalid { what: "timestamp", detail: e.to_string() })
}

pub(crate) fn parse<T: std::str::FromStr<Err = meridian_core::UnknownValue>>(s: &str) -> Result<T> {
    s.parse().map_err(|e: meridian_core::UnknownValue| StoreError::Invalid { what: e.kind, detail: e.to_string() })
}

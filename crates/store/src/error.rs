//! What can go wrong with the store, in terms a person can act on.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not a Meridian database or is damaged ({detail})")]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path} is in use by another program and stayed locked")]
    Locked { path: PathBuf },
    #[error("{path} was written by a newer Meridian (schema {found}, this version knows up to {supported})")]
    NewerSchema { path: PathBuf, found: i64, supported: i64 },
    #[error("cannot open {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("cannot connect to the database at {location}: {source}")]
    Connect { location: String, source: sqlx::Error },
    #[error("migrating {location} to schema {version} failed: {source}")]
    Migration { location: String, version: i64, source: sqlx::Error },
    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: String },
    #[error("stored {what} is invalid: {detail}")]
    Invalid { what: &'static str, detail: String },
    #[error("database error while {doing}: {source}")]
    Query { doing: &'static str, source: sqlx::Error },
}

impl StoreError {
    /// A short stable code the UI turns into a sentence in the user's language.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Corrupt { .. } => "db-corrupt",
            StoreError::Locked { .. } => "db-locked",
            StoreError::NewerSchema { .. } => "db-newer-schema",
            StoreError::Io { .. } => "db-io",
            StoreError::Connect { .. } => "db-connect",
            StoreError::Migration { .. } => "db-migration",
            StoreError::NotFound { .. } => "not-found",
            StoreError::Invalid { .. } => "db-invalid",
            StoreError::Query { source, .. } if matches!(sqlite_code(source), Some(SQLITE_CORRUPT | SQLITE_NOTADB)) => "db-corrupt",
            StoreError::Query { .. } => "db-query",
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Attaches what the store was doing to a database error.
pub(crate) trait Doing<T> {
    fn doing(self, doing: &'static str) -> Result<T>;
}

impl<T> Doing<T> for std::result::Result<T, sqlx::Error> {
    fn doing(self, doing: &'static str) -> Result<T> {
        self.map_err(|source| StoreError::Query { doing, source })
    }
}

/// SQLite's primary result codes that mean "this file is damaged" and "someone holds it".
pub(crate) fn sqlite_code(e: &sqlx::Error) -> Option<i64> {
    match e {
        sqlx::Error::Database(db) => db.code().and_then(|c| c.parse::<i64>().ok()).map(|c| c & 0xff),
        _ => None,
    }
}
pub(crate) const SQLITE_BUSY: i64 = 5;
pub(crate) const SQLITE_LOCKED: i64 = 6;
pub(crate) const SQLITE_CORRUPT: i64 = 11;
pub(crate) const SQLITE_NOTADB: i64 = 26;

//! The one error type commands return: a stable code the UI maps to a Fluent message, the
//! arguments that message needs, and the sentence already translated for logs and fallbacks.

use meridian_store::StoreError;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AppError {
    pub code: String,
    pub message: String,
    pub args: BTreeMap<String, String>,
}

impl AppError {
    pub fn new(code: &str, args: &[(&str, String)], locale: &str) -> AppError {
        let message = crate::state::translator().tr(locale, &format!("error-{code}"), args);
        AppError { code: code.into(), message, args: args.iter().map(|(k, v)| (k.to_string(), v.clone())).collect() }
    }

    pub fn from_store(e: &StoreError, locale: &str) -> AppError {
        let args: Vec<(&str, String)> = match e {
            StoreError::Corrupt { path, .. } | StoreError::Locked { path } | StoreError::Io { path, .. } => vec![("path", path.display().to_string())],
            StoreError::NewerSchema { path, found, supported } => vec![("path", path.display().to_string()), ("found", found.to_string()), ("supported", supported.to_string())],
            StoreError::Connect { location, .. } => vec![("location", location.clone())],
            StoreError::Migration { location, version, .. } => vec![("location", location.clone()), ("version", version.to_string())],
            StoreError::NotFound { what, id } => vec![("what", what.to_string()), ("id", id.clone())],
            StoreError::Invalid { what, .. } => vec![("what", what.to_string())],
            StoreError::Query { doing, .. } => vec![("doing", doing.to_string()), ("path", String::new())],
        };
        // The full technical detail goes to the log, not to the screen.
        tracing::warn!(code = e.code(), error = %e, "store error");
        AppError::new(e.code(), &args, locale)
    }
}

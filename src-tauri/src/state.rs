//! What the app holds while it runs: the open store (or why it could not be opened), the
//! agent's locale, and the translator.

use crate::error::AppError;
use meridian_i18n::Translator;
use meridian_store::Store;
use std::path::PathBuf;
use std::sync::{OnceLock, RwLock};

pub fn translator() -> &'static Translator {
    static T: OnceLock<Translator> = OnceLock::new();
    // The .ftl files are compiled in and checked by meridian-i18n's tests.
    T.get_or_init(|| Translator::new().expect("compiled-in locales parse"))
}

pub struct AppState {
    pub store: Option<Store>,
    /// Why the store could not be opened, shown by the UI instead of the panes.
    pub open_error: Option<AppError>,
    pub location: PathBuf,
    pub locale: RwLock<String>,
    pub sync: std::sync::Arc<crate::sync::SyncSlot>,
}

impl AppState {
    pub fn locale(&self) -> String {
        self.locale.read().map(|l| l.clone()).unwrap_or_else(|_| meridian_i18n::LOCALES[0].to_owned())
    }

    pub fn store(&self) -> Result<&Store, AppError> {
        match (&self.store, &self.open_error) {
            (Some(s), _) => Ok(s),
            (None, Some(e)) => Err(e.clone()),
            (None, None) => Err(AppError::new("db-connect", &[("location", self.location.display().to_string())], &self.locale())),
        }
    }

    /// Where the connector config lives (see `sync::config_location`).
    pub fn connectors_path(&self) -> PathBuf {
        crate::sync::config_location(&self.location)
    }

    /// Copies of the database made before migrations, newest first, to offer when it fails to open.
    pub fn backups(&self) -> Vec<String> {
        let Some(dir) = self.location.parent() else { return vec![] };
        let Some(name) = self.location.file_name().and_then(|n| n.to_str()) else { return vec![] };
        let mut found: Vec<(std::time::SystemTime, String)> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_name().to_str().is_some_and(|f| f.starts_with(name) && f.ends_with(".bak")))
            .map(|e| (e.metadata().and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH), e.path().display().to_string()))
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0));
        found.into_iter().map(|(_, p)| p).collect()
    }
}

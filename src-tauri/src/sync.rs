//! The sync inside the app: when a connector config exists (`--connectors PATH`,
//! `MERIDIAN_CONNECTORS`, or `connectors.toml` beside the database), the app backfills and
//! follows the stores with the credentials in the OS keyring, receives webhooks, and tells
//! the UI what changed ("order-changed", "sync-status") so open panes update by themselves.

use meridian_connectors::Config;
use meridian_sync::{Change, Connections, Keyring, Syncer};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;
use tauri::{AppHandle, Emitter};

/// What the status bar shows about the sync itself (connector health comes from the store).
#[derive(Default)]
pub struct SyncSlot {
    pub syncer: RwLock<Option<Arc<Syncer>>>,
    /// Why the sync could not start (no config is not an error: it is simply off).
    pub error: RwLock<Option<String>>,
    pub config_path: RwLock<Option<PathBuf>>,
    /// Bumped on every (re)start; a loop of an older generation stops.
    generation: std::sync::atomic::AtomicU64,
}

impl SyncSlot {
    pub fn syncer(&self) -> Option<Arc<Syncer>> {
        self.syncer.read().ok().and_then(|s| s.clone())
    }
    pub fn error(&self) -> Option<String> {
        self.error.read().ok().and_then(|e| e.clone())
    }
    fn fail(&self, message: String) {
        tracing::warn!("sync not started: {message}");
        if let Ok(mut e) = self.error.write() {
            *e = Some(message);
        }
    }
}

/// The connector config the app uses, if any.
pub fn config_location(db: &std::path::Path) -> PathBuf {
    crate::path_arg("--connectors")
        .or_else(|| std::env::var_os("MERIDIAN_CONNECTORS").map(PathBuf::from))
        .unwrap_or_else(|| db.with_file_name("connectors.toml"))
}

/// Stops the running sync (if any) and starts it again with the current config and keyring.
pub fn restart(app: AppHandle, store: meridian_store::Store, slot: Arc<SyncSlot>, db: PathBuf) {
    if let Ok(mut e) = slot.error.write() {
        *e = None;
    }
    start(app, store, slot, db);
}

/// Starts the sync in the background when a config exists.
pub fn start(app: AppHandle, store: meridian_store::Store, slot: Arc<SyncSlot>, db: PathBuf) {
    use std::sync::atomic::Ordering;
    let generation = slot.generation.fetch_add(1, Ordering::SeqCst) + 1;
    let path = config_location(&db);
    if !path.exists() {
        return;
    }
    if let Ok(mut p) = slot.config_path.write() {
        *p = Some(path.clone());
    }
    tauri::async_runtime::spawn(async move {
        let config = match std::fs::read_to_string(&path).map_err(|e| e.to_string()).and_then(|t| Config::from_toml(&t)) {
            Ok(c) => c,
            Err(e) => return slot.fail(format!("the connector config {} is not valid: {e}", path.display())),
        };
        let cfg = config.clone();
        let conns = match tauri::async_runtime::spawn_blocking(move || Connections::new(&cfg, &Keyring::default())).await {
            Ok(Ok(c)) => c,
            Ok(Err(e)) => return slot.fail(e.to_string()),
            Err(e) => return slot.fail(e.to_string()),
        };
        let syncer = Arc::new(Syncer::new(store, conns));
        forward_changes(app.clone(), &syncer);
        if let Ok(mut s) = slot.syncer.write() {
            *s = Some(syncer.clone());
        }
        let _ = app.emit("sync-status", ());
        match meridian_sync::receiver::serve(syncer.clone(), "127.0.0.1:0".parse().expect("loopback")).await {
            Ok(addr) => {
                if let Some(admin) = &config.sandbox_admin {
                    if let Err(e) = meridian_sync::receiver::subscribe_sandbox(admin, addr).await {
                        tracing::warn!("webhooks from the sandbox: {e}");
                    }
                }
            }
            Err(e) => tracing::warn!("webhook receiver: {e}"),
        }
        let _ = syncer.store.recover_outbox(meridian_sync::writeback::KIND, jiff::Timestamp::now()).await;
        let _ = syncer.recover_replies().await;
        // Replies leave as soon as their undo window ends.
        let replies = (syncer.clone(), slot.clone());
        tauri::async_runtime::spawn(async move {
            while replies.1.generation.load(Ordering::SeqCst) == generation {
                if let Err(e) = replies.0.dispatch_replies().await {
                    tracing::warn!("sending replies: {e}");
                }
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
        });
        let interval = std::env::var("MERIDIAN_SYNC_INTERVAL").ok().and_then(|s| s.parse().ok()).unwrap_or(60u64);
        while slot.generation.load(Ordering::SeqCst) == generation {
            let summary = syncer.run_once().await;
            let _ = syncer.dispatch_writebacks().await;
            tracing::info!(requests = summary.requests, errors = summary.errors.len(), seconds = summary.seconds, "sync pass");
            let _ = app.emit("sync-status", ());
            tokio::time::sleep(Duration::from_secs(interval)).await;
        }
    });
}

/// Order changes become "order-changed" events carrying the order's id.
fn forward_changes(app: AppHandle, syncer: &Syncer) {
    let mut rx = syncer.subscribe();
    tauri::async_runtime::spawn(async move {
        loop {
            match rx.recv().await {
                Ok(Change::Order { order_id }) => {
                    let _ = app.emit("order-changed", order_id);
                }
                Ok(Change::Conversation { conversation_id }) => {
                    let _ = app.emit("conversation-changed", conversation_id);
                }
                Ok(Change::Health) => {
                    let _ = app.emit("sync-status", ());
                }
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                    // Too many changes at once (a backfill): let the UI reload what it shows.
                    let _ = app.emit("order-changed", 0i64);
                }
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
            }
        }
    });
}

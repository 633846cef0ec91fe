//! The commands the UI may call. Each one translates between the UI and a library call;
//! no rule of the business lives here.

use crate::error::AppError;
use crate::state::AppState;
use meridian_core::Message;
use meridian_store::{ConversationView, InboxFacets, InboxFilter, InboxPage, Stats};
use serde::Serialize;
use tauri::State;

/// What the UI needs to start: where the store is, what is in it, who the agent is.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Settings {
    pub locale: String,
    pub available_locales: Vec<String>,
    pub agent_name: String,
    /// IANA zone of this desktop.
    pub agent_time_zone: String,
    pub store_location: String,
    pub stats: Option<Stats>,
    pub open_error: Option<AppError>,
    pub backups: Vec<String>,
}

pub(crate) fn agent_name() -> String {
    std::env::var("MERIDIAN_AGENT").or_else(|_| std::env::var("USER")).or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "agent".into())
}

#[tauri::command]
#[specta::specta]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings, AppError> {
    let locale = state.locale();
    let stats = match &state.store {
        Some(store) => Some(store.stats().await.map_err(|e| AppError::from_store(&e, &locale))?),
        None => None,
    };
    Ok(Settings {
        locale,
        available_locales: meridian_i18n::LOCALES.iter().map(|s| s.to_string()).collect(),
        agent_name: agent_name(),
        agent_time_zone: jiff::tz::TimeZone::system().iana_name().unwrap_or("UTC").to_owned(),
        store_location: state.location.display().to_string(),
        stats,
        open_error: state.open_error.clone(),
        backups: state.backups(),
    })
}

/// Switches the UI language and remembers the choice in the store.
#[tauri::command]
#[specta::specta]
pub async fn set_locale(app: tauri::AppHandle, state: State<'_, AppState>, locale: String) -> Result<(), AppError> {
    let chosen = meridian_i18n::negotiate(&locale);
    if chosen != locale {
        return Err(AppError::new("invalid-input", &[], &state.locale()));
    }
    if let Ok(mut l) = state.locale.write() {
        *l = chosen.to_owned();
    }
    if let Some(store) = &state.store {
        store.set_setting("locale", chosen).await.map_err(|e| AppError::from_store(&e, chosen))?;
    }
    crate::window::set_title(&app, chosen);
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn list_inbox(state: State<'_, AppState>, filter: InboxFilter) -> Result<InboxPage, AppError> {
    state.store()?.inbox(&filter).await.map_err(|e| AppError::from_store(&e, &state.locale()))
}

#[tauri::command]
#[specta::specta]
pub async fn inbox_facets(state: State<'_, AppState>) -> Result<InboxFacets, AppError> {
    state.store()?.inbox_facets().await.map_err(|e| AppError::from_store(&e, &state.locale()))
}

#[tauri::command]
#[specta::specta]
pub async fn open_conversation(state: State<'_, AppState>, id: i64) -> Result<ConversationView, AppError> {
    state.store()?.conversation(id).await.map_err(|e| AppError::from_store(&e, &state.locale()))
}

#[tauri::command]
#[specta::specta]
pub async fn save_draft(state: State<'_, AppState>, conversation_id: i64, body: String) -> Result<(), AppError> {
    state.store()?.save_draft(conversation_id, &body, jiff::Timestamp::now()).await.map_err(|e| AppError::from_store(&e, &state.locale()))
}

#[tauri::command]
#[specta::specta]
pub async fn send_reply(state: State<'_, AppState>, conversation_id: i64, body: String) -> Result<Message, AppError> {
    if body.trim().is_empty() {
        return Err(AppError::new("send-empty", &[], &state.locale()));
    }
    let author = agent_name();
    let store = state.store()?;
    let view = store.conversation(conversation_id).await.map_err(|e| AppError::from_store(&e, &state.locale()))?;
    // Two agents never reply to the same message: another's live claim blocks sending.
    let now = jiff::Timestamp::now();
    if let Some(other) = store.claim_conversation(conversation_id, &author, now).await.map_err(|e| AppError::from_store(&e, &state.locale()))? {
        return Err(AppError::new("conversation-claimed", &[("agent", other.agent)], &state.locale()));
    }
    if let Some(rule) = meridian_core::channel_rules::check(view.conversation.channel, body.trim()) {
        return Err(AppError::new(&format!("channel-{rule}"), &[], &state.locale()));
    }
    let sent = store.send_reply(conversation_id, &author, body.trim_end(), now, undo_window()).await.map_err(|e| AppError::from_store(&e, &state.locale()))?;
    let _ = store.release_claim(conversation_id, &author).await;
    Ok(sent)
}

/// How long a sent reply can be taken back before it leaves (`MERIDIAN_UNDO_SECONDS`, default 10).
fn undo_window() -> jiff::SignedDuration {
    let secs = std::env::var("MERIDIAN_UNDO_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(10i64);
    jiff::SignedDuration::from_secs(secs.clamp(0, 120))
}

/// Takes a reply back during its undo window; its text returns to the reply box.
#[tauri::command]
#[specta::specta]
pub async fn undo_reply(state: State<'_, AppState>, outbox_id: i64) -> Result<Option<String>, AppError> {
    state.store()?.cancel_reply(outbox_id, &agent_name(), jiff::Timestamp::now()).await.map_err(|e| AppError::from_store(&e, &state.locale()))
}

/// Queues a failed reply again.
#[tauri::command]
#[specta::specta]
pub async fn retry_reply(state: State<'_, AppState>, outbox_id: i64) -> Result<bool, AppError> {
    state.store()?.retry_outbox(outbox_id, jiff::Timestamp::now()).await.map_err(|e| AppError::from_store(&e, &state.locale()))
}

/// The UI calls this once its first screen is drawn. Records the cold start (process start to
/// first paint) in the log, and in `MERIDIAN_READY_FILE` when set, for `make bench`.
#[tauri::command]
#[specta::specta]
pub fn report_ready() -> u32 {
    let ms = crate::started().elapsed().as_millis() as u32;
    tracing::info!(ms, "first paint");
    if let Some(path) = std::env::var_os("MERIDIAN_READY_FILE") {
        let _ = std::fs::write(path, ms.to_string());
    }
    ms
}

/// Restarts Meridian on one of the backups offered after a failed open. Only paths the app
/// itself listed are accepted, so the web view cannot make it open an arbitrary file.
#[tauri::command]
#[specta::specta]
pub async fn open_backup(app: tauri::AppHandle, state: State<'_, AppState>, path: String) -> Result<(), AppError> {
    if !state.backups().contains(&path) {
        return Err(AppError::new("invalid-input", &[], &state.locale()));
    }
    let exe = std::env::current_exe().map_err(|e| AppError::new("db-io", &[("path", e.to_string())], &state.locale()))?;
    std::process::Command::new(exe)
        .arg("--db")
        .arg(&path)
        .env_remove("MERIDIAN_DB")
        .spawn()
        .map_err(|e| AppError::new("db-io", &[("path", format!("{path}: {e}"))], &state.locale()))?;
    app.exit(0);
    Ok(())
}

/// What the assist engine makes of a conversation's latest customer message.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AssistView {
    pub language: String,
    pub language_confidence: f64,
    pub intent: meridian_core::Intent,
    pub confidence: f64,
    pub threat: bool,
    pub action: meridian_core::Action,
    pub reason: String,
    /// The grounded reply in the customer's language.
    pub draft: String,
    /// The same reply in the agent's UI language.
    pub draft_for_agent: String,
    /// The store facts the draft used.
    pub facts: Vec<String>,
}

/// Triages the latest customer message of a conversation and drafts the grounded reply.
#[tauri::command]
#[specta::specta]
pub async fn assist_conversation(state: State<'_, AppState>, id: i64) -> Result<AssistView, AppError> {
    let locale = state.locale();
    let view = state.store()?.conversation(id).await.map_err(|e| AppError::from_store(&e, &locale))?;
    let agent = agent_name();
    tauri::async_runtime::spawn_blocking(move || crate::assist::assist(&view, &agent, &locale))
        .await
        .map_err(|e| AppError::new("unexpected", &[("message", e.to_string())], &state.locale()))?
}

/// The sync as the status bar and panes show it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SyncStatus {
    /// A connector config was found (the sync may still have failed to start).
    pub configured: bool,
    /// Why the sync is not running, in words for the agent.
    pub error: Option<String>,
    pub connectors: Vec<meridian_store::ConnectorHealth>,
}

#[tauri::command]
#[specta::specta]
pub async fn sync_status(state: State<'_, AppState>) -> Result<SyncStatus, AppError> {
    let mut connectors = state.store()?.connector_health().await.map_err(|e| AppError::from_store(&e, &state.locale()))?;
    // Connections that have not finished a first pass yet are shown too ("not synced yet").
    if let Some(syncer) = state.sync.syncer() {
        for (key, label) in syncer.conns.keys_and_labels() {
            if !connectors.iter().any(|c| c.connector == key) {
                connectors.push(meridian_store::ConnectorHealth { connector: key, label, last_success: None, last_error: None, error_since: None });
            }
        }
        connectors.sort_by(|a, b| a.connector.cmp(&b.connector));
    }
    let configured = state.sync.config_path.read().map(|p| p.is_some()).unwrap_or(false);
    Ok(SyncStatus { configured, error: state.sync.error(), connectors })
}

/// Fetches one order from its platform now (the pane's refresh button). False when the
/// order's platform is not connected.
#[tauri::command]
#[specta::specta]
pub async fn refresh_order(state: State<'_, AppState>, order_id: i64) -> Result<bool, AppError> {
    let Some(syncer) = state.sync.syncer() else { return Ok(false) };
    syncer.refresh_order(order_id).await.map_err(|e| AppError::new("sync-failed", &[("message", e.to_string())], &state.locale()))
}

/// Sends the conversation's summary (note and tags) or a return request to the order's
/// platform through the outbox. False when the platform accepts none (Amazon).
#[tauri::command]
#[specta::specta]
pub async fn write_back(
    state: State<'_, AppState>,
    conversation_id: i64,
    order_id: i64,
    kind: meridian_sync::writeback::WriteBackKind,
    score: Option<u8>,
) -> Result<bool, AppError> {
    let locale = state.locale();
    let store = state.store()?;
    let queued = meridian_sync::writeback::request(store, conversation_id, order_id, kind, score, jiff::Timestamp::now())
        .await
        .map_err(|e| AppError::from_store(&e, &locale))?;
    if queued {
        if let Some(syncer) = state.sync.syncer() {
            // Send now rather than at the next pass; the outbox keeps it if this fails.
            tauri::async_runtime::spawn(async move {
                let _ = syncer.dispatch_writebacks().await;
            });
        }
    }
    Ok(queued)
}

/// Take over, hand back, snooze, close or reopen a conversation.
#[tauri::command]
#[specta::specta]
pub async fn apply_workflow(state: State<'_, AppState>, conversation_id: i64, action: meridian_store::WorkflowAction) -> Result<String, AppError> {
    state.store()?.apply_workflow(conversation_id, action, &agent_name(), jiff::Timestamp::now()).await.map_err(|e| AppError::from_store(&e, &state.locale()))
}

/// The agent starts writing: claim the conversation. Returns who else is answering, if so.
#[tauri::command]
#[specta::specta]
pub async fn claim_conversation(state: State<'_, AppState>, conversation_id: i64) -> Result<Option<meridian_store::ClaimView>, AppError> {
    state.store()?.claim_conversation(conversation_id, &agent_name(), jiff::Timestamp::now()).await.map_err(|e| AppError::from_store(&e, &state.locale()))
}

#[tauri::command]
#[specta::specta]
pub async fn conversation_workflow(state: State<'_, AppState>, conversation_id: i64) -> Result<meridian_store::WorkflowView, AppError> {
    state.store()?.workflow(conversation_id, jiff::Timestamp::now()).await.map_err(|e| AppError::from_store(&e, &state.locale()))
}

/// The team, for assigning conversations.
#[tauri::command]
#[specta::specta]
pub async fn team_agents(state: State<'_, AppState>) -> Result<Vec<meridian_store::Agent>, AppError> {
    state.store()?.agents().await.map_err(|e| AppError::from_store(&e, &state.locale()))
}

/// Hands the conversation to an agent (escalated to them; the AI stops acting on it).
#[tauri::command]
#[specta::specta]
pub async fn assign_conversation(state: State<'_, AppState>, conversation_id: i64, agent_id: String) -> Result<(), AppError> {
    state.store()?.assign_conversation(conversation_id, &agent_id, &agent_name(), jiff::Timestamp::now()).await.map_err(|e| AppError::from_store(&e, &state.locale()))
}

//! Meridian's desktop shell: opens the store, hands typed commands to the web UI and shows
//! the window. Everything else lives in the library crates (see ARCHITECTURE.md).

mod assist;
mod commands;
mod connections;
mod notices;
mod error;
mod state;
mod sync;
mod window;

pub use commands::Settings;
pub use error::AppError;

use state::AppState;
use tauri::Manager;
use std::path::PathBuf;
use std::sync::RwLock;

/// The typed command surface; also what generates `ui/src/lib/bindings.ts`.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(tauri_specta::collect_commands![
            commands::get_settings,
            commands::set_locale,
            commands::list_inbox,
            commands::inbox_facets,
            commands::open_conversation,
            commands::save_draft,
            commands::send_reply,
            commands::report_ready,
            commands::open_backup,
            commands::assist_conversation,
            commands::sync_status,
            commands::refresh_order,
            commands::write_back,
            commands::undo_reply,
            commands::retry_reply,
            commands::apply_workflow,
            commands::claim_conversation,
            commands::conversation_workflow,
            commands::team_agents,
            commands::assign_conversation,
            connections::list_connections,
            connections::add_connection,
            connections::save_credentials,
        ])
        // Ids and minor units stay far below 2^53; the UI handles them as numbers.
        .dangerously_cast_bigints_to_number()
        // One TypeScript type per Rust type (no separate input and output shapes).
        .disable_serde_phases()
}

/// The TypeScript the UI imports, as generated from the command and type definitions.
pub fn typescript_bindings() -> Result<String, String> {
    let dir = std::env::temp_dir().join(format!("meridian-bindings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join("bindings.ts");
    specta_builder()
        .export(specta_typescript::Typescript::default().header("// Generated from the Rust commands by `make bindings`. Do not edit.\n"), &path)
        .map_err(|e| e.to_string())?;
    let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(text)
}

/// Where the store is: `--db PATH` on the command line, else `MERIDIAN_DB`, else the user's
/// data directory.
fn store_location() -> PathBuf {
    path_arg("--db").unwrap_or_else(meridian_store::default_location)
}

/// The path given on the command line as `--name PATH` or `--name=PATH`.
pub(crate) fn path_arg(name: &str) -> Option<PathBuf> {
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == name {
            return args.next().map(PathBuf::from);
        }
        if let Some(p) = a.strip_prefix(name).and_then(|rest| rest.strip_prefix('=')) {
            return Some(PathBuf::from(p));
        }
    }
    None
}

static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// When this process started, for the cold-start measurement.
pub(crate) fn started() -> std::time::Instant {
    *STARTED.get_or_init(std::time::Instant::now)
}

pub fn run() {
    started();
    tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::from_env("MERIDIAN_LOG")).with_writer(std::io::stderr).init();
    // Train the assist engine in the background; the first screen does not wait for it.
    std::thread::spawn(|| {
        let _ = assist::engine();
    });
    let location = store_location();
    let system_locale = std::env::var("LC_ALL").or_else(|_| std::env::var("LANG")).unwrap_or_default();
    let opened = tauri::async_runtime::block_on(meridian_store::Store::open(&location.display().to_string()));
    let (store, open_error, locale) = match opened {
        Ok(store) => {
            let saved = tauri::async_runtime::block_on(store.setting("locale")).ok().flatten();
            let locale = meridian_i18n::negotiate(saved.as_deref().unwrap_or(&system_locale)).to_owned();
            (Some(store), None, locale)
        }
        Err(e) => {
            let locale = meridian_i18n::negotiate(&system_locale).to_owned();
            tracing::error!(error = %e, "cannot open the store");
            (None, Some(AppError::from_store(&e, &locale)), locale)
        }
    };
    let builder = specta_builder();
    let initial_locale = locale.clone();
    let slot = std::sync::Arc::new(sync::SyncSlot::default());
    let sync_start = store.clone().map(|s| (s, slot.clone(), location.clone()));
    let result = tauri::Builder::default()
        .manage(AppState { store, open_error, location, locale: RwLock::new(locale), sync: slot })
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            window::set_title(app.handle(), &initial_locale);
            if let Some((store, slot, db)) = sync_start {
                notices::start(app.handle().clone(), store.clone(), commands::agent_name(), {
                    let handle = app.handle().clone();
                    move || handle.state::<AppState>().locale()
                });
                sync::start(app.handle().clone(), store, slot, db);
            }
            Ok(())
        })
        .run(tauri::generate_context!("../tauri.conf.json"));
    if let Err(e) = result {
        eprintln!("meridian: the window could not start: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    /// The committed bindings must be what the Rust types generate; `make bindings` updates them.
    #[test]
    fn ui_bindings_are_current() {
        let generated = super::typescript_bindings().expect("bindings generate");
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts");
        if std::env::var("MERIDIAN_WRITE_BINDINGS").is_ok_and(|v| v == "1") {
            std::fs::write(&path, &generated).expect("write bindings");
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(committed == generated, "ui/src/lib/bindings.ts is stale: run `make bindings`");
    }
}

//! The main window's chrome.

use tauri::Manager;

/// The window title in the agent's language.
pub fn set_title(app: &tauri::AppHandle, locale: &str) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.set_title(&crate::state::translator().tr(locale, "app-name", &[]));
    }
}

//! Desktop notifications while the app runs: once a minute it asks the store what needs
//! this agent (a hand-off to them, an SLA about to be missed), stays quiet outside their
//! shift, shows each notice once (notify-rust), and a click brings the app to that
//! conversation ("focus-conversation").

use meridian_notify::{due, on_shift, show, NoticeKind, SLA_WARNING};
use std::collections::HashSet;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};

pub fn start(app: AppHandle, store: meridian_store::Store, agent: String, locale: impl Fn() -> String + Send + 'static) {
    // How often to look (`MERIDIAN_NOTICE_SECONDS`, default a minute).
    let every = Duration::from_secs(std::env::var("MERIDIAN_NOTICE_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60u64).max(1));
    tauri::async_runtime::spawn(async move {
        let mut shown: HashSet<(NoticeKind, i64)> = HashSet::new();
        tokio::time::sleep(Duration::from_secs(5).min(every)).await;
        loop {
            let now = jiff::Timestamp::now();
            if quiet(&store, &agent, now).await {
                tokio::time::sleep(every).await;
                continue;
            }
            let items = store.needing_attention(&agent, now + SLA_WARNING).await.unwrap_or_default();
            for n in due(&items, &agent, now, &shown) {
                shown.insert((n.kind, n.conversation_id));
                let lang = locale();
                let t = crate::state::translator();
                let id = match n.kind {
                    NoticeKind::HandOff => "notice-handoff",
                    NoticeKind::SlaSoon => "notice-sla",
                };
                let title = t.tr(&lang, id, &[("customer", n.customer.clone())]);
                match show(&title, &n.subject) {
                    Ok(handle) => {
                        let app = app.clone();
                        let conversation = n.conversation_id;
                        // Waiting for the click blocks: one thread per notice on screen.
                        std::thread::spawn(move || {
                            handle.wait_for_action(|action| {
                                if action == "default" {
                                    if let Some(w) = app.get_webview_window("main") {
                                        let _ = w.set_focus();
                                    }
                                    let _ = app.emit("focus-conversation", conversation);
                                }
                            })
                        });
                    }
                    Err(e) => tracing::warn!("desktop notification not shown: {e}"),
                }
            }
            tokio::time::sleep(every).await;
        }
    });
}

/// Outside the agent's shift (when the team calendar knows them) nothing is shown.
async fn quiet(store: &meridian_store::Store, agent: &str, now: jiff::Timestamp) -> bool {
    let (Ok(team), Ok(agents)) = (store.team_calendar().await, store.agents().await) else { return false };
    let (Some(cal), Some(me)) = (team.agents.iter().find(|a| a.agent_id == agent), agents.iter().find(|a| a.id == agent)) else { return false };
    if cal.shifts.is_empty() {
        return false;
    }
    !on_shift(&cal.shifts, &cal.days_off, &me.time_zone, now)
}

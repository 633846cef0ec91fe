//! The assist engine inside the app: trained once per process, in the background, and
//! grounded in the open conversation's order and parcel.

use crate::commands::AssistView;
use crate::error::AppError;
use meridian_assist::draft::{Grounding, StoreRules};
use meridian_assist::{Engine, Input, Policy};
use meridian_core::Direction;
use meridian_store::ConversationView;
use std::sync::OnceLock;

/// The engine, trained on first use (a second or two); later calls wait for it or reuse it.
pub fn engine() -> Result<&'static Engine, String> {
    static ENGINE: OnceLock<Result<Engine, String>> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new().map_err(|e| e.to_string())).as_ref().map_err(Clone::clone)
}

pub fn assist(view: &ConversationView, agent: &str, locale: &str) -> Result<AssistView, AppError> {
    let engine = engine().map_err(|e| AppError::new("unexpected", &[("message", e)], locale))?;
    let last = view.messages.iter().rev().find(|m| m.direction == Direction::Inbound);
    let input = Input {
        id: None,
        channel: Some(view.conversation.channel.as_str().to_owned()),
        subject: Some(view.conversation.subject.clone()),
        text: last.map(|m| m.text.clone()).unwrap_or_default(),
        received_at: None,
        customer: Some(meridian_assist::CustomerHint { country: Some(view.customer.country.clone()), phone: None }),
        amount: view.focus_order_id.and_then(|id| view.orders.iter().find(|o| o.id == id)).map(|o| o.total.clone()),
    };
    let order = view.focus_order_id.and_then(|id| view.orders.iter().find(|o| o.id == id));
    let shipment = order.and_then(|o| view.shipments.iter().find(|s| s.order_id == o.id));
    // Greet by first name (family name first in Chinese, Japanese and Korean names).
    let first_name = match view.customer.country.as_str() {
        "JP" | "CN" | "KR" => view.customer.name.clone(),
        _ => view.customer.name.split_whitespace().next().unwrap_or("").to_owned(),
    };
    let grounding = Grounding {
        customer_name: &first_name,
        customer_country: &view.customer.country,
        customer_time_zone: view.customer.time_zone.as_deref(),
        agent,
        store: &view.store.name,
        order,
        shipment,
        rules: StoreRules::default(),
        now: jiff::Timestamp::now(),
    };
    let agent_language = locale.split('-').next().unwrap_or("en");
    let a = engine.assist(&input, &Policy::default(), &grounding, agent_language);
    Ok(AssistView {
        language: a.triage.language,
        language_confidence: a.triage.language_confidence,
        intent: a.triage.intent,
        confidence: a.triage.confidence,
        threat: a.triage.threat,
        action: a.triage.action,
        reason: a.triage.reason,
        draft: a.draft,
        draft_for_agent: a.draft_for_agent,
        facts: a.facts,
    })
}

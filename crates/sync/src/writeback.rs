//! Write-back through the outbox: an item of kind "writeback" carries a `WriteAction` and
//! the store front it is for; the dispatcher claims due items, hands each to its platform's
//! client with the item's idempotency key, and records the outcome. Transient failures come
//! back later with backoff; refusals wait for an agent. Amazon takes none of these writes:
//! its items fail at once with a message saying so.

use crate::engine::Syncer;
use meridian_connectors::WriteAction;
use meridian_core::Platform;
use meridian_store::Outcome;

pub const KIND: &str = "writeback";

/// What an outbox item of kind "writeback" carries.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WriteBack {
    pub platform: Platform,
    /// The store front's domain (`StoreFront::domain`).
    pub store_domain: String,
    pub action: WriteAction,
}

/// Whether a platform accepts Meridian's write-backs at all (the UI says so up front).
pub fn supports_writeback(platform: Platform) -> bool {
    !matches!(platform, Platform::Amazon)
}

impl Syncer {
    /// Sends every due write-back once; returns (sent, retried later, failed).
    pub async fn dispatch_writebacks(&self) -> Result<(u64, u64, u64), meridian_store::StoreError> {
        let now = jiff::Timestamp::now();
        let mut tally = (0, 0, 0);
        loop {
            let items = self.store.claim_outbox(KIND, now, 20).await?;
            if items.is_empty() {
                return Ok(tally);
            }
            for item in items {
                let outcome = self.write_one(&item).await;
                let now = jiff::Timestamp::now();
                let recorded = match &outcome {
                    Ok(()) => {
                        tally.0 += 1;
                        Outcome::Sent
                    }
                    Err((msg, true)) => {
                        tally.1 += 1;
                        let wait = jiff::SignedDuration::from_secs(30 * (1i64 << item.attempts.clamp(0, 8)));
                        Outcome::Retry { error: msg, retry_at: now + wait }
                    }
                    Err((msg, false)) => {
                        tally.2 += 1;
                        Outcome::Failed { error: msg }
                    }
                };
                self.store.finish_outbox(item.id, recorded, now).await?;
            }
        }
    }

    /// One write; the error says whether it is worth retrying.
    async fn write_one(&self, item: &meridian_core::OutboxItem) -> Result<(), (String, bool)> {
        let wb: WriteBack = serde_json::from_str(&item.payload).map_err(|e| (format!("unreadable write-back: {e}"), false))?;
        if !supports_writeback(wb.platform) {
            return Err(("Amazon does not accept order notes, tags, return requests or satisfaction scores from other tools".into(), false));
        }
        let conn = self.connection_for(wb.platform, &wb.store_domain).ok_or_else(|| (format!("no {} connection for {}", wb.platform.as_str(), wb.store_domain), false))?;
        match conn.write(&wb.action, &item.idempotency_key).await {
            Ok(_) => Ok(()),
            // Auth, refusals and unsupported writes are never transient: an agent must act.
            Err(e) => Err((e.to_string(), e.is_transient())),
        }
    }
}

/// What an agent can send back to an order's platform from a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum WriteBackKind {
    /// The conversation's summary as an order note, and its intent as tags.
    Summary,
    /// An after-sales case: a return request on the order.
    Return,
    /// The customer's satisfaction score (1–5) on their platform customer record.
    Satisfaction,
}

/// Queues the write-backs of `kind` for the order the conversation is about. Returns false
/// when the order's platform accepts none (Amazon) — the UI says so instead of failing.
/// The idempotency keys name the conversation, order and text, so asking twice queues once.
pub async fn request(
    store: &meridian_store::Store,
    conversation_id: i64,
    order_id: i64,
    kind: WriteBackKind,
    score: Option<u8>,
    now: jiff::Timestamp,
) -> Result<bool, meridian_store::StoreError> {
    let Some((platform, store_domain, external_id)) = store.order_origin(order_id).await? else { return Ok(false) };
    if !supports_writeback(platform) {
        return Ok(false);
    }
    let view = store.conversation(conversation_id).await?;
    let intent = view.conversation.intent.map(|i| i.as_str().to_owned()).unwrap_or_else(|| "other".into());
    let last_reply = view.messages.iter().rev().find(|m| m.direction == meridian_core::Direction::Outbound);
    let summary = format!(
        "Meridian conversation {conversation_id} — {} — intent {intent}, {} messages{}",
        view.conversation.subject,
        view.messages.len(),
        last_reply.map(|m| format!("; last reply by {}: {}", m.author, m.text.chars().take(280).collect::<String>())).unwrap_or_default()
    );
    let actions = match kind {
        WriteBackKind::Summary => vec![
            ("note", WriteAction::OrderNote { order_external_id: external_id.clone(), note: summary.clone() }),
            ("tags", WriteAction::OrderTags { order_external_id: external_id.clone(), tags: vec!["meridian".into(), format!("meridian-{intent}")] }),
        ],
        WriteBackKind::Return => vec![(
            "return",
            WriteAction::ReturnRequest { order_external_id: external_id.clone(), reason: intent.clone(), note: summary.clone() },
        )],
        WriteBackKind::Satisfaction => {
            let Some(score) = score.filter(|s| (1..=5).contains(s)) else {
                return Err(meridian_store::StoreError::Invalid { what: "satisfaction score (1 to 5)", detail: format!("{score:?}") });
            };
            // The order's own customer on the platform (the client looks it up from the order),
            // not whichever platform id the Meridian customer happens to hold first.
            let customer_external_id = None;
            vec![(
                "csat",
                WriteAction::Satisfaction {
                    order_external_id: external_id.clone(),
                    customer_external_id,
                    score,
                    comment: format!("Meridian conversation {conversation_id}: {}", view.conversation.subject),
                },
            )]
        }
    };
    let mut w = store.writer().await?;
    for (what, action) in actions {
        let payload = serde_json::to_string(&WriteBack { platform, store_domain: store_domain.clone(), action }).expect("plain data");
        let key = format!("wb:{what}:{order_id}:{conversation_id}:{:016x}", fnv1a(&payload));
        w.enqueue(KIND, &key, Some(conversation_id), &payload, now).await?;
        w.audit(Some(conversation_id), "agent", &format!("writeback_{what}_queued"), &external_id, now).await?;
    }
    w.commit().await?;
    Ok(true)
}

/// A stable 64-bit hash (FNV-1a) for idempotency keys; not for security.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

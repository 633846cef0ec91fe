//! Write-back through the outbox: an item of kind "writeback" carries a `WriteAction` and
//! the store front it is for; the dispatcher claims due items, hands each to its platform's
//! client with the item's idempotency key, and records the outcome. Transient failures come
//! back later with backoff; refusals wait for an agent. Amazon takes none of these writes:
//! its items fail at once with a message saying so.

use crate::engine::Syncer;
use meridian_connectors::{ErrorKind, WriteAction};
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
            Err(e) => {
                let transient = e.is_transient();
                let permanent = matches!(e.kind, ErrorKind::Auth(_) | ErrorKind::Rejected { .. } | ErrorKind::Unsupported(_));
                Err((e.to_string(), transient && !permanent))
            }
        }
    }
}

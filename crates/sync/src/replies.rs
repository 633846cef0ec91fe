//! Replies leave through the outbox: an agent's reply waits out its undo window as
//! `queued`, is claimed (`sending`) by one dispatcher, goes to the customer's address (their
//! e-mail, or Amazon's relay address for Amazon buyers) through the store's mail server, and
//! ends `sent` or `failed` with the reason. A crash mid-send leaves the item `sending`; at
//! start-up it becomes `failed` ("it may have left") for an agent to check and retry, since
//! SMTP cannot be asked whether a message left — nothing is sent twice behind anyone's back,
//! and nothing is lost.

use crate::engine::{Change, Syncer};
use meridian_connectors::smtp::OutgoingMail;
use meridian_core::IdentityKind;
use meridian_store::{Outcome, StoreError};

pub const KIND: &str = "reply";

/// Attempts for transient failures (server busy, unreachable) before an agent must look.
const MAX_ATTEMPTS: i64 = 5;

impl Syncer {
    /// Marks replies a crash interrupted as failed (see the module doc); call at start-up.
    pub async fn recover_replies(&self) -> Result<u64, StoreError> {
        self.store.fail_interrupted(KIND, jiff::Timestamp::now()).await
    }

    /// Sends every reply whose undo window has passed; returns (sent, failed).
    pub async fn dispatch_replies(&self) -> Result<(u64, u64), StoreError> {
        let mut tally = (0, 0);
        loop {
            let now = jiff::Timestamp::now();
            // One at a time: a crash can then leave at most one reply in doubt.
            let items = self.store.claim_outbox(KIND, now, 1).await?;
            if items.is_empty() {
                return Ok(tally);
            }
            for item in items {
                let result = self.send_one(&item).await;
                let now = jiff::Timestamp::now();
                let outcome = match &result {
                    Ok(()) => {
                        tally.0 += 1;
                        Outcome::Sent
                    }
                    Err((msg, true)) if item.attempts < MAX_ATTEMPTS => {
                        Outcome::Retry { error: msg, retry_at: now + jiff::SignedDuration::from_secs(20 * item.attempts.max(1)) }
                    }
                    Err((msg, _)) => {
                        tally.1 += 1;
                        Outcome::Failed { error: msg }
                    }
                };
                self.store.finish_outbox(item.id, outcome, now).await?;
                let mut w = self.store.writer().await?;
                let what = if result.is_ok() { "reply.sent" } else { "reply.failed" };
                let detail = result.as_ref().err().map(|e| e.0.clone()).unwrap_or_else(|| item.idempotency_key.clone());
                w.audit(item.conversation_id, "outbox", what, &detail, now).await?;
                w.commit().await?;
                if let Some(c) = item.conversation_id {
                    self.announce(Change::Conversation { conversation_id: c });
                }
            }
        }
    }

    /// One reply; the error says whether trying again later may help.
    async fn send_one(&self, item: &meridian_core::OutboxItem) -> Result<(), (String, bool)> {
        let Some(smtp) = &self.conns.smtp else {
            return Err(("no outgoing mail server is configured (Connections)".into(), true));
        };
        let payload: serde_json::Value = serde_json::from_str(&item.payload).map_err(|e| (format!("unreadable reply: {e}"), false))?;
        let body = payload["body"].as_str().unwrap_or_default().to_owned();
        let conversation_id = item.conversation_id.ok_or_else(|| ("the reply belongs to no conversation".to_owned(), false))?;
        let view = self.store.conversation(conversation_id).await.map_err(|e| (e.to_string(), true))?;
        let to = view
            .customer
            .identity(IdentityKind::Email)
            .or_else(|| view.customer.identity(IdentityKind::AmazonAlias))
            .ok_or_else(|| (format!("{} has no e-mail address to reply to", view.customer.name), false))?
            .to_owned();
        let subject = if view.conversation.subject.to_lowercase().starts_with("re:") { view.conversation.subject.clone() } else { format!("Re: {}", view.conversation.subject) };
        let mail = OutgoingMail { to, subject, body, message_id: message_id(&item.idempotency_key) };
        smtp.send(&mail).await.map_err(|e| (e.to_string(), e.is_transient()))
    }
}

/// The Message-ID of a reply, from its idempotency key ("reply:12:345" → "reply.12.345@meridian").
pub fn message_id(key: &str) -> String {
    let local: String = key.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '.' }).collect();
    format!("{local}@meridian")
}

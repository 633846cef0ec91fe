//! The durable outbox: every outgoing write (reply, note, tag, return request) is a row with
//! an idempotency key that moves through these states and never goes out twice.

use crate::Timestamp;

text_enum! {
    pub enum OutboxState("outbox state") {
        /// Waiting for its undo window to pass.
        Queued = "queued",
        /// Handed to a connector; the outcome is not known yet.
        Sending = "sending",
        Sent = "sent",
        /// Failed with a reason; may be retried.
        Failed = "failed",
        /// Undone by the agent before it left.
        Cancelled = "cancelled",
    }
}

impl OutboxState {
    /// Whether an item may move from `self` to `to`.
    pub fn can_become(self, to: OutboxState) -> bool {
        use OutboxState::*;
        matches!(
            (self, to),
            (Queued, Sending) | (Queued, Cancelled) | (Sending, Sent) | (Sending, Failed) | (Failed, Queued)
        )
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OutboxItem {
    pub id: i64,
    /// Unique per intended effect; the connector passes it on where the platform accepts one.
    pub idempotency_key: String,
    /// "reply", "order_note", "order_tags", "return_request", "csat".
    pub kind: String,
    pub conversation_id: Option<i64>,
    pub payload: String,
    pub state: OutboxState,
    pub attempts: i64,
    pub last_error: Option<String>,
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub not_before: Timestamp,
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub updated_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::OutboxState::*;

    #[test]
    fn sent_and_cancelled_are_final() {
        for to in super::OutboxState::ALL {
            assert!(!Sent.can_become(*to));
            assert!(!Cancelled.can_become(*to));
        }
        assert!(Queued.can_become(Sending));
        assert!(!Sending.can_become(Queued), "an item in flight must not be re-queued blindly");
        assert!(Failed.can_become(Queued));
    }
}

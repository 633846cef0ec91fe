//! Conversations, their messages, drafts, callbacks and the audit trail.

use crate::{Action, Channel, Intent, Timestamp};

text_enum! {
    pub enum ConversationStatus("conversation status") {
        Open = "open",
        /// Waiting for the customer.
        Waiting = "waiting",
        /// The engine handles it alone under the policy.
        Autopilot = "autopilot",
        /// A human owns it.
        Escalated = "escalated",
        Snoozed = "snoozed",
        Closed = "closed",
    }
}

text_enum! {
    pub enum Priority("priority") {
        Low = "low",
        Normal = "normal",
        High = "high",
        Urgent = "urgent",
    }
}

text_enum! {
    pub enum Direction("direction") {
        /// From the customer.
        Inbound = "inbound",
        /// To the customer.
        Outbound = "outbound",
        /// Internal note, never sent.
        Note = "note",
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Conversation {
    pub id: i64,
    pub customer_id: i64,
    pub store_id: i64,
    pub channel: Channel,
    pub subject: String,
    pub status: ConversationStatus,
    pub assignee: Option<String>,
    /// ISO 639-1 or "und".
    pub language: String,
    pub intent: Option<Intent>,
    pub priority: Priority,
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub sla_due_at: Option<Timestamp>,
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub created_at: Timestamp,
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub last_message_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Message {
    pub id: i64,
    pub conversation_id: i64,
    pub direction: Direction,
    /// Display name of the customer, agent or "Meridian" for the engine.
    pub author: String,
    /// Plain text: what search, triage and previews read.
    pub text: String,
    /// Sanitised HTML when the message came as HTML; never raw customer markup.
    pub html: Option<String>,
    pub language: Option<String>,
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub created_at: Timestamp,
}

/// A reply being written for a conversation, by the engine or an agent.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Draft {
    pub conversation_id: i64,
    pub body: String,
    /// Which action the policy chose, when the engine wrote it.
    pub action: Option<Action>,
    pub reason: Option<String>,
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub updated_at: Timestamp,
}

text_enum! {
    pub enum CallbackState("callback state") {
        Proposed = "proposed",
        Booked = "booked",
        Done = "done",
        Missed = "missed",
        Cancelled = "cancelled",
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Callback {
    pub id: i64,
    pub conversation_id: i64,
    pub agent_id: String,
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub starts_at: Timestamp,
    pub customer_time_zone: String,
    pub state: CallbackState,
}

/// Who did what, when: every send, approval, hand-off and policy decision.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AuditEvent {
    pub id: i64,
    pub conversation_id: Option<i64>,
    /// "agent:ana", "engine", "supervisor:li".
    pub actor: String,
    /// "reply.sent", "draft.approved", "conversation.escalated", …
    pub kind: String,
    /// Free-form JSON with the grounding and the reason.
    pub detail: String,
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub at: Timestamp,
}

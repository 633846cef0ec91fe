//! Who acts on a conversation: an agent takes it over (the AI stops acting on it until it is
//! handed back), snoozes it until a time, closes it; and while an agent writes a reply, the
//! conversation is claimed so that nobody else replies to the same message. Every change is
//! in the audit log.

use crate::error::Doing;
use crate::{ms, ts, Result, Store, StoreError};
use sqlx::Row;

/// How long a claim holds without the agent touching the reply box again.
pub const CLAIM_TTL: jiff::SignedDuration = jiff::SignedDuration::from_secs(120);

/// A change an agent makes to a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum WorkflowAction {
    /// A person owns it; the AI stops acting on it.
    TakeOver,
    /// The AI may act on it again under the policy.
    HandBack,
    /// Out of the open queue until then (UTC milliseconds).
    Snooze { until_ms: i64 },
    Close,
    Reopen,
}

/// Who else is answering a conversation, and since when.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClaimView {
    pub agent: String,
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub since: jiff::Timestamp,
}

/// What the workflow says about a conversation, shown beside it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WorkflowView {
    /// The AI does not act on it (taken over).
    pub ai_paused: bool,
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub snoozed_until: Option<jiff::Timestamp>,
    /// Set while an agent holds a live claim.
    pub claim: Option<ClaimView>,
}

impl Store {
    /// Applies an agent's workflow action; returns the conversation's new status.
    pub async fn apply_workflow(&self, conversation_id: i64, action: WorkflowAction, agent: &str, now: jiff::Timestamp) -> Result<String> {
        let (sql, status): (&'static str, &str) = match action {
            WorkflowAction::TakeOver => ("UPDATE conversations SET ai_paused = 1, assignee = CASE WHEN EXISTS (SELECT 1 FROM agents WHERE id = $2) THEN $2 ELSE assignee END, status = 'escalated' WHERE id = $1", "escalated"),
            WorkflowAction::HandBack => ("UPDATE conversations SET ai_paused = 0, status = 'open' WHERE id = $1 AND $2 = $2", "open"),
            WorkflowAction::Snooze { .. } => ("UPDATE conversations SET status = 'snoozed', snoozed_until = $3 WHERE id = $1 AND $2 = $2", "snoozed"),
            WorkflowAction::Close => ("UPDATE conversations SET status = 'closed', snoozed_until = NULL, claimed_by = NULL WHERE id = $1 AND $2 = $2", "closed"),
            WorkflowAction::Reopen => ("UPDATE conversations SET status = 'open', snoozed_until = NULL WHERE id = $1 AND $2 = $2", "open"),
        };
        if let WorkflowAction::Snooze { until_ms } = action {
            if until_ms <= ms(now) {
                return Err(StoreError::Invalid { what: "snooze time", detail: "it must be in the future".into() });
            }
        }
        let until = match action {
            WorkflowAction::Snooze { until_ms } => Some(until_ms),
            _ => None,
        };
        let mut w = self.writer().await?;
        let done = sqlx::query(sql).bind(conversation_id).bind(agent).bind(until).execute(&mut *w.tx).await.doing("changing a conversation's workflow")?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound { what: "conversation", id: conversation_id.to_string() });
        }
        let detail = serde_json::to_string(&action).expect("plain data");
        w.audit(Some(conversation_id), agent, "workflow", &detail, now).await?;
        w.commit().await?;
        Ok(status.to_owned())
    }

    /// Hands a conversation to a person (a supervisor assigning a hand-off): it is escalated
    /// to `assignee`, the AI stops acting on it, and the audit log says who did it.
    pub async fn assign_conversation(&self, conversation_id: i64, assignee: &str, actor: &str, now: jiff::Timestamp) -> Result<()> {
        let mut w = self.writer().await?;
        let known = sqlx::query("SELECT 1 FROM agents WHERE id = $1").bind(assignee).fetch_optional(&mut *w.tx).await.doing("finding an agent")?;
        if known.is_none() {
            return Err(StoreError::NotFound { what: "agent", id: assignee.to_owned() });
        }
        let done = sqlx::query("UPDATE conversations SET assignee = $2, status = 'escalated', ai_paused = 1 WHERE id = $1")
            .bind(conversation_id)
            .bind(assignee)
            .execute(&mut *w.tx)
            .await
            .doing("assigning a conversation")?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound { what: "conversation", id: conversation_id.to_string() });
        }
        w.audit(Some(conversation_id), actor, "assigned", assignee, now).await?;
        w.commit().await
    }

    /// Claims a conversation for `agent` while they write a reply. Returns the other agent's
    /// live claim instead when someone else holds one (and takes nothing then).
    pub async fn claim_conversation(&self, conversation_id: i64, agent: &str, now: jiff::Timestamp) -> Result<Option<ClaimView>> {
        let stale = ms(now - CLAIM_TTL);
        let done = sqlx::query(
            "UPDATE conversations SET claimed_by = $2, claimed_at = $3
             WHERE id = $1 AND (claimed_by IS NULL OR claimed_by = $2 OR claimed_at < $4)",
        )
        .bind(conversation_id)
        .bind(agent)
        .bind(ms(now))
        .bind(stale)
        .execute(self.pool())
        .await
        .doing("claiming a conversation")?;
        if done.rows_affected() == 1 {
            return Ok(None);
        }
        Ok(self.workflow(conversation_id, now).await?.claim)
    }

    /// Lets go of `agent`'s claim (sent, left the conversation).
    pub async fn release_claim(&self, conversation_id: i64, agent: &str) -> Result<()> {
        sqlx::query("UPDATE conversations SET claimed_by = NULL, claimed_at = NULL WHERE id = $1 AND claimed_by = $2")
            .bind(conversation_id)
            .bind(agent)
            .execute(self.pool())
            .await
            .doing("releasing a claim")?;
        Ok(())
    }

    /// The workflow state of a conversation; a claim older than `CLAIM_TTL` no longer counts.
    pub async fn workflow(&self, conversation_id: i64, now: jiff::Timestamp) -> Result<WorkflowView> {
        let row = sqlx::query("SELECT ai_paused, snoozed_until, claimed_by, claimed_at FROM conversations WHERE id = $1")
            .bind(conversation_id)
            .fetch_optional(self.pool())
            .await
            .doing("reading a conversation's workflow")?
            .ok_or_else(|| StoreError::NotFound { what: "conversation", id: conversation_id.to_string() })?;
        let paused: i64 = row.try_get(0).doing("reading a conversation's workflow")?;
        let snoozed: Option<i64> = row.try_get(1).doing("reading a conversation's workflow")?;
        let by: Option<String> = row.try_get(2).doing("reading a conversation's workflow")?;
        let at: Option<i64> = row.try_get(3).doing("reading a conversation's workflow")?;
        let claim = match (by, at) {
            (Some(agent), Some(at)) if at >= ms(now - CLAIM_TTL) => Some(ClaimView { agent, since: ts(at)? }),
            _ => None,
        };
        Ok(WorkflowView { ai_paused: paused != 0, snoozed_until: snoozed.map(ts).transpose()?, claim })
    }
}

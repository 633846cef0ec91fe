//! Moving outbox items through their states. An item is claimed (queued → sending) in one
//! statement, so two dispatchers never take the same item; the outcome is recorded after the
//! connector answers. An item found in `sending` at start-up was interrupted by a crash: it
//! goes back to `queued`, which is safe because every write carries its idempotency key to
//! the platform and is checked there before it is repeated.

use crate::error::Doing;
use crate::{ms, parse, ts, Result, Store};
use meridian_core::{OutboxItem, OutboxState};
use sqlx::Row;

const COLUMNS: &str = "id, idempotency_key, kind, conversation_id, payload, state, attempts, last_error, not_before, updated_at";

fn item(r: &sqlx::any::AnyRow) -> Result<OutboxItem> {
    Ok(OutboxItem {
        id: r.try_get(0).doing("reading an outbox item")?,
        idempotency_key: r.try_get(1).doing("reading an outbox item")?,
        kind: r.try_get(2).doing("reading an outbox item")?,
        conversation_id: r.try_get(3).doing("reading an outbox item")?,
        payload: r.try_get(4).doing("reading an outbox item")?,
        state: parse(&r.try_get::<String, _>(5).doing("reading an outbox item")?)?,
        attempts: r.try_get(6).doing("reading an outbox item")?,
        last_error: r.try_get(7).doing("reading an outbox item")?,
        not_before: ts(r.try_get(8).doing("reading an outbox item")?)?,
        updated_at: ts(r.try_get(9).doing("reading an outbox item")?)?,
    })
}

/// How a dispatched item ended.
pub enum Outcome<'a> {
    Sent,
    /// Worth retrying at `retry_at` (throttled, unreachable, a server error).
    Retry { error: &'a str, retry_at: jiff::Timestamp },
    /// Refused for good (invalid, unauthorised, unsupported): an agent must act.
    Failed { error: &'a str },
}

impl Store {
    /// Claims up to `limit` due items of `kind` for sending.
    pub async fn claim_outbox(&self, kind: &str, now: jiff::Timestamp, limit: i64) -> Result<Vec<OutboxItem>> {
        let sql = format!(
            "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = $1
             WHERE id IN (SELECT id FROM outbox WHERE state = 'queued' AND kind = $2 AND not_before <= $1 ORDER BY not_before, id LIMIT $3)
             RETURNING {COLUMNS}"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(ms(now)).bind(kind).bind(limit).fetch_all(self.pool()).await.doing("claiming outbox items")?;
        let mut items = rows.iter().map(item).collect::<Result<Vec<_>>>()?;
        items.sort_by_key(|i| (i.not_before, i.id));
        Ok(items)
    }

    /// Records how a claimed item ended.
    pub async fn finish_outbox(&self, id: i64, outcome: Outcome<'_>, now: jiff::Timestamp) -> Result<()> {
        let (state, error, not_before) = match outcome {
            Outcome::Sent => (OutboxState::Sent, None, None),
            Outcome::Retry { error, retry_at } => (OutboxState::Queued, Some(error), Some(ms(retry_at))),
            Outcome::Failed { error } => (OutboxState::Failed, Some(error), None),
        };
        sqlx::query(
            "UPDATE outbox SET state = $2, last_error = $3, not_before = COALESCE($4, not_before), updated_at = $5 WHERE id = $1 AND state = 'sending'",
        )
        .bind(id)
        .bind(state.as_str())
        .bind(error)
        .bind(not_before)
        .bind(ms(now))
        .execute(self.pool())
        .await
        .doing("recording an outbox outcome")?;
        Ok(())
    }

    /// Puts items a crash left in `sending` back in the queue; returns how many.
    pub async fn recover_outbox(&self, kind: &str, now: jiff::Timestamp) -> Result<u64> {
        let done = sqlx::query("UPDATE outbox SET state = 'queued', last_error = 'interrupted; retried safely by its key', updated_at = $1 WHERE state = 'sending' AND kind = $2")
            .bind(ms(now))
            .bind(kind)
            .execute(self.pool())
            .await
            .doing("recovering interrupted outbox items")?;
        Ok(done.rows_affected())
    }

    /// The outbox items of a conversation, oldest first.
    pub async fn outbox_for(&self, conversation_id: i64) -> Result<Vec<OutboxItem>> {
        let sql = format!("SELECT {COLUMNS} FROM outbox WHERE conversation_id = $1 ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(conversation_id).fetch_all(self.pool()).await.doing("reading the outbox")?;
        rows.iter().map(item).collect()
    }

    /// Every item of a kind, oldest first (for tests, the CLI and the supervisor's view).
    pub async fn outbox_of_kind(&self, kind: &str) -> Result<Vec<OutboxItem>> {
        let sql = format!("SELECT {COLUMNS} FROM outbox WHERE kind = $1 ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(kind).fetch_all(self.pool()).await.doing("reading the outbox")?;
        rows.iter().map(item).collect()
    }
}

impl Store {
    /// The replies of a conversation and where each is in the outbox.
    pub(crate) async fn reply_states(&self, conversation_id: i64) -> Result<Vec<crate::ReplyState>> {
        let mut out = Vec::new();
        for item in self.outbox_for(conversation_id).await? {
            if item.kind != "reply" {
                continue;
            }
            let message_id = serde_json::from_str::<serde_json::Value>(&item.payload).ok().and_then(|v| v["message_id"].as_i64());
            if let Some(message_id) = message_id {
                out.push(crate::ReplyState { message_id, outbox_id: item.id, state: item.state, not_before: item.not_before, last_error: item.last_error, attempts: item.attempts });
            }
        }
        Ok(out)
    }

    /// Takes back a reply still in its undo window: it will not leave, its message goes, and
    /// its text becomes the draft again. Returns the text, or None when it already left.
    pub async fn cancel_reply(&self, outbox_id: i64, author: &str, now: jiff::Timestamp) -> Result<Option<String>> {
        let mut w = self.writer().await?;
        let row = sqlx::query("UPDATE outbox SET state = 'cancelled', updated_at = $2 WHERE id = $1 AND kind = 'reply' AND state = 'queued' RETURNING conversation_id, payload")
            .bind(outbox_id)
            .bind(ms(now))
            .fetch_optional(&mut *w.tx)
            .await
            .doing("taking a reply back")?;
        let Some(row) = row else { return Ok(None) };
        let conversation_id: i64 = row.try_get(0).doing("taking a reply back")?;
        let payload: String = row.try_get(1).doing("taking a reply back")?;
        let v: serde_json::Value = serde_json::from_str(&payload).map_err(|e| crate::StoreError::Invalid { what: "outbox payload", detail: e.to_string() })?;
        let body = v["body"].as_str().unwrap_or_default().to_owned();
        if let Some(message_id) = v["message_id"].as_i64() {
            sqlx::query("DELETE FROM messages WHERE id = $1").bind(message_id).execute(&mut *w.tx).await.doing("taking a reply back")?;
        }
        sqlx::query(
            "INSERT INTO drafts (conversation_id, body, updated_at) VALUES ($1, $2, $3)
             ON CONFLICT (conversation_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
        )
        .bind(conversation_id)
        .bind(&body)
        .bind(ms(now))
        .execute(&mut *w.tx)
        .await
        .doing("restoring the draft")?;
        w.audit(Some(conversation_id), author, "reply.undone", &payload, now).await?;
        w.commit().await?;
        Ok(Some(body))
    }

    /// Queues a failed item again, to leave now. False when it was not failed.
    pub async fn retry_outbox(&self, outbox_id: i64, now: jiff::Timestamp) -> Result<bool> {
        let done = sqlx::query("UPDATE outbox SET state = 'queued', not_before = $2, updated_at = $2 WHERE id = $1 AND state = 'failed'")
            .bind(outbox_id)
            .bind(ms(now))
            .execute(self.pool())
            .await
            .doing("retrying an outgoing write")?;
        Ok(done.rows_affected() == 1)
    }

    /// Items a crash left in `sending` whose transport cannot be asked whether they left
    /// (e-mail): they become failed, for an agent to check and retry, rather than risk a
    /// second copy. Returns how many.
    pub async fn fail_interrupted(&self, kind: &str, now: jiff::Timestamp) -> Result<u64> {
        let done = sqlx::query(
            "UPDATE outbox SET state = 'failed', last_error = 'interrupted while sending: it may have left; check the sent mail, then retry', updated_at = $1
             WHERE state = 'sending' AND kind = $2",
        )
        .bind(ms(now))
        .bind(kind)
        .execute(self.pool())
        .await
        .doing("marking interrupted sends")?;
        Ok(done.rows_affected())
    }
}

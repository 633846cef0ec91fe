-- Schema v5: who is answering a conversation, whether the AI may act on it, snoozes.
ALTER TABLE conversations ADD COLUMN ai_paused BIGINT NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN snoozed_until BIGINT;
ALTER TABLE conversations ADD COLUMN claimed_by TEXT;
ALTER TABLE conversations ADD COLUMN claimed_at BIGINT;

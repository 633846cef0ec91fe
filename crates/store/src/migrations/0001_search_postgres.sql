-- Substring search with trigram indexes (pg_trgm), which also serves Chinese and Japanese.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX messages_body_trgm ON messages USING gin (body_text gin_trgm_ops);

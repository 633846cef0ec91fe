-- Full-text search over message bodies. The trigram tokenizer indexes every three
-- characters, so Chinese and Japanese (no spaces between words) and digits are found too.
CREATE VIRTUAL TABLE messages_fts USING fts5(
    body_text, content = 'messages', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, body_text) VALUES (new.id, new.body_text);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body_text) VALUES ('delete', old.id, old.body_text);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF body_text ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body_text) VALUES ('delete', old.id, old.body_text);
    INSERT INTO messages_fts (rowid, body_text) VALUES (new.id, new.body_text);
END;

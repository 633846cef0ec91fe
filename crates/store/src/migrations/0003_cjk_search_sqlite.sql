-- Chinese and Japanese queries of one or two characters: the trigram index cannot serve
-- them, so each message's CJK characters and character pairs are indexed as words here
-- (filled by the store when it writes a message; rowid = message id).
CREATE VIRTUAL TABLE messages_cjk USING fts5(tokens, tokenize = 'unicode61');
CREATE TRIGGER messages_cjk_delete AFTER DELETE ON messages BEGIN
    DELETE FROM messages_cjk WHERE rowid = old.id;
END;

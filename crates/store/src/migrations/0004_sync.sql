-- Schema v4: what the sync needs to resume and to say how fresh the data is.

-- Where each connector's stream stopped: the updated-since watermark of the next pass, and,
-- inside a pass, the page cursor and the newest update seen so far. Saved in the same
-- transaction as the page it follows, so a killed sync resumes without loss or duplicates.
CREATE TABLE sync_checkpoints (
    connector TEXT NOT NULL,
    stream TEXT NOT NULL,
    since BIGINT,
    cursor TEXT,
    pass_since BIGINT,
    pass_max BIGINT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (connector, stream)
);

-- Per-connector health for the status bar and settings.
CREATE TABLE connector_health (
    connector TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    last_success BIGINT,
    last_error TEXT,
    error_since BIGINT,
    updated_at BIGINT NOT NULL
);

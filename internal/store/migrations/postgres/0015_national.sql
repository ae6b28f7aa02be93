-- The national shield's signals received from other deployments and the
-- operator (internal/national), kept as received: the signed envelope,
-- checked again when restored. A restarted deployment rebuilds its
-- national picture (observations, confirmed signatures) from them without
-- waiting for NATS, whose durable consumer does not deliver again what was
-- acknowledged. One row per signal id: the same signal twice is one row.
-- Purged once expired (an observation after the campaign window, the
-- rest after the stream's seven days).
CREATE TABLE national_signals (
    id          TEXT PRIMARY KEY,
    sender      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    subject     TEXT NOT NULL,
    envelope    TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX national_signals_expires ON national_signals (expires_at);

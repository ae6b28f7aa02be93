-- Messaging rules (time windows, modes) and suspensions, by scope. Rules
-- are kept as JSON documents of the policy package; policy_version is
-- bumped in the same transaction as any change so that every server
-- process notices and recompiles within its polling interval.
CREATE TABLE policy_rules (
    id         TEXT PRIMARY KEY,
    scope      TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE suspensions (
    id         TEXT PRIMARY KEY,
    scope      TEXT NOT NULL,
    roles      TEXT NOT NULL,
    reason     TEXT NOT NULL,
    until_at   INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    lifted_at  INTEGER NOT NULL DEFAULT 0,
    lifted_by  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE policy_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO policy_version (id, version) VALUES (1, 1);

-- Attempts to send while closed, a risk signal for account security and
-- campaign detection.
CREATE TABLE closed_attempts (
    user_id INTEGER NOT NULL,
    at      INTEGER NOT NULL
);
CREATE INDEX closed_attempts_user ON closed_attempts (user_id, at);

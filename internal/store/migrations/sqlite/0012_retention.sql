-- Data protection (issue 16): retention runs, legal holds and erased
-- accounts.

-- One row per retention period (a day, in UTC): the primary key makes the
-- period's run happen on one node only, whichever claims it first. A run
-- whose node died is taken over once its claim is stale (claimed_at).
CREATE TABLE retention_runs (
    period      TEXT PRIMARY KEY,
    node        TEXT NOT NULL,
    claimed_at  INTEGER NOT NULL,
    finished_at INTEGER NOT NULL DEFAULT 0,
    report      TEXT NOT NULL DEFAULT ''
);

-- A legal hold keeps an account's data (kind 'user') or one message
-- (kind 'message') past its retention until it is released: a complaint,
-- a request from the police or a court.
CREATE TABLE legal_holds (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('user', 'message')),
    target_id   INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    released_at INTEGER NOT NULL DEFAULT 0,
    released_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX legal_holds_target ON legal_holds (kind, target_id, released_at);

-- When a closed account was erased: its row stays, pseudonymised, so that
-- the messages it sent keep a sender for their recipients.
ALTER TABLE users ADD COLUMN erased_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX users_closed ON users (closed_at) WHERE closed_at <> 0;
CREATE INDEX messages_sent_at ON messages (sent_at);
CREATE INDEX revoked_sessions_at ON revoked_sessions (revoked_at);
CREATE INDEX notices_created ON notices (created_at);

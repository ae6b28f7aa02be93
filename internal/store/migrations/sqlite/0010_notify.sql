-- E-mail notifications (issue 16, internal/notify).

-- Each person's choice; without a row the default of their role applies.
CREATE TABLE notify_prefs (
    user_id    INTEGER PRIMARY KEY REFERENCES users(id),
    mode       TEXT NOT NULL, -- immediate | digest | none
    updated_at INTEGER NOT NULL
);

-- How far the collector has read the messages table (one row). Several
-- processes move it forward only (UPDATE … WHERE message_id < ?).
CREATE TABLE notify_cursor (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    message_id INTEGER NOT NULL
);
INSERT INTO notify_cursor (id, message_id) VALUES (1, 0);

-- Messages passed by the cursor whose copies may still become visible
-- (held for moderation, or recipients in quiet hours): read again until
-- they settle.
CREATE TABLE notify_watch (
    message_id INTEGER PRIMARY KEY,
    since      INTEGER NOT NULL
);

-- One row per thing to tell one person: a message they received or a
-- security notice. The unique key makes collecting idempotent across
-- processes; state moves pending → queued (an e-mail holds it) or skipped.
CREATE TABLE notify_events (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL,
    kind       TEXT NOT NULL, -- message | notice
    ref_id     INTEGER NOT NULL,
    urgent     INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    due_at     INTEGER NOT NULL,
    state      TEXT NOT NULL,
    UNIQUE (kind, ref_id, user_id)
);
CREATE INDEX notify_events_due ON notify_events (state, due_at);

-- The outbox: each e-mail is claimed by one process at a time (a lease),
-- sent, and on failure tried again with exponential backoff.
CREATE TABLE notify_outbox (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL,
    to_addr       TEXT NOT NULL,
    subject       TEXT NOT NULL,
    body          TEXT NOT NULL,
    unsubscribe   INTEGER NOT NULL DEFAULT 0,
    urgent        INTEGER NOT NULL DEFAULT 0, -- sent even in quiet hours
    created_at    INTEGER NOT NULL,
    next_at       INTEGER NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    claimed_until INTEGER NOT NULL DEFAULT 0,
    state         TEXT NOT NULL, -- queued | sent | failed
    sent_at       INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notify_outbox_next ON notify_outbox (state, next_at);
CREATE INDEX notify_outbox_user ON notify_outbox (user_id, id);

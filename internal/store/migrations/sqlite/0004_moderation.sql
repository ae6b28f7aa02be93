-- Moderation: who decided on held messages, recalls, reports, and the
-- lists that administrators extend for the screen.
ALTER TABLE messages ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN uai TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN academie TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN decided_by TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN decided_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN recalled_by TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN recalled_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX messages_fingerprint ON messages (fingerprint);
CREATE INDEX messages_scope_status ON messages (status, uai);

CREATE TABLE reports (
    id          INTEGER PRIMARY KEY,
    message_id  INTEGER NOT NULL REFERENCES messages(id),
    reporter_id INTEGER NOT NULL REFERENCES users(id),
    reason      TEXT NOT NULL,
    uai         TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (message_id, reporter_id)
);
CREATE INDEX reports_uai ON reports (uai, created_at);

CREATE TABLE blocked_digests (
    sha256   TEXT PRIMARY KEY,
    label    TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_at INTEGER NOT NULL
);

CREATE TABLE suspect_domains (
    domain     TEXT PRIMARY KEY,
    message_id INTEGER NOT NULL,
    added_at   INTEGER NOT NULL
);

CREATE TABLE allowed_domains (
    academie TEXT NOT NULL,
    domain   TEXT NOT NULL,
    added_by TEXT NOT NULL,
    PRIMARY KEY (academie, domain)
);

-- Bumped on every change of the three lists above, so that each process
-- rebuilds its screening engine.
CREATE TABLE screen_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO screen_version (id, version) VALUES (1, 1);

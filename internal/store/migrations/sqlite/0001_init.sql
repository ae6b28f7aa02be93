-- Directory, sessions, messages, audit trail.
CREATE TABLE academies (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    time_zone TEXT NOT NULL
);

CREATE TABLE establishments (
    uai         TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    academie_id TEXT NOT NULL REFERENCES academies(id)
);

CREATE TABLE classes (
    uai  TEXT NOT NULL REFERENCES establishments(uai),
    code TEXT NOT NULL,
    PRIMARY KEY (uai, code)
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL,
    academie_id   TEXT REFERENCES academies(id),
    uai           TEXT REFERENCES establishments(uai),
    class_code    TEXT,
    email         TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL DEFAULT '',
    totp_secret   TEXT NOT NULL DEFAULT '',
    totp_last     INTEGER NOT NULL DEFAULT 0,
    read_only     INTEGER NOT NULL DEFAULT 0,
    must_reset    INTEGER NOT NULL DEFAULT 0,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL
);
CREATE INDEX users_class ON users (uai, class_code);

CREATE TABLE parent_links (
    parent_id INTEGER NOT NULL REFERENCES users(id),
    child_id  INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (parent_id, child_id)
);
CREATE INDEX parent_links_child ON parent_links (child_id);

CREATE TABLE teachings (
    teacher_id INTEGER NOT NULL REFERENCES users(id),
    uai        TEXT NOT NULL,
    class_code TEXT NOT NULL,
    PRIMARY KEY (teacher_id, uai, class_code),
    FOREIGN KEY (uai, class_code) REFERENCES classes(uai, code)
);
CREATE INDEX teachings_class ON teachings (uai, class_code);

-- Who may write to whom, as data an administrator can read.
CREATE TABLE reach_rules (
    sender_role TEXT NOT NULL,
    target      TEXT NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (sender_role, target)
);

CREATE TABLE sessions (
    token_hash  BLOB PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    created_at  INTEGER NOT NULL,
    last_seen   INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    mfa_at      INTEGER NOT NULL DEFAULT 0,
    source      TEXT NOT NULL DEFAULT '',
    user_agent  TEXT NOT NULL DEFAULT '',
    csrf_hash   BLOB
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE messages (
    id         INTEGER PRIMARY KEY,
    thread_id  INTEGER NOT NULL,
    parent_id  INTEGER NOT NULL DEFAULT 0,
    sender_id  INTEGER NOT NULL REFERENCES users(id),
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    to_expr    TEXT NOT NULL,
    status     TEXT NOT NULL,
    score      REAL NOT NULL DEFAULT 0,
    reasons    TEXT NOT NULL DEFAULT '[]',
    sent_at    INTEGER NOT NULL,
    deliver_at INTEGER NOT NULL DEFAULT 0,
    recalled   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX messages_sender ON messages (sender_id, id);
CREATE INDEX messages_thread ON messages (thread_id);
CREATE INDEX messages_status ON messages (status, deliver_at);

-- One row per recipient; recipients of a held or deferred message get
-- their rows with visible = 0 until release.
CREATE TABLE deliveries (
    user_id    INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    visible    INTEGER NOT NULL,
    read_at    INTEGER NOT NULL DEFAULT 0,
    trashed    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, message_id)
) WITHOUT ROWID;
CREATE INDEX deliveries_message ON deliveries (message_id);

-- Attachment bytes live apart from the message rows, once per content.
CREATE TABLE blobs (
    sha256 BLOB PRIMARY KEY,
    size   INTEGER NOT NULL,
    data   BLOB NOT NULL
);

CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    message_id   INTEGER NOT NULL REFERENCES messages(id),
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       BLOB NOT NULL REFERENCES blobs(sha256)
);
CREATE INDEX attachments_message ON attachments (message_id);

CREATE TABLE drafts (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    to_expr    TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    parent_id  INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL
);
CREATE INDEX drafts_user ON drafts (user_id);

-- Hash-chained audit trail; audit_head holds the tip so that appends from
-- several processes serialise on one row and a truncated tail is seen.
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    target    TEXT NOT NULL,
    scope     TEXT NOT NULL,
    source    TEXT NOT NULL,
    detail    TEXT NOT NULL,
    prev_hash BLOB NOT NULL,
    hash      BLOB NOT NULL
);
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash BLOB NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, x'');

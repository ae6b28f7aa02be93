-- The unread count of every mailbox, kept on every change of a delivery or
-- of a message's recall, so that an inbox page reads one row instead of
-- counting the mailbox. SQLite has one writer: the counters are
-- never contended.
CREATE TABLE mailbox_unread (
    user_id INTEGER PRIMARY KEY,
    n       INTEGER NOT NULL
);
INSERT INTO mailbox_unread (user_id, n)
    SELECT d.user_id, COUNT(*) FROM deliveries d JOIN messages m ON m.id = d.message_id
    WHERE d.visible = 1 AND d.trashed = 0 AND d.read_at = 0 AND m.recalled = 0
    GROUP BY d.user_id;

-- A new delivery is counted by insertDeliveries itself, in one statement
-- for all the recipients of a message (a trigger per row costs more than
-- the insert it follows).

CREATE TRIGGER deliveries_unread_update AFTER UPDATE OF visible, trashed, read_at ON deliveries
WHEN (OLD.visible = 1 AND OLD.trashed = 0 AND OLD.read_at = 0) <> (NEW.visible = 1 AND NEW.trashed = 0 AND NEW.read_at = 0)
BEGIN
    INSERT INTO mailbox_unread (user_id, n)
        SELECT NEW.user_id, CASE WHEN NEW.visible = 1 AND NEW.trashed = 0 AND NEW.read_at = 0 THEN 1 ELSE -1 END
        FROM messages WHERE id = NEW.message_id AND recalled = 0
        ON CONFLICT (user_id) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER deliveries_unread_delete AFTER DELETE ON deliveries
WHEN OLD.visible = 1 AND OLD.trashed = 0 AND OLD.read_at = 0
BEGIN
    UPDATE mailbox_unread SET n = n - 1
    WHERE user_id = OLD.user_id AND EXISTS (SELECT 1 FROM messages WHERE id = OLD.message_id AND recalled = 0);
END;

CREATE TRIGGER messages_recall_unread AFTER UPDATE OF recalled ON messages
WHEN (OLD.recalled = 0) <> (NEW.recalled = 0)
BEGIN
    UPDATE mailbox_unread SET n = n + CASE WHEN NEW.recalled = 0 THEN 1 ELSE -1 END
    WHERE user_id IN (SELECT user_id FROM deliveries WHERE message_id = NEW.id AND visible = 1 AND trashed = 0 AND read_at = 0);
END;

-- Recalled messages (rare) in an index of their own, so that counting a
-- user's recalled deliveries starts from them, not from the mailbox.
CREATE INDEX messages_recalled ON messages (id) WHERE recalled = 1;

-- Sessions and browsers are evidence: when a session ends (logout, expiry,
-- revocation, containment) or a browser is forgotten, its row moves here
-- with when and why, instead of vanishing. The token hashes are not kept.
CREATE TABLE revoked_sessions (
    id INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id),
    public_id     TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    last_seen     INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    mfa_at        INTEGER NOT NULL,
    auth_at       INTEGER NOT NULL,
    source        TEXT NOT NULL,
    user_agent    TEXT NOT NULL,
    network       TEXT NOT NULL,
    ua_family     TEXT NOT NULL,
    moved_at      INTEGER NOT NULL,
    known_device  INTEGER NOT NULL,
    revoked_at    INTEGER NOT NULL,
    revoke_reason TEXT NOT NULL
);
CREATE INDEX revoked_sessions_user ON revoked_sessions (user_id, revoked_at);

CREATE TABLE revoked_devices (
    id INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id),
    network       TEXT NOT NULL,
    ua_family     TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    last_seen     INTEGER NOT NULL,
    revoked_at    INTEGER NOT NULL,
    revoke_reason TEXT NOT NULL
);
CREATE INDEX revoked_devices_user ON revoked_devices (user_id, revoked_at);

-- The audit trail becomes one hash chain per writer (each transaction in
-- flight of each server process or command-line run: a process keeps a
-- pool of them) instead of one chain whose head row every write of every
-- process had to lock. A chain's head is in audit_chains; each
-- chain starts with an anchor entry recording the heads of the others,
-- and anchors again periodically, so the chains vouch for each other.
-- The existing trail is chain 1, its entries keep their numbers.
CREATE TABLE audit_chains (
    id         INTEGER PRIMARY KEY,
    seq        INTEGER NOT NULL,
    hash       BLOB NOT NULL,
    created_at INTEGER NOT NULL DEFAULT 0
);
INSERT INTO audit_chains (id, seq, hash) SELECT 1, seq, hash FROM audit_head;
DROP TABLE audit_head;
ALTER TABLE audit ADD COLUMN chain INTEGER NOT NULL DEFAULT 1;
ALTER TABLE audit ADD COLUMN chain_seq INTEGER NOT NULL DEFAULT 0;
UPDATE audit SET chain_seq = seq;
CREATE UNIQUE INDEX audit_chain ON audit (chain, chain_seq);
CREATE INDEX audit_actor ON audit (actor, seq);
CREATE INDEX audit_target ON audit (target, seq);

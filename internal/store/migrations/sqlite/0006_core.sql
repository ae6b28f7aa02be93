-- The unread count of every mailbox, kept by triggers on every change of a
-- delivery or of a message's recall, so that an inbox page reads one row
-- instead of counting the mailbox. SQLite has one writer: the counters are
-- never contended.
CREATE TABLE mailbox_unread (
    user_id INTEGER PRIMARY KEY,
    n       INTEGER NOT NULL
);
INSERT INTO mailbox_unread (user_id, n)
    SELECT d.user_id, COUNT(*) FROM deliveries d JOIN messages m ON m.id = d.message_id
    WHERE d.visible = 1 AND d.trashed = 0 AND d.read_at = 0 AND m.recalled = 0
    GROUP BY d.user_id;

CREATE TRIGGER deliveries_unread_insert AFTER INSERT ON deliveries
WHEN NEW.visible = 1 AND NEW.trashed = 0 AND NEW.read_at = 0
BEGIN
    INSERT INTO mailbox_unread (user_id, n)
        SELECT NEW.user_id, 1 FROM messages WHERE id = NEW.message_id AND recalled = 0
        ON CONFLICT (user_id) DO UPDATE SET n = n + 1;
END;

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

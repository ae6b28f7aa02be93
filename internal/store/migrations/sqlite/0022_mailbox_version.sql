-- A version of every mailbox, moved in the transaction of every change that
-- an inbox or trash list shows: a delivery made visible, read, trashed,
-- restored or deleted; a message's subject, status, dates or recall; an
-- attachment added or removed. A process keeps the pages it listed for as
-- long as the version it read before them (and the directory's, for the
-- senders' names) has not moved, whichever process made the change
-- (store/pagecache.go). It lives beside the unread counter, which the same
-- changes already touch: a new visible delivery moves both in one statement
-- (insertDeliveries). A user without a row has version 0: the first change
-- creates the row at 1.
ALTER TABLE mailbox_unread ADD COLUMN v INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER deliveries_version_update AFTER UPDATE OF visible, trashed, read_at ON deliveries
BEGIN
    INSERT INTO mailbox_unread (user_id, n, v) VALUES (NEW.user_id, 0, 1)
        ON CONFLICT (user_id) DO UPDATE SET v = v + 1;
END;

CREATE TRIGGER deliveries_version_delete AFTER DELETE ON deliveries
WHEN OLD.visible = 1
BEGIN
    INSERT INTO mailbox_unread (user_id, n, v) VALUES (OLD.user_id, 0, 1)
        ON CONFLICT (user_id) DO UPDATE SET v = v + 1;
END;

CREATE TRIGGER messages_version_update AFTER UPDATE OF sender_id, subject, status, sent_at, deliver_at, recalled ON messages
BEGIN
    INSERT INTO mailbox_unread (user_id, n, v)
        SELECT user_id, 0, 1 FROM deliveries WHERE message_id = NEW.id AND visible = 1
        ON CONFLICT (user_id) DO UPDATE SET v = v + 1;
END;

CREATE TRIGGER attachments_version_insert AFTER INSERT ON attachments
BEGIN
    INSERT INTO mailbox_unread (user_id, n, v)
        SELECT user_id, 0, 1 FROM deliveries WHERE message_id = NEW.message_id AND visible = 1
        ON CONFLICT (user_id) DO UPDATE SET v = v + 1;
END;

CREATE TRIGGER attachments_version_delete AFTER DELETE ON attachments
BEGIN
    INSERT INTO mailbox_unread (user_id, n, v)
        SELECT user_id, 0, 1 FROM deliveries WHERE message_id = OLD.message_id AND visible = 1
        ON CONFLICT (user_id) DO UPDATE SET v = v + 1;
END;

-- Counting an inbox reads only what it counts: the unread deliveries in an
-- index of those alone (an index-only count, with no counter row that
-- concurrent sends to the same recipients would contend for), the
-- recalled messages (rare) in an index of those alone.
CREATE INDEX deliveries_unread ON deliveries (user_id, message_id) WHERE visible = 1 AND trashed = 0 AND read_at = 0;
CREATE INDEX messages_recalled ON messages (id) WHERE recalled = 1;

-- Per-recipient outcome of a send (issue 14): the recipients who did not
-- get a message when it was sent, and why, kept so that its sender sees
-- them by name after the send and later in the sent folder. deliver_at is
-- when a recipient receives it later (quiet hours), 0 when never; reason
-- is the messaging rules' own (never the screen's).
CREATE TABLE unreached (
    message_id INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
    deliver_at INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    PRIMARY KEY (message_id, user_id)
);
CREATE INDEX unreached_user ON unreached (user_id);

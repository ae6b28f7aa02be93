-- The key index in each server's memory (internal/store/keyindex.go) is
-- bounded: past its budget, the oldest log rows' keys move here, in
-- chunks sorted by key written by their own short transactions (never
-- by a send's commit), and an index lookup reads the newest of a key
-- from memory and from here. mark: the log seq up to which every row's
-- keys are here, moved forward in the chunk's transaction, so that a
-- restart, a crash or a second server on the file neither loses nor
-- files twice a row; newest: the newest instant of those rows.
CREATE TABLE campaign_keyspill (
    feature    INTEGER NOT NULL,
    at         INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    PRIMARY KEY (feature, at, message_id)
) WITHOUT ROWID;
CREATE TABLE campaign_keyspill_mark (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    seq    INTEGER NOT NULL,
    newest INTEGER NOT NULL
);
INSERT INTO campaign_keyspill_mark (id, seq, newest) VALUES (1, 0, -9223372036854775808);

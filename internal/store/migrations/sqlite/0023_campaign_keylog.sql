-- The campaign keys leave their table indexed by key for a log read by
-- an index in each server's memory (internal/store/keyindex.go): the
-- table put each of a message's ~15 keys on a page of its own, half of
-- the pages every send's commit wrote; a log row per observation is
-- appended to the pages the commit writes anyway. seq orders the rows
-- in commit order (SQLite has one writer; AUTOINCREMENT never reuses a
-- number), so each process reads only what was added since it last
-- looked. keys: comma-separated integers. moved: the row files again a
-- message observed before (a deferred message, at its delivery).
CREATE TABLE campaign_keylog (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id INTEGER NOT NULL,
    at         INTEGER NOT NULL,
    keys       TEXT NOT NULL,
    moved      INTEGER NOT NULL DEFAULT 0
);
INSERT INTO campaign_keylog (message_id, at, keys)
    SELECT message_id, at, group_concat(feature) FROM campaign_keys GROUP BY message_id, at ORDER BY at, message_id;
DROP TABLE campaign_keys;
CREATE INDEX campaign_keylog_at ON campaign_keylog (at);
CREATE INDEX campaign_keylog_message ON campaign_keylog (message_id);

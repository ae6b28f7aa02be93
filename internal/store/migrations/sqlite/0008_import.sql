-- Directory import: accounts and establishments keyed by the national
-- directory's (AAF) joint keys, staff functions, teaching subjects, closed
-- accounts, and the staging area of imports run in bounded chunks.
ALTER TABLE users ADD COLUMN external_id TEXT;
ALTER TABLE users ADD COLUMN functions TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN closed_at INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX users_external_id ON users (external_id);

ALTER TABLE establishments ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX establishments_external_id ON establishments (external_id);

ALTER TABLE teachings ADD COLUMN subjects TEXT NOT NULL DEFAULT '';

-- One row per import; state: staging → checking → applying → done (or
-- failed). A run found in 'applying' was validated whole and is finished
-- by the next import (roll forward from its cursor).
CREATE TABLE import_runs (
    id          INTEGER PRIMARY KEY,
    actor       TEXT NOT NULL,
    state       TEXT NOT NULL,
    started_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    cursor_rank INTEGER NOT NULL DEFAULT 0,
    cursor_seq  INTEGER NOT NULL DEFAULT 0,
    report      TEXT NOT NULL DEFAULT ''
);

-- The records of a run, as parsed, before validation and apply.
CREATE TABLE import_rows (
    run_id INTEGER NOT NULL,
    seq    INTEGER NOT NULL,
    rank   INTEGER NOT NULL,
    kind   TEXT NOT NULL,
    key    TEXT NOT NULL,
    file   TEXT NOT NULL,
    line   INTEGER NOT NULL,
    entry  TEXT NOT NULL,
    data   TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
);
CREATE INDEX import_rows_order ON import_rows (run_id, rank, seq);
CREATE INDEX import_rows_key ON import_rows (run_id, kind, key, seq);

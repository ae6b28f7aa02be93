-- Files of a draft awaiting its sender's confirmation (a wide urgent send
-- shows a summary first, and a summary page cannot post files again):
-- kept with the draft, bound to the session that attached them, gone with
-- the draft when it is sent or deleted.
CREATE TABLE draft_files (
    draft_id     INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    user_id      INTEGER NOT NULL,
    session_id   TEXT NOT NULL,
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    data         BLOB NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (draft_id, seq)
);
CREATE INDEX draft_files_created ON draft_files (created_at);

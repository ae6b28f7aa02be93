-- SQLite keeps a version of every mailbox for its page cache
-- (sqlite/0022_mailbox_version.sql). PostgreSQL has no page cache: its
-- servers share the database, and a version row per mailbox moved by
-- every send would be one more row locked per recipient. Nothing to do
-- here; the number keeps both dialects' migrations in step.
SELECT 1;

-- SQLite bounds its in-memory key index with a table of the oldest keys
-- (sqlite/0024_campaign_keyspill.sql). PostgreSQL keeps campaign_keys.
-- Nothing to do here; the number keeps both dialects' migrations in step.
SELECT 1;

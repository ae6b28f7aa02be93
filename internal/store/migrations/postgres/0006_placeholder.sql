-- Placeholder for the migration 0006 of another branch (issue 10):
-- dropped at merge in favour of 0006_actor.sql.
SELECT 1;

-- Placeholder on the importer branch only: number reserved for another
-- change. Delete this file at merge time.
SELECT 1;

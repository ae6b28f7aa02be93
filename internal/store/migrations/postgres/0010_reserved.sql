-- Placeholder for another branch's migration of this number, so that this
-- branch builds alone (numbers must be contiguous). Drop at merge.
SELECT 1;

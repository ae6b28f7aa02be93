-- Account search by name folds case and accents on both stores (issue 14):
-- SQLite's LOWER folds ASCII only, so « Helene » did not find « Hélène ».
-- The store writes the folded login and name on every insert and update
-- (store.SearchKey); rows written before this migration are filled by the
-- store right after it, and searched the old way while empty.
ALTER TABLE users ADD COLUMN search_key TEXT NOT NULL DEFAULT '';

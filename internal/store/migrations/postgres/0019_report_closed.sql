-- A report handled without recalling its message (« classer sans
-- suite », issue 14) is closed: it leaves the moderation page and the
-- admin home's count, and who closed it and when are kept.
ALTER TABLE reports ADD COLUMN closed_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN closed_by TEXT NOT NULL DEFAULT '';

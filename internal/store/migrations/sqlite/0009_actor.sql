-- Privileged actions (issue 10): who imposed each sanction, so that only
-- someone with authority over the imposer's scope lifts it, and which
-- session wrote a draft, so that a step-up approves only its own drafts.
ALTER TABLE suspensions ADD COLUMN imposed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE suspensions ADD COLUMN stops_receiving INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN read_only_by TEXT NOT NULL DEFAULT '';
ALTER TABLE account_security ADD COLUMN lock_by TEXT NOT NULL DEFAULT '';
ALTER TABLE drafts ADD COLUMN session_id TEXT NOT NULL DEFAULT '';

-- Per-recipient delivery (issue 14): recipients who may receive only later
-- (quiet hours in their establishment) get the message when their time
-- comes, while the others have it at once.
CREATE TABLE pending_deliveries (
    message_id INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
    deliver_at INTEGER NOT NULL,
    PRIMARY KEY (message_id, user_id)
);
CREATE INDEX pending_deliveries_due ON pending_deliveries (deliver_at);

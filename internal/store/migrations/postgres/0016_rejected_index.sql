-- Every delivered send counts its sender's refusals of the last minutes
-- (messaging: an account that keeps being refused is held). Through
-- messages_sender that read walks all the sender's messages, and through
-- messages_status every refused message of the school: a partial index
-- keeps it to the sender's refusals, and costs nothing on the sends that
-- are not refused.
CREATE INDEX messages_rejected_sender ON messages (sender_id, sent_at) WHERE status = 'rejected';

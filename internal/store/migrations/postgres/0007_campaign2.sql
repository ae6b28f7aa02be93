-- Campaigns, second version (issue 13): incidents at two levels, the
-- history of contents (how many messages carried each MinHash band per
-- day, kept a fortnight) so that a known template is told from a new
-- text.

-- level is 'review' (copies held for the académie's decision) or
-- 'contain' (copies of accounts with signals recalled, those accounts
-- locked when they are family or teacher accounts).
ALTER TABLE campaigns ADD COLUMN level TEXT NOT NULL DEFAULT 'contain';

CREATE TABLE campaign_history (
    feature BIGINT NOT NULL,
    day     BIGINT NOT NULL,
    n       BIGINT NOT NULL,
    PRIMARY KEY (feature, day)
);
CREATE INDEX campaign_history_day ON campaign_history (day);

-- The burst rule that held any suspicious sender during a burst is gone
-- (it held teachers writing to their classes during an incident).
DROP TABLE campaign_suspects;

-- Campaigns (issue 7): what campaign detection observed of each message,
-- the features that link copies of a wave together, the incidents opened
-- when a wave is recognised, and the alerts sent about them (each once).

-- One row per message observed; kept 30 days as each sender's history.
CREATE TABLE campaign_obs (
    message_id INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    sender_id  INTEGER NOT NULL,
    role       TEXT NOT NULL,
    uai        TEXT NOT NULL,
    academie   TEXT NOT NULL,
    schools    TEXT NOT NULL,
    recipients INTEGER NOT NULL,
    n_groups   INTEGER NOT NULL,
    status     TEXT NOT NULL,
    score      REAL NOT NULL,
    flags      INTEGER NOT NULL,
    sig        BLOB NOT NULL,
    extra      TEXT NOT NULL
);
CREATE INDEX campaign_obs_sender ON campaign_obs (sender_id, at);
CREATE INDEX campaign_obs_at ON campaign_obs (at);

-- Locality-sensitive keys (MinHash bands, attachment digests, link
-- domains) of recent observations, to find a message's near-copies.
CREATE TABLE campaign_keys (
    feature    INTEGER NOT NULL,
    at         INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    PRIMARY KEY (feature, at, message_id)
) WITHOUT ROWID;
CREATE INDEX campaign_keys_at ON campaign_keys (at);

-- The recent messages of suspicious senders (worth 2 points or more),
-- to see a burst of them across establishments whatever their texts.
CREATE TABLE campaign_suspects (
    message_id INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    sender_id  INTEGER NOT NULL,
    uai        TEXT NOT NULL
);
CREATE INDEX campaign_suspects_at ON campaign_suspects (at);

-- seed is the first suspicious message of the wave: two processes that
-- recognise the same wave at once open one incident.
CREATE TABLE campaigns (
    id           INTEGER PRIMARY KEY,
    seed         TEXT NOT NULL UNIQUE,
    status       TEXT NOT NULL,
    reason       TEXT NOT NULL,
    opened_at    INTEGER NOT NULL,
    contained_at INTEGER NOT NULL DEFAULT 0,
    closed_at    INTEGER NOT NULL DEFAULT 0,
    closed_by    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX campaigns_status ON campaigns (status, opened_at);

CREATE TABLE campaign_members (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    message_id  INTEGER NOT NULL,
    sender_id   INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    contained   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, message_id)
);
CREATE INDEX campaign_members_message ON campaign_members (message_id);

CREATE TABLE campaign_accounts (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    user_id     INTEGER NOT NULL,
    locked_at   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, user_id)
);

-- The establishments (and their académies) an incident touches.
CREATE TABLE campaign_places (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    uai         TEXT NOT NULL,
    academie    TEXT NOT NULL,
    PRIMARY KEY (campaign_id, uai)
);
CREATE INDEX campaign_places_uai ON campaign_places (uai);
CREATE INDEX campaign_places_academie ON campaign_places (academie);

-- What every process holds against while the incident is open: kind is
-- 'sig' (a MinHash signature, hex), 'key' (a digest or link feature).
CREATE TABLE campaign_features (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    kind        TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (campaign_id, kind, value)
);

CREATE TABLE campaign_events (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    at          INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    detail      TEXT NOT NULL
);
CREATE INDEX campaign_events_campaign ON campaign_events (campaign_id, id);

-- One row per alert ever due: the primary key is what makes each alert
-- go out once, whichever process gets there first.
CREATE TABLE campaign_alerts (
    alert_key   TEXT PRIMARY KEY,
    campaign_id INTEGER NOT NULL,
    status      TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    claimed_at  INTEGER NOT NULL,
    sent_at     INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT NOT NULL DEFAULT ''
);

-- Bumped on every change of open incidents, so that each process reloads
-- what it holds against.
CREATE TABLE campaign_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO campaign_version (id, version) VALUES (1, 1);

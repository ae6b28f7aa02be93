-- Single sign-on (issue 15): which identity provider vouches for which
-- account (by the subject it names them with), whether an administrator
-- allowed such an account a local password too, the assertion and token
-- identifiers already used (replay, shared by every node until they
-- expire), and the note a mass reset leaves for identity-provider operators.
CREATE TABLE sso_links (
    user_id    BIGINT NOT NULL REFERENCES users(id),
    idp        TEXT NOT NULL,
    subject    TEXT NOT NULL,
    linked_at  BIGINT NOT NULL,
    last_login BIGINT NOT NULL,
    PRIMARY KEY (user_id, idp)
);
CREATE UNIQUE INDEX sso_links_subject ON sso_links (idp, subject);

ALTER TABLE users ADD COLUMN local_password_by TEXT NOT NULL DEFAULT '';

CREATE TABLE sso_replay (
    idp        TEXT NOT NULL,
    id         TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (idp, id)
);
CREATE INDEX sso_replay_expiry ON sso_replay (expires_at);

ALTER TABLE mass_resets ADD COLUMN idp_note TEXT NOT NULL DEFAULT '';

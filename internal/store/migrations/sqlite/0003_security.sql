-- Account security (issue 5): factors, throttling, session binding,
-- notices, mass resets and probation. Secrets are never stored in clear:
-- TOTP secrets and WebAuthn records are sealed (AES-GCM, key outside the
-- database), codes and tokens are keyed hashes.
ALTER TABLE sessions ADD COLUMN public_id TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN auth_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN network TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN ua_family TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN idle_us INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN moved_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN known_device INTEGER NOT NULL DEFAULT 0;
CREATE INDEX sessions_public ON sessions (public_id);

-- One row per account that has security state; no row means none.
CREATE TABLE account_security (
    user_id         INTEGER PRIMARY KEY REFERENCES users(id),
    locked_until    INTEGER NOT NULL DEFAULT 0,
    lock_reason     TEXT NOT NULL DEFAULT '',
    must_enrol      INTEGER NOT NULL DEFAULT 0,
    must_ack        INTEGER NOT NULL DEFAULT 0,
    probation_until INTEGER NOT NULL DEFAULT 0,
    activated_at    INTEGER NOT NULL DEFAULT 0
);

-- Login throttling shared by every server process. key is the SHA-256
-- (hex) of "acct:NAME", "pair:NET|NAME" or "addr:NET", so that neither
-- addresses nor names typed by mistake (passwords, often) are kept.
CREATE TABLE login_throttle (
    key           TEXT PRIMARY KEY,
    failures      INTEGER NOT NULL,
    window_start  INTEGER NOT NULL,
    blocked_until INTEGER NOT NULL DEFAULT 0
);

-- Recent failures, for the credential-stuffing detector (distinct names
-- per network, failures everywhere). Pruned as it goes.
CREATE TABLE login_failures (
    at       INTEGER NOT NULL,
    addr_key TEXT NOT NULL,
    name_key TEXT NOT NULL
);
CREATE INDEX login_failures_at ON login_failures (at);
CREATE INDEX login_failures_addr ON login_failures (addr_key, at);

-- A TOTP secret being enrolled, before its first code confirms it.
CREATE TABLE totp_pending (
    user_id    INTEGER PRIMARY KEY REFERENCES users(id),
    sealed     TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE webauthn_credentials (
    id         BLOB PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    name       TEXT NOT NULL,
    sealed     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX webauthn_credentials_user ON webauthn_credentials (user_id);

-- Random WebAuthn user handles, so that the handle tells nothing.
CREATE TABLE webauthn_handles (
    user_id INTEGER PRIMARY KEY REFERENCES users(id),
    handle  BLOB NOT NULL UNIQUE
);

-- Ceremonies in progress; id is the SHA-256 of the handle given out.
CREATE TABLE webauthn_challenges (
    id         TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL DEFAULT 0,
    kind       TEXT NOT NULL,
    data       TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);

CREATE TABLE recovery_codes (
    user_id    INTEGER NOT NULL REFERENCES users(id),
    code_hash  BLOB NOT NULL,
    used_at    INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, code_hash)
);

-- Browsers an account has logged in from; token_hash is the SHA-256 of
-- the device token the client keeps.
CREATE TABLE known_devices (
    user_id    INTEGER NOT NULL REFERENCES users(id),
    token_hash BLOB NOT NULL,
    network    TEXT NOT NULL,
    ua_family  TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL,
    PRIMARY KEY (user_id, token_hash)
);

-- Security notices shown in the app; email_status is 'pending' for the
-- alert worker to send when the account has an address.
CREATE TABLE notices (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    kind         TEXT NOT NULL,
    message      TEXT NOT NULL,
    source       TEXT NOT NULL DEFAULT '',
    user_agent   TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    read_at      INTEGER NOT NULL DEFAULT 0,
    acted_at     INTEGER NOT NULL DEFAULT 0,
    email_status TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notices_user ON notices (user_id, id);

CREATE TABLE mass_resets (
    id         INTEGER PRIMARY KEY,
    scope      TEXT NOT NULL,
    roles      TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    accounts   INTEGER NOT NULL
);

CREATE TABLE activation_codes (
    user_id    INTEGER PRIMARY KEY REFERENCES users(id),
    code_hash  BLOB NOT NULL,
    reset_id   INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);

-- Roles that must use a second factor in a scope, beyond the personnel
-- who always must.
CREATE TABLE mfa_requirements (
    scope      TEXT NOT NULL,
    role       TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (scope, role)
);

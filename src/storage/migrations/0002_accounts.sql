-- People, their sessions and the single-use links mailed to them.
-- Timestamps are ISO-8601 UTC text written by the application
-- ("2026-11-23T05:04:03.123Z"), so they compare correctly as text.

-- Secrets the application generates once and every instance shares
-- (e.g. the key that signs CSRF tokens).
CREATE TABLE site_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT UNIQUE,              -- lower case; NULL once the account is deleted
  display_name TEXT NOT NULL,     -- empty once deleted ("deleted user")
  phone TEXT,
  password_hash TEXT,             -- Argon2id, encoded; NULL once deleted
  email_verified_at TEXT,
  is_platform_admin INTEGER NOT NULL DEFAULT 0,
  is_evaluator INTEGER NOT NULL DEFAULT 0,
  totp_secret TEXT,               -- set while enrolling and once enabled
  totp_enabled_at TEXT,
  totp_last_step INTEGER NOT NULL DEFAULT 0,  -- no TOTP code is accepted twice
  created_at TEXT NOT NULL,
  deleted_at TEXT
);

-- Server-side sessions of signed-in people. The cookie holds a random token;
-- only its SHA-256 digest is stored, so a copy of the database opens no session.
CREATE TABLE sessions (
  id_digest TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,       -- absolute expiry
  second_factor TEXT NOT NULL DEFAULT 'done'
    CHECK (second_factor IN ('done', 'pending', 'enrol')),
  ip TEXT,
  user_agent TEXT
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Single-use links: e-mail verification, password reset, e-mail change,
-- invitations. Only digests are stored.
CREATE TABLE account_tokens (
  digest TEXT PRIMARY KEY,
  user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL
    CHECK (purpose IN ('verify_email', 'reset_password', 'change_email', 'invitation')),
  payload TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX account_tokens_by_user ON account_tokens (user_id, purpose);

-- Log-in attempts, for throttling (per account and per address).
CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,  -- when the address is an account's
  email TEXT NOT NULL,
  address TEXT NOT NULL,
  attempted_at TEXT NOT NULL,
  succeeded INTEGER NOT NULL
);
CREATE INDEX login_attempts_by_email ON login_attempts (email, attempted_at);
CREATE INDEX login_attempts_by_address ON login_attempts (address, attempted_at);
CREATE INDEX login_attempts_by_user ON login_attempts (user_id);

-- Requests that send mail to an address (password reset, registration,
-- change of address), to limit how much mail one address can be sent. Only a
-- digest of the address is kept: many of them belong to no account.
CREATE TABLE mail_requests (
  id INTEGER PRIMARY KEY,
  address_digest TEXT NOT NULL,
  kind TEXT NOT NULL,
  requested_at TEXT NOT NULL
);
CREATE INDEX mail_requests_by_address ON mail_requests (address_digest, kind, requested_at);

-- Consent to the privacy notice (PDPA), with the version consented to.
CREATE TABLE consents (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  notice_version TEXT NOT NULL,
  given_at TEXT NOT NULL
);
CREATE INDEX consents_by_user ON consents (user_id);

-- Single-use recovery codes for two-factor log-in (digests only).
CREATE TABLE recovery_codes (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  digest TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX recovery_codes_by_user ON recovery_codes (user_id);

-- Who did what to which object, when and from where. The application only
-- ever inserts into this table.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_user_id INTEGER,          -- NULL for the system; kept when the user is deleted
  action TEXT NOT NULL,           -- e.g. "account.deleted", "membership.granted"
  object_type TEXT,
  object_id TEXT,
  organisation_id INTEGER,
  ip TEXT,
  request_id TEXT,
  details TEXT                    -- JSON
);
CREATE INDEX audit_log_by_time ON audit_log (at);
CREATE INDEX audit_log_by_actor ON audit_log (actor_user_id, at);
CREATE INDEX audit_log_by_organisation ON audit_log (organisation_id, at);

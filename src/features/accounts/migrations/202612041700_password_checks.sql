-- Every check of a password is recorded like a log-in, with what it was for
-- (log_in, change_password, change_email, delete_account,
-- disable_two_factor), and throttled per account and client address.
ALTER TABLE login_attempts ADD COLUMN purpose TEXT NOT NULL DEFAULT 'log_in';
CREATE INDEX login_attempts_by_pair ON login_attempts (email, address, attempted_at);

-- Outgoing mail. A change that causes a mail inserts its row in the same
-- transaction (mail::enqueue_mail), so a mail goes out exactly when the change
-- is committed; the background sender (mail::MailSender) delivers it over SMTP
-- and records the outcome here. Timestamps are ISO-8601 UTC text of fixed
-- width (YYYY-MM-DDTHH:MM:SS.mmmZ), computed by the program, so text order is
-- time order in SQLite and PostgreSQL alike.
CREATE TABLE mail_outbox (
  id INTEGER PRIMARY KEY,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body_text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- When the sender may next try: the enqueue time at first, later the retry
  -- time after a failure (or the end of a claim while a delivery is under way).
  next_attempt_at TEXT NOT NULL,
  sent_at TEXT,    -- delivered to the SMTP server
  failed_at TEXT,  -- given up after too many failed attempts
  last_error TEXT  -- the error of the latest failed attempt
);

-- The sender's query: unsent, not given up, due (next_attempt_at <= now).
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at)
  WHERE sent_at IS NULL AND failed_at IS NULL;

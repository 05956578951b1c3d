-- The consult level: comments any component can attach to its objects,
-- notifications, and public hearings on draft texts.

-- The language mail and notifications are written in.
ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT 'th';

-- Comments on anything a component registers (a hearing, one of its
-- sections …). Threads are at most three levels deep. A hidden comment stays
-- in its thread as a placeholder; only moderators see its text.
CREATE TABLE comments (
  id INTEGER PRIMARY KEY,
  target_kind TEXT NOT NULL,
  target_id INTEGER NOT NULL,
  parent_id INTEGER REFERENCES comments(id),
  depth INTEGER NOT NULL CHECK (depth BETWEEN 0 AND 2),
  author_id INTEGER NOT NULL REFERENCES users(id),
  anonymous INTEGER NOT NULL DEFAULT 0,   -- shown without the author's name
  stance TEXT CHECK (stance IN ('agree', 'disagree', 'neutral')),
  body TEXT NOT NULL,
  supports INTEGER NOT NULL DEFAULT 0,    -- count of comment_supports
  created_at TEXT NOT NULL,
  edited_at TEXT,
  hidden_at TEXT,
  hidden_by INTEGER REFERENCES users(id),
  hidden_reason TEXT
);
CREATE INDEX comments_by_target ON comments (target_kind, target_id, id);
CREATE INDEX comments_by_author ON comments (author_id, created_at);
CREATE INDEX comments_by_parent ON comments (parent_id);

-- What a comment said before each edit (edits are allowed for a short time).
CREATE TABLE comment_edits (
  id INTEGER PRIMARY KEY,
  comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  stance TEXT,
  replaced_at TEXT NOT NULL
);
CREATE INDEX comment_edits_by_comment ON comment_edits (comment_id);

CREATE TABLE comment_reports (
  id INTEGER PRIMARY KEY,
  comment_id INTEGER NOT NULL REFERENCES comments(id),
  reporter_id INTEGER NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL CHECK (reason IN ('spam', 'abuse', 'personal_data', 'off_topic', 'other')),
  note TEXT NOT NULL,
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by INTEGER REFERENCES users(id),
  UNIQUE (comment_id, reporter_id)
);
CREATE INDEX comment_reports_open ON comment_reports (resolved_at, comment_id);

-- One support per person and comment, by constraint.
CREATE TABLE comment_supports (
  comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (comment_id, user_id)
);

-- The in-app inbox. `args` holds what the message needs (JSON); the text is
-- written from the catalogue in the reader's language when shown or mailed.
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  args TEXT NOT NULL,
  url TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT,
  mailed_at TEXT,          -- sent alone, or in a digest
  awaiting_digest INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX notifications_by_user ON notifications (user_id, id);
CREATE INDEX notifications_for_digest ON notifications (awaiting_digest, user_id);

CREATE TABLE notification_settings (
  user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  email TEXT NOT NULL DEFAULT 'each' CHECK (email IN ('each', 'digest', 'none')),
  replies INTEGER NOT NULL DEFAULT 1,
  results INTEGER NOT NULL DEFAULT 1,
  news INTEGER NOT NULL DEFAULT 1
);

-- Spaces a person follows: their new announcements reach the inbox.
CREATE TABLE follows (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  space_id INTEGER NOT NULL REFERENCES spaces(id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, space_id)
);
CREATE INDEX follows_by_space ON follows (space_id);

-- Public hearings (การรับฟังความคิดเห็น) on a draft law, regulation, policy or
-- plan, inside a process. The draft is split into sections; version 1 is
-- what people comment on, later versions are the revised text published with
-- the summary report.
CREATE TABLE hearings (
  id INTEGER PRIMARY KEY,
  space_id INTEGER NOT NULL REFERENCES spaces(id),
  title TEXT NOT NULL,
  draft_kind TEXT NOT NULL CHECK (draft_kind IN ('law', 'regulation', 'policy', 'plan')),
  explanatory_note TEXT NOT NULL,          -- Markdown
  opens_on TEXT NOT NULL,                  -- YYYY-MM-DD, days in Thailand, inclusive
  closes_on TEXT NOT NULL,
  anonymous_allowed INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  summary TEXT NOT NULL DEFAULT '',        -- Markdown: the report's overall text
  summary_published_at TEXT,
  closed_notified_at TEXT,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_at TEXT,
  CHECK (opens_on <= closes_on)
);
CREATE INDEX hearings_by_space ON hearings (space_id);
CREATE INDEX hearings_open ON hearings (status, closes_on);

CREATE TABLE hearing_versions (
  id INTEGER PRIMARY KEY,
  hearing_id INTEGER NOT NULL REFERENCES hearings(id),
  number INTEGER NOT NULL,
  note TEXT NOT NULL,                      -- what changed, for the revised text
  created_at TEXT NOT NULL,
  UNIQUE (hearing_id, number)
);

CREATE TABLE hearing_sections (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES hearing_versions(id),
  position INTEGER NOT NULL,
  heading TEXT NOT NULL,
  body TEXT NOT NULL,
  UNIQUE (version_id, position)
);

-- The summary report: the issues the comments raised, the agency's response
-- and reasons, and whether the text changed.
CREATE TABLE hearing_issues (
  id INTEGER PRIMARY KEY,
  hearing_id INTEGER NOT NULL REFERENCES hearings(id),
  title TEXT NOT NULL,
  response TEXT NOT NULL,
  reasons TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('changed', 'partly_changed', 'not_changed')),
  created_at TEXT NOT NULL
);
CREATE INDEX hearing_issues_by_hearing ON hearing_issues (hearing_id);

CREATE TABLE hearing_issue_comments (
  issue_id INTEGER NOT NULL REFERENCES hearing_issues(id) ON DELETE CASCADE,
  comment_id INTEGER NOT NULL REFERENCES comments(id),
  PRIMARY KEY (issue_id, comment_id)
);
CREATE INDEX hearing_issue_comments_by_comment ON hearing_issue_comments (comment_id);

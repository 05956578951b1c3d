-- Surveys, a component of a process: questions (single or multiple choice, a
-- scale, short or long text) in sections, one response per account (or
-- anonymous where the survey allows it, within limits per network).
CREATE TABLE surveys (
  id INTEGER PRIMARY KEY,
  space_id INTEGER NOT NULL REFERENCES spaces(id),
  title TEXT NOT NULL,
  intro TEXT NOT NULL,                    -- Markdown
  opens_on TEXT NOT NULL,                 -- YYYY-MM-DD, days in Thailand, inclusive
  closes_on TEXT NOT NULL,
  anonymous_allowed INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  closed_notified_at TEXT,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_at TEXT,
  CHECK (opens_on <= closes_on)
);
CREATE INDEX surveys_by_space ON surveys (space_id);

CREATE TABLE survey_questions (
  id INTEGER PRIMARY KEY,
  survey_id INTEGER NOT NULL REFERENCES surveys(id),
  position INTEGER NOT NULL,
  section TEXT NOT NULL,                  -- heading of a section this question starts, or ''
  kind TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'scale', 'short', 'long')),
  prompt TEXT NOT NULL,
  help TEXT NOT NULL,
  required INTEGER NOT NULL DEFAULT 0,
  options TEXT NOT NULL,                  -- choices, one per line
  scale_min INTEGER NOT NULL DEFAULT 1,
  scale_max INTEGER NOT NULL DEFAULT 5,
  scale_min_label TEXT NOT NULL DEFAULT '',
  scale_max_label TEXT NOT NULL DEFAULT '',
  UNIQUE (survey_id, position)
);

-- One response per account by constraint (NULL user_id for anonymous ones,
-- which SQLite and PostgreSQL both let repeat).
CREATE TABLE survey_responses (
  id INTEGER PRIMARY KEY,
  survey_id INTEGER NOT NULL REFERENCES surveys(id),
  user_id INTEGER REFERENCES users(id),
  address_digest TEXT,                    -- anonymous responses: a keyed digest of the network
  created_at TEXT NOT NULL,
  UNIQUE (survey_id, user_id)
);
CREATE INDEX survey_responses_by_address ON survey_responses (survey_id, address_digest, created_at);

CREATE TABLE survey_answers (
  response_id INTEGER NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
  question_id INTEGER NOT NULL REFERENCES survey_questions(id),
  choice INTEGER,                         -- an option's index (from 0) or the scale value
  text TEXT                               -- for short and long answers
);
CREATE INDEX survey_answers_by_question ON survey_answers (question_id, choice);
CREATE INDEX survey_answers_by_response ON survey_answers (response_id);

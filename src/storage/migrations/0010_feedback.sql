-- Feedback cases: the suggestion box and complaint channel of each
-- organisation (web form and Open311 GeoReport v2), case handling with a
-- public timeline, service levels per category, ratings and reopening, and
-- the improvement plan that the findings feed.

-- Categories are configured per organisation; the code is the Open311
-- service_code, unique across the site.
CREATE TABLE feedback_categories (
  id INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  code TEXT NOT NULL UNIQUE,
  name_th TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  target_days INTEGER NOT NULL CHECK (target_days BETWEEN 1 AND 365),
  reopen_days INTEGER NOT NULL DEFAULT 14 CHECK (reopen_days BETWEEN 0 AND 365),  -- the reporter's window
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX feedback_categories_by_organisation ON feedback_categories (organisation_id);

-- Open311 clients: applications allowed to POST requests. Only a digest of
-- the key is stored.
CREATE TABLE open311_clients (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  key_digest TEXT NOT NULL UNIQUE,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

CREATE TABLE feedback_cases (
  id INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  category_id INTEGER NOT NULL REFERENCES feedback_categories(id),
  tracking_code TEXT NOT NULL UNIQUE,     -- the reporter's key to the tracking page
  description TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  lat REAL,                               -- the pin, only when the person chose to give it
  lon REAL,
  status TEXT NOT NULL CHECK (status IN ('received', 'accepted', 'in_progress', 'resolved',
                                         'not_relevant', 'forwarded', 'merged')),
  stage TEXT NOT NULL DEFAULT '',         -- the sub-state while in progress
  is_open INTEGER NOT NULL DEFAULT 1,     -- received, accepted or in progress
  assignee_id INTEGER REFERENCES users(id),
  -- Personal data: who reported, and how to reach them. Shown only to the
  -- officials handling the case; never in the public timeline or the API.
  reporter_id INTEGER REFERENCES users(id),
  contact_name TEXT NOT NULL DEFAULT '',
  contact_email TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN ('web', 'open311')),
  client_id INTEGER REFERENCES open311_clients(id),
  received_at TEXT NOT NULL,              -- UTC timestamps
  received_on TEXT NOT NULL,              -- the day in Thailand, YYYY-MM-DD
  due_on TEXT NOT NULL,                   -- received_on + the category's target days
  accepted_at TEXT,
  closed_at TEXT,
  updated_at TEXT NOT NULL,
  forwarded_from INTEGER REFERENCES feedback_cases(id),
  forwarded_to INTEGER REFERENCES feedback_cases(id),
  merged_into INTEGER REFERENCES feedback_cases(id),
  rating INTEGER CHECK (rating BETWEEN 1 AND 5),
  rated_at TEXT,
  reopen_count INTEGER NOT NULL DEFAULT 0
);
-- The officials' queue: open first, then by due day (overdue first).
CREATE INDEX feedback_cases_queue ON feedback_cases (organisation_id, is_open DESC, due_on, id);
-- The queue of one official, and the workload per official (covering).
CREATE INDEX feedback_cases_by_assignee
  ON feedback_cases (organisation_id, assignee_id, is_open DESC, due_on, id);
CREATE INDEX feedback_cases_workload ON feedback_cases (organisation_id, is_open, assignee_id, due_on);
CREATE INDEX feedback_cases_by_received ON feedback_cases (organisation_id, received_on);
CREATE INDEX feedback_cases_by_reporter ON feedback_cases (reporter_id);
CREATE INDEX feedback_cases_by_time ON feedback_cases (received_at);

-- The timeline. Public entries (status changes with their note) are shown to
-- everyone; internal ones (assignments, internal notes) to officials only.
CREATE TABLE feedback_events (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES feedback_cases(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL,                     -- received, status, assigned, forwarded, merged, rated, reopened, note
  status TEXT NOT NULL DEFAULT '',
  stage TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  public INTEGER NOT NULL DEFAULT 1,
  actor_id INTEGER REFERENCES users(id)
);
CREATE INDEX feedback_events_by_case ON feedback_events (case_id, id);

-- Photos: of the problem, sent with the report, or "after" the fix. Stored
-- like documents, outside the web root; location metadata is removed before
-- storing.
CREATE TABLE feedback_photos (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES feedback_cases(id),
  kind TEXT NOT NULL CHECK (kind IN ('report', 'after')),
  storage_key TEXT NOT NULL,
  content_type TEXT NOT NULL,
  byte_size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX feedback_photos_by_case ON feedback_photos (case_id);

-- The improvement plan: what an organisation will change because of what
-- it heard; public.
CREATE TABLE improvement_items (
  id INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  fiscal_year INTEGER NOT NULL,           -- Buddhist Era
  title TEXT NOT NULL,
  finding TEXT NOT NULL,                  -- what the reports showed
  action TEXT NOT NULL,                   -- what will be done
  owner_id INTEGER REFERENCES users(id),  -- the official responsible
  due_on TEXT,
  status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done')),
  done_note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX improvement_items_by_organisation ON improvement_items (organisation_id, fiscal_year);

-- Organisations (a tree: ministry → department → division; provinces; local
-- administrations; the oversight office) and who acts for them.
CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES organisations(id),
  kind TEXT NOT NULL
    CHECK (kind IN ('oversight', 'ministry', 'department', 'division', 'province', 'local', 'agency')),
  slug TEXT NOT NULL UNIQUE,
  name_th TEXT NOT NULL,
  name_en TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  website TEXT,
  address TEXT,
  created_at TEXT NOT NULL,
  archived_at TEXT
);
CREATE INDEX organisations_by_parent ON organisations (parent_id);

-- A person's roles in an organisation: official (publishes, runs processes,
-- answers input), moderator (handles reports), admin (manages the
-- organisation and its members).
CREATE TABLE memberships (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  role TEXT NOT NULL CHECK (role IN ('official', 'moderator', 'admin')),
  granted_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (user_id, organisation_id, role)
);
CREATE INDEX memberships_by_organisation ON memberships (organisation_id);

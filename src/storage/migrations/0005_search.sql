-- One full-text index over everything public (pages, announcements,
-- processes, hearings …). Each feature writes its items here in the same
-- transaction as the items themselves. Thai is segmented into words by the
-- "thai" tokenizer (ICU); prefixes of 1–3 Thai characters are indexed for
-- fast prefix queries.
CREATE TABLE search_entries (
  id INTEGER PRIMARY KEY,          -- the rowid of the entry in search_text
  kind TEXT NOT NULL,              -- "page", "announcement", "process" …
  ref TEXT NOT NULL,               -- the item's id within its kind
  organisation_id INTEGER REFERENCES organisations(id),
  url TEXT NOT NULL,
  published_at TEXT,
  UNIQUE (kind, ref)
);
CREATE INDEX search_entries_by_organisation ON search_entries (organisation_id, kind);

-- @sqlite
CREATE VIRTUAL TABLE search_text USING fts5(
  title, body, tokenize = 'thai', prefix = '3 6 9'
);
-- @end

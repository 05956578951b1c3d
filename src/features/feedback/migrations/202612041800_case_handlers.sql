-- The case-handling role: officials who handle an organisation's feedback
-- cases, of every category (category_id NULL) or of one. Only they, and an
-- official a case was assigned to by someone else, may see who reported it.
CREATE TABLE feedback_handlers (
  id INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  category_id INTEGER REFERENCES feedback_categories(id),
  granted_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX feedback_handlers_once
  ON feedback_handlers (organisation_id, user_id, COALESCE(category_id, 0));
CREATE INDEX feedback_handlers_by_user ON feedback_handlers (user_id);

-- Who gave the case to its assignee (an assignment by someone else lets the
-- assignee see the reporter; taking a case oneself does not).
ALTER TABLE feedback_cases ADD COLUMN assigned_by INTEGER REFERENCES users(id);

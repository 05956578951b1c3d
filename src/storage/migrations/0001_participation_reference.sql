-- Reference data every participatory activity points at.
-- The IAP2 spectrum of public participation: the five levels an activity can
-- open, from least to most public influence. Names and explanations live in
-- the message catalogues (locales/); the database holds the stable codes.
CREATE TABLE participation_levels (
  code TEXT PRIMARY KEY,
  rank INTEGER NOT NULL UNIQUE CHECK (rank BETWEEN 1 AND 5)
);

INSERT INTO participation_levels (code, rank) VALUES
  ('inform', 1),
  ('consult', 2),
  ('involve', 3),
  ('collaborate', 4),
  ('empower', 5);

-- The stages of the policy cycle an activity opens to the public.
CREATE TABLE policy_stages (
  code TEXT PRIMARY KEY,
  position INTEGER NOT NULL UNIQUE
);

INSERT INTO policy_stages (code, position) VALUES
  ('planning', 1),
  ('decision', 2),
  ('implementation', 3),
  ('evaluation', 4);

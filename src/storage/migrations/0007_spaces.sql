-- Spaces: where participation happens, owned by an organisation. A process is
-- time-bound with phases; a committee is a standing joint body of government
-- and civil society with members and meetings. Both declare the IAP2 level
-- they open and the policy-cycle stages, and are drafts until published.

-- Thailand's 76 provinces and Bangkok (ISO 3166-2:TH codes), for the scope of
-- provincial activities and for filtering.
CREATE TABLE provinces (
  code TEXT PRIMARY KEY,
  name_th TEXT NOT NULL,
  name_en TEXT NOT NULL
);

INSERT INTO provinces (code, name_th, name_en) VALUES
  ('TH-10', 'กรุงเทพมหานคร', 'Bangkok'),
  ('TH-11', 'สมุทรปราการ', 'Samut Prakan'),
  ('TH-12', 'นนทบุรี', 'Nonthaburi'),
  ('TH-13', 'ปทุมธานี', 'Pathum Thani'),
  ('TH-14', 'พระนครศรีอยุธยา', 'Phra Nakhon Si Ayutthaya'),
  ('TH-15', 'อ่างทอง', 'Ang Thong'),
  ('TH-16', 'ลพบุรี', 'Lop Buri'),
  ('TH-17', 'สิงห์บุรี', 'Sing Buri'),
  ('TH-18', 'ชัยนาท', 'Chai Nat'),
  ('TH-19', 'สระบุรี', 'Saraburi'),
  ('TH-20', 'ชลบุรี', 'Chon Buri'),
  ('TH-21', 'ระยอง', 'Rayong'),
  ('TH-22', 'จันทบุรี', 'Chanthaburi'),
  ('TH-23', 'ตราด', 'Trat'),
  ('TH-24', 'ฉะเชิงเทรา', 'Chachoengsao'),
  ('TH-25', 'ปราจีนบุรี', 'Prachin Buri'),
  ('TH-26', 'นครนายก', 'Nakhon Nayok'),
  ('TH-27', 'สระแก้ว', 'Sa Kaeo'),
  ('TH-30', 'นครราชสีมา', 'Nakhon Ratchasima'),
  ('TH-31', 'บุรีรัมย์', 'Buri Ram'),
  ('TH-32', 'สุรินทร์', 'Surin'),
  ('TH-33', 'ศรีสะเกษ', 'Si Sa Ket'),
  ('TH-34', 'อุบลราชธานี', 'Ubon Ratchathani'),
  ('TH-35', 'ยโสธร', 'Yasothon'),
  ('TH-36', 'ชัยภูมิ', 'Chaiyaphum'),
  ('TH-37', 'อำนาจเจริญ', 'Amnat Charoen'),
  ('TH-38', 'บึงกาฬ', 'Bueng Kan'),
  ('TH-39', 'หนองบัวลำภู', 'Nong Bua Lam Phu'),
  ('TH-40', 'ขอนแก่น', 'Khon Kaen'),
  ('TH-41', 'อุดรธานี', 'Udon Thani'),
  ('TH-42', 'เลย', 'Loei'),
  ('TH-43', 'หนองคาย', 'Nong Khai'),
  ('TH-44', 'มหาสารคาม', 'Maha Sarakham'),
  ('TH-45', 'ร้อยเอ็ด', 'Roi Et'),
  ('TH-46', 'กาฬสินธุ์', 'Kalasin'),
  ('TH-47', 'สกลนคร', 'Sakon Nakhon'),
  ('TH-48', 'นครพนม', 'Nakhon Phanom'),
  ('TH-49', 'มุกดาหาร', 'Mukdahan'),
  ('TH-50', 'เชียงใหม่', 'Chiang Mai'),
  ('TH-51', 'ลำพูน', 'Lamphun'),
  ('TH-52', 'ลำปาง', 'Lampang'),
  ('TH-53', 'อุตรดิตถ์', 'Uttaradit'),
  ('TH-54', 'แพร่', 'Phrae'),
  ('TH-55', 'น่าน', 'Nan'),
  ('TH-56', 'พะเยา', 'Phayao'),
  ('TH-57', 'เชียงราย', 'Chiang Rai'),
  ('TH-58', 'แม่ฮ่องสอน', 'Mae Hong Son'),
  ('TH-60', 'นครสวรรค์', 'Nakhon Sawan'),
  ('TH-61', 'อุทัยธานี', 'Uthai Thani'),
  ('TH-62', 'กำแพงเพชร', 'Kamphaeng Phet'),
  ('TH-63', 'ตาก', 'Tak'),
  ('TH-64', 'สุโขทัย', 'Sukhothai'),
  ('TH-65', 'พิษณุโลก', 'Phitsanulok'),
  ('TH-66', 'พิจิตร', 'Phichit'),
  ('TH-67', 'เพชรบูรณ์', 'Phetchabun'),
  ('TH-70', 'ราชบุรี', 'Ratchaburi'),
  ('TH-71', 'กาญจนบุรี', 'Kanchanaburi'),
  ('TH-72', 'สุพรรณบุรี', 'Suphan Buri'),
  ('TH-73', 'นครปฐม', 'Nakhon Pathom'),
  ('TH-74', 'สมุทรสาคร', 'Samut Sakhon'),
  ('TH-75', 'สมุทรสงคราม', 'Samut Songkhram'),
  ('TH-76', 'เพชรบุรี', 'Phetchaburi'),
  ('TH-77', 'ประจวบคีรีขันธ์', 'Prachuap Khiri Khan'),
  ('TH-80', 'นครศรีธรรมราช', 'Nakhon Si Thammarat'),
  ('TH-81', 'กระบี่', 'Krabi'),
  ('TH-82', 'พังงา', 'Phang Nga'),
  ('TH-83', 'ภูเก็ต', 'Phuket'),
  ('TH-84', 'สุราษฎร์ธานี', 'Surat Thani'),
  ('TH-85', 'ระนอง', 'Ranong'),
  ('TH-86', 'ชุมพร', 'Chumphon'),
  ('TH-90', 'สงขลา', 'Songkhla'),
  ('TH-91', 'สตูล', 'Satun'),
  ('TH-92', 'ตรัง', 'Trang'),
  ('TH-93', 'พัทลุง', 'Phatthalung'),
  ('TH-94', 'ปัตตานี', 'Pattani'),
  ('TH-95', 'ยะลา', 'Yala'),
  ('TH-96', 'นราธิวาส', 'Narathiwat');

-- Topics a space can be about (names in the message catalogues).
CREATE TABLE topics (
  code TEXT PRIMARY KEY,
  position INTEGER NOT NULL UNIQUE
);

INSERT INTO topics (code, position) VALUES
  ('public_administration', 1),
  ('environment', 2),
  ('health', 3),
  ('education', 4),
  ('economy', 5),
  ('agriculture', 6),
  ('transport', 7),
  ('urban_development', 8),
  ('water', 9),
  ('energy', 10),
  ('social_welfare', 11),
  ('safety', 12),
  ('justice', 13),
  ('culture', 14),
  ('digital', 15),
  ('labour', 16);

CREATE TABLE spaces (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('process', 'committee')),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  body TEXT NOT NULL,              -- Markdown
  scope TEXT NOT NULL CHECK (scope IN ('national', 'province', 'local')),
  province_code TEXT REFERENCES provinces(code),
  level TEXT NOT NULL REFERENCES participation_levels(code),
  status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_at TEXT,               -- first publication
  CHECK (scope = 'national' OR province_code IS NOT NULL)
);
CREATE INDEX spaces_by_organisation ON spaces (organisation_id, kind, status);
CREATE INDEX spaces_by_status ON spaces (kind, status, published_at);

CREATE TABLE space_stages (
  space_id INTEGER NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
  stage TEXT NOT NULL REFERENCES policy_stages(code),
  PRIMARY KEY (space_id, stage)
);

CREATE TABLE space_topics (
  space_id INTEGER NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
  topic TEXT NOT NULL REFERENCES topics(code),
  PRIMARY KEY (space_id, topic)
);
CREATE INDEX space_topics_by_topic ON space_topics (topic);

-- The phases of a process, in order; dates are calendar days in Thailand.
CREATE TABLE phases (
  id INTEGER PRIMARY KEY,
  space_id INTEGER NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  starts_on TEXT NOT NULL,         -- YYYY-MM-DD
  ends_on TEXT NOT NULL,
  CHECK (starts_on <= ends_on)
);
CREATE INDEX phases_by_space ON phases (space_id, starts_on);

-- Members of a committee: public by nature (who sits for whom).
CREATE TABLE committee_members (
  id INTEGER PRIMARY KEY,
  space_id INTEGER NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  affiliation TEXT NOT NULL,
  sector TEXT NOT NULL
    CHECK (sector IN ('government', 'civil_society', 'private', 'academic', 'media', 'citizen')),
  position TEXT NOT NULL CHECK (position IN ('chair', 'vice_chair', 'member', 'secretary')),
  term_start TEXT NOT NULL,        -- YYYY-MM-DD
  term_end TEXT,                   -- NULL: open-ended
  CHECK (term_end IS NULL OR term_start <= term_end)
);
CREATE INDEX committee_members_by_space ON committee_members (space_id);

-- A committee's meetings: agenda before, minutes after (Markdown), with
-- documents attached.
CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  space_id INTEGER NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  held_on TEXT NOT NULL,           -- YYYY-MM-DD
  location TEXT NOT NULL,
  agenda TEXT NOT NULL,
  minutes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX meetings_by_space ON meetings (space_id, held_on);

-- Pages (standing information) and announcements (news, dated) of an
-- organisation, optionally inside one of its spaces. Every edit is kept as a
-- revision; `revision` is the number of the current one.
CREATE TABLE pages (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('page', 'announcement')),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  space_id INTEGER REFERENCES spaces(id),
  title TEXT NOT NULL,
  body TEXT NOT NULL,              -- Markdown
  status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  revision INTEGER NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_at TEXT                -- first publication (or the date the source states)
);
CREATE INDEX pages_by_organisation ON pages (organisation_id, kind, status);
CREATE INDEX pages_by_space ON pages (space_id);
CREATE INDEX pages_published ON pages (kind, status, published_at);

CREATE TABLE page_revisions (
  id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  note TEXT NOT NULL,              -- what changed, as the editor said
  edited_by INTEGER REFERENCES users(id),
  edited_at TEXT NOT NULL,
  -- Was this text ever public (saved while the page was published, or
  -- current when it was published)? Only those revisions are shown to the
  -- public; drafts stay the organisation's.
  was_public INTEGER NOT NULL DEFAULT 0,
  UNIQUE (page_id, number)
);

-- Uploaded documents. The bytes live outside the web root under
-- `storage_key`; the type is what the content is, not what its name says.
-- A document belongs to exactly one object of a component (a page, space,
-- meeting, hearing …; the component checks the owner exists) and is public
-- exactly when its owner is.
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  owner_kind TEXT NOT NULL,
  owner_id INTEGER NOT NULL,
  title TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  byte_size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  storage_key TEXT NOT NULL UNIQUE,
  uploaded_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX documents_by_owner ON documents (owner_kind, owner_id);

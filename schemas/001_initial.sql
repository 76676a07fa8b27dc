-- CMOC Workbench project schema, version 1.
-- Every entity has a GUID (REFI-QDA identity, used to merge projects) beside its row id.
-- Positions are Unicode code point offsets [start, end) into source_text.text.
-- Times are ISO 8601 UTC strings.

CREATE TABLE project_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE coders (
  id         INTEGER PRIMARY KEY,
  guid       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE cases (
  id         INTEGER PRIMARY KEY,
  guid       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL UNIQUE,
  case_type  TEXT,
  memo       TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE case_attributes (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  name    TEXT NOT NULL,
  value   TEXT NOT NULL,
  PRIMARY KEY (case_id, name)
) WITHOUT ROWID;

CREATE TABLE participants (
  id             INTEGER PRIMARY KEY,
  guid           TEXT NOT NULL UNIQUE,
  code           TEXT NOT NULL UNIQUE,   -- "19", "INT1"
  is_interviewer INTEGER NOT NULL DEFAULT 0 CHECK (is_interviewer IN (0, 1)),
  case_id        INTEGER REFERENCES cases(id) ON DELETE SET NULL,
  memo           TEXT,
  created_at     TEXT NOT NULL
);

-- Free-form attributes (role, region, phase, ...).
CREATE TABLE participant_attributes (
  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  name           TEXT NOT NULL,
  value          TEXT NOT NULL,
  PRIMARY KEY (participant_id, name)
) WITHOUT ROWID;

CREATE TABLE sources (
  id             INTEGER PRIMARY KEY,
  guid           TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,          -- file name as imported
  format         TEXT NOT NULL,          -- text, docx, odt, vtt, srt
  content_hash   TEXT NOT NULL UNIQUE,   -- of the normalised text; refuses duplicate imports
  char_count     INTEGER NOT NULL,       -- code points
  participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,  -- main interviewee
  memo           TEXT,
  imported_at    TEXT NOT NULL,
  modified_at    TEXT NOT NULL
);
CREATE INDEX sources_name ON sources(name);

-- Kept apart from `sources` so listing sources never reads the text.
CREATE TABLE source_text (
  source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  text      TEXT NOT NULL
);

CREATE TABLE speakers (
  id             INTEGER PRIMARY KEY,
  guid           TEXT NOT NULL UNIQUE,
  source_id      INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  label          TEXT NOT NULL,          -- as written in the transcript
  participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
  is_interviewer INTEGER NOT NULL DEFAULT 0 CHECK (is_interviewer IN (0, 1)),
  UNIQUE (source_id, label)
);
CREATE INDEX speakers_participant ON speakers(participant_id);

CREATE TABLE turns (
  id         INTEGER PRIMARY KEY,
  source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,           -- 1-based, document order
  speaker_id INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
  start      INTEGER NOT NULL CHECK (start >= 0),
  end        INTEGER NOT NULL CHECK (end >= start),
  start_ms   INTEGER,
  end_ms     INTEGER,
  UNIQUE (source_id, seq)
);

CREATE TABLE codes (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  parent_id   INTEGER REFERENCES codes(id) ON DELETE RESTRICT,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL DEFAULT 'other'
              CHECK (kind IN ('context', 'mechanism', 'outcome', 'other')),
  definition  TEXT NOT NULL DEFAULT '',
  inclusion   TEXT NOT NULL DEFAULT '',
  exclusion   TEXT NOT NULL DEFAULT '',
  color       TEXT,                      -- #RRGGBB
  origin      TEXT NOT NULL DEFAULT 'deductive' CHECK (origin IN ('deductive', 'inductive')),
  memo        TEXT NOT NULL DEFAULT '',
  sort_order  INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  modified_at TEXT NOT NULL
);
-- Sibling names are unique; top-level codes share the parent 0.
CREATE UNIQUE INDEX codes_sibling_name ON codes(ifnull(parent_id, 0), name);

CREATE TABLE codings (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  code_id     INTEGER NOT NULL REFERENCES codes(id) ON DELETE RESTRICT,
  coder_id    INTEGER NOT NULL REFERENCES coders(id) ON DELETE RESTRICT,
  start       INTEGER NOT NULL CHECK (start >= 0),
  end         INTEGER NOT NULL CHECK (end > start),
  memo        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  modified_at TEXT NOT NULL
);
CREATE INDEX codings_code ON codings(code_id, source_id);
CREATE INDEX codings_source ON codings(source_id, start);
CREATE INDEX codings_coder ON codings(coder_id);

CREATE TABLE cmocs (
  id                INTEGER PRIMARY KEY,
  guid              TEXT NOT NULL UNIQUE,
  context_code_id   INTEGER NOT NULL REFERENCES codes(id) ON DELETE RESTRICT,
  mechanism_code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE RESTRICT,
  outcome_code_id   INTEGER NOT NULL REFERENCES codes(id) ON DELETE RESTRICT,
  status            TEXT NOT NULL DEFAULT 'novel'
                    CHECK (status IN ('affirms', 'refines', 'refutes', 'novel')),
  prior_cmoc_id     INTEGER REFERENCES cmocs(id) ON DELETE SET NULL,
  label             TEXT NOT NULL DEFAULT '',
  memo              TEXT NOT NULL DEFAULT '',
  coder_id          INTEGER NOT NULL REFERENCES coders(id) ON DELETE RESTRICT,
  created_at        TEXT NOT NULL,
  modified_at       TEXT NOT NULL
);
CREATE INDEX cmocs_mechanism ON cmocs(mechanism_code_id);

CREATE TABLE cmoc_evidence (
  cmoc_id   INTEGER NOT NULL REFERENCES cmocs(id) ON DELETE CASCADE,
  slot      TEXT NOT NULL CHECK (slot IN ('context', 'mechanism', 'outcome')),
  coding_id INTEGER NOT NULL REFERENCES codings(id) ON DELETE CASCADE,
  PRIMARY KEY (cmoc_id, slot, coding_id)
) WITHOUT ROWID;
CREATE INDEX cmoc_evidence_coding ON cmoc_evidence(coding_id);

-- Chains: the outcome of `from` is the context of `to`.
CREATE TABLE cmoc_links (
  id           INTEGER PRIMARY KEY,
  guid         TEXT NOT NULL UNIQUE,
  from_cmoc_id INTEGER NOT NULL REFERENCES cmocs(id) ON DELETE CASCADE,
  to_cmoc_id   INTEGER NOT NULL REFERENCES cmocs(id) ON DELETE CASCADE,
  memo         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  UNIQUE (from_cmoc_id, to_cmoc_id)
);

-- Memos on any entity, addressed by kind and GUID (project, source, code, coding, cmoc ...).
CREATE TABLE memos (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  target_kind TEXT NOT NULL,
  target_guid TEXT,
  title       TEXT NOT NULL DEFAULT '',
  text        TEXT NOT NULL,
  coder_id    INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL,
  modified_at TEXT NOT NULL
);
CREATE INDEX memos_target ON memos(target_kind, target_guid);

-- Append-only record of deletions and other consequential changes.
CREATE TABLE audit (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  coder       TEXT,
  action      TEXT NOT NULL,     -- "import", "delete-coding", ...
  entity_kind TEXT NOT NULL,
  entity_guid TEXT,
  detail      TEXT NOT NULL DEFAULT '{}'   -- JSON
);

-- Full-text index over speaker turns; the text comes from source_text through a view so it is
-- stored once. Tokenised by the ICU tokenizer `cmoc` (case- and accent-folding, any script).
CREATE VIEW turn_text(id, text) AS
  SELECT t.id, substr(st.text, t.start + 1, t.end - t.start)
  FROM turns t JOIN source_text st ON st.source_id = t.source_id;

CREATE VIRTUAL TABLE turn_fts USING fts5(
  text, content='turn_text', content_rowid='id', tokenize='cmoc'
);

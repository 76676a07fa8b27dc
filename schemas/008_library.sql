-- The study library: each reference imported from a RIS or BibTeX file is a study (the paper a
-- realist review cites), with its authors and any extra fields of the reference (country,
-- design, partnership type ...) as attributes, the way participants hold theirs. A PDF source
-- is linked to at most one study, so its quotes are attributed "Hartley and Osei 2017, p. 4"
-- and the matrix can split its codings by the study's attributes.
CREATE TABLE studies (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  key         TEXT NOT NULL UNIQUE,   -- the citation key ("okonkwo2019"): how commands name it
  year        INTEGER,                -- NULL: the reference gives none ("n.d.")
  title       TEXT NOT NULL,
  journal     TEXT NOT NULL,
  doi         TEXT,                   -- lower case, without "https://doi.org/"; NULL: none
  origin      TEXT NOT NULL,          -- the file it was imported from, with its line
  imported_at TEXT NOT NULL
);
CREATE UNIQUE INDEX studies_doi ON studies(doi) WHERE doi IS NOT NULL;

-- In the reference's order: the first is the one a citation names.
CREATE TABLE study_authors (
  study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 1),
  family   TEXT NOT NULL,
  given    TEXT NOT NULL,
  PRIMARY KEY (study_id, position)
) WITHOUT ROWID;

CREATE TABLE study_attributes (
  study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
  name     TEXT NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY (study_id, name)
) WITHOUT ROWID;

-- Which study a paper is; how the link was made: 'doi' (found in the paper's text), 'file name',
-- 'title', or 'hand' (cmoc library link).
CREATE TABLE study_sources (
  source_id  INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  study_id   INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
  matched_by TEXT NOT NULL CHECK (matched_by IN ('doi', 'file name', 'title', 'hand'))
);
CREATE INDEX study_sources_study ON study_sources(study_id);

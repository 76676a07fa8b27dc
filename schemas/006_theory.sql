-- Programme-theory versions (issue 11): the CMOC set frozen under a name and a date, so the
-- researcher can say how the theory changed between gleaning, refining and evaluation.
-- A version copies what it froze (codes by GUID and path, status, prior, support counts,
-- chains), so later edits, renames or deletions of CMOCs and codes cannot change it.

-- One row while undo or redo replays a recorded changeset (backend/sqlite/history.cpp). The
-- triggers below let only such a replay delete a version's rows: undoing the snapshot is the
-- one way a version goes away. Empty at every commit.
CREATE TABLE history_replay (
  replaying INTEGER PRIMARY KEY CHECK (replaying = 1)
);

CREATE TABLE theory_versions (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  memo        TEXT NOT NULL DEFAULT '',
  coder       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  cmoc_count  INTEGER NOT NULL CHECK (cmoc_count >= 0),
  link_count  INTEGER NOT NULL CHECK (link_count >= 0)
);

-- Each CMOC as the version froze it. Codes are kept by GUID (what identity compares) and path
-- (what people read, as it was then).
CREATE TABLE theory_cmocs (
  version_id     INTEGER NOT NULL REFERENCES theory_versions(id),
  cmoc_guid      TEXT NOT NULL,
  cmoc_id        INTEGER NOT NULL,
  label          TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL CHECK (status IN ('affirms', 'refines', 'refutes', 'novel')),
  prior_guid     TEXT NOT NULL DEFAULT '',
  context_guid   TEXT NOT NULL,
  context_path   TEXT NOT NULL,
  mechanism_guid TEXT NOT NULL,
  mechanism_path TEXT NOT NULL,
  outcome_guid   TEXT NOT NULL,
  outcome_path   TEXT NOT NULL,
  excerpts       INTEGER NOT NULL CHECK (excerpts >= 0),
  sources        INTEGER NOT NULL CHECK (sources >= 0 AND sources <= excerpts),
  PRIMARY KEY (version_id, cmoc_guid)
) WITHOUT ROWID;

-- Chains as the version froze them: `from`'s outcome feeds `to`'s context.
CREATE TABLE theory_links (
  version_id INTEGER NOT NULL REFERENCES theory_versions(id),
  from_guid  TEXT NOT NULL,
  to_guid    TEXT NOT NULL,
  PRIMARY KEY (version_id, from_guid, to_guid),
  CHECK (from_guid <> to_guid)
) WITHOUT ROWID;

-- Immutable: no update ever (undo of an insert is a delete, redo an insert), and no delete but
-- a replay of the history.
CREATE TRIGGER theory_versions_immutable BEFORE UPDATE ON theory_versions
BEGIN SELECT RAISE(ABORT, 'theory versions are immutable'); END;
CREATE TRIGGER theory_cmocs_immutable BEFORE UPDATE ON theory_cmocs
BEGIN SELECT RAISE(ABORT, 'theory versions are immutable'); END;
CREATE TRIGGER theory_links_immutable BEFORE UPDATE ON theory_links
BEGIN SELECT RAISE(ABORT, 'theory versions are immutable'); END;
CREATE TRIGGER theory_versions_kept BEFORE DELETE ON theory_versions
WHEN NOT EXISTS (SELECT 1 FROM history_replay)
BEGIN SELECT RAISE(ABORT, 'theory versions are immutable (undo the snapshot to remove one)'); END;
CREATE TRIGGER theory_cmocs_kept BEFORE DELETE ON theory_cmocs
WHEN NOT EXISTS (SELECT 1 FROM history_replay)
BEGIN SELECT RAISE(ABORT, 'theory versions are immutable (undo the snapshot to remove one)'); END;
CREATE TRIGGER theory_links_kept BEFORE DELETE ON theory_links
WHEN NOT EXISTS (SELECT 1 FROM history_replay)
BEGIN SELECT RAISE(ABORT, 'theory versions are immutable (undo the snapshot to remove one)'); END;

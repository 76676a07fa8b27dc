-- REFI-QDA interchange: what other tools' exchange files hold that version 1 had no place for.
-- Members and link ends are addressed by GUID, like memos, because they may be any entity.

-- Attributes of a source itself (REFI-QDA VariableValues on a source, as MAXQDA writes them,
-- and ATLAS.ti's "name: value" document groups), beside participant and case attributes.
CREATE TABLE source_attributes (
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  name      TEXT NOT NULL,
  value     TEXT NOT NULL,
  PRIMARY KEY (source_id, name)
) WITHOUT ROWID;

-- Sources a case covers directly (REFI-QDA Case/SourceRef), beside the sources of its
-- participants.
CREATE TABLE case_sources (
  case_id   INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  PRIMARY KEY (case_id, source_id)
) WITHOUT ROWID;
CREATE INDEX case_sources_source ON case_sources(source_id);

-- Named groups of codes, sources and memos (REFI-QDA Sets: ATLAS.ti code and document groups,
-- NVivo sets). Members that no longer exist are skipped on export.
CREATE TABLE entity_sets (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);

CREATE TABLE entity_set_members (
  set_id      INTEGER NOT NULL REFERENCES entity_sets(id) ON DELETE CASCADE,
  member_kind TEXT NOT NULL CHECK (member_kind IN ('code', 'source', 'memo')),
  member_guid TEXT NOT NULL,
  seq         INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (set_id, member_kind, member_guid)
) WITHOUT ROWID;

-- Links between any two entities (REFI-QDA Links other than CMOC chains and evidence:
-- ATLAS.ti relations, NVivo relationships). Ends that no longer exist are skipped on export.
CREATE TABLE entity_links (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL DEFAULT '',
  direction   TEXT NOT NULL DEFAULT 'Associative'
              CHECK (direction IN ('Associative', 'OneWay', 'Bidirectional')),
  color       TEXT,
  origin_guid TEXT NOT NULL,
  target_guid TEXT NOT NULL,
  memo        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);
CREATE INDEX entity_links_origin ON entity_links(origin_guid);
CREATE INDEX entity_links_target ON entity_links(target_guid);

-- Text edits in the undo history as the bytes replaced, not as SQLite's image of the whole
-- source_text row: the session recorded a 50 MB transcript twice (before and after) for a
-- one-word edit, and undo held it several times over. An Action that edits text leaves
-- source_text out of its changeset and writes one row here per replacement, in order; undo
-- puts old_text back at byte_start (checking new_text is still there), redo the reverse.
CREATE TABLE history_text (
  history_id INTEGER NOT NULL REFERENCES history(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL CHECK (seq >= 0),
  source_id  INTEGER NOT NULL,  -- no foreign key: undo may run after the source is gone
  byte_start INTEGER NOT NULL CHECK (byte_start >= 0),
  old_text   TEXT NOT NULL,
  new_text   TEXT NOT NULL,
  PRIMARY KEY (history_id, seq)
) WITHOUT ROWID;

-- Undo/redo: each user action's changes as an SQLite session changeset, newest last.
-- `undone` entries form the redo stack; a new action by the same coder discards them.
CREATE TABLE history (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  coder     TEXT NOT NULL DEFAULT '',
  label     TEXT NOT NULL,          -- "apply code Trust", "edit text of interview-01.txt"
  changeset BLOB NOT NULL,
  undone    INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
);
CREATE INDEX history_coder ON history(coder, undone, id);

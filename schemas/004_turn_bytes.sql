-- Each turn's UTF-8 byte range in source_text.text, beside its code point range, so a quote or
-- a keyword in context is read from the turn's bytes (incremental blob I/O) instead of reading
-- and indexing the source's whole text. Derived data: every writer of turns or of a source's
-- text sets them (store/turn_bytes.h); NULL means "not known", and readers then fall back to
-- the whole text. The migration's C++ step fills them for existing projects.
ALTER TABLE turns ADD COLUMN start_byte INTEGER CHECK (start_byte >= 0);
ALTER TABLE turns ADD COLUMN end_byte INTEGER CHECK (end_byte >= start_byte);

-- A coding's turns are found by position (the turn at or before a code point), not by loading
-- every turn of its source.
CREATE INDEX turns_source_start ON turns(source_id, start);

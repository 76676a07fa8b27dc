-- The pages of a paged source (a PDF paper): each page's code point range in source_text.text,
-- so an excerpt, a CMOC table's quote or a search hit can say the page it is on. A source's
-- pages cover its text in order; a page with no text is the empty range where the next begins.
-- Written by every writer of sources (import, merge) and moved by text edits like turns.
CREATE TABLE pages (
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  page      INTEGER NOT NULL CHECK (page >= 1),  -- 1-based, the PDF's page order
  start     INTEGER NOT NULL CHECK (start >= 0),
  end       INTEGER NOT NULL CHECK (end >= start),
  PRIMARY KEY (source_id, page)
) WITHOUT ROWID;

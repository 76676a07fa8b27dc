#pragma once
// From the lines of a PDF's pages (as poppler gives its text layer) to a paper's text, its
// paragraphs and its pages. No poppler here, so every rule is tested on plain lines.
//
// The rules (docs/pdf-import.md says them for users):
//   running heads  Among the first and the last kEdgeLines lines of each page, a line that
//                  recurs, with its digits ignored, at that edge of at least half the pages (and
//                  of two at least) is a running header or footer and is dropped; so is a bare
//                  page number there ("4", "- 4 -", "Page 4", "4 of 12"). A one-page paper keeps
//                  its lines, since nothing can recur.
//   hyphens        A line ending in a hyphen after a letter, followed by a line starting with a
//                  lower-case letter, joins it without the hyphen ("organis-" + "ations" =
//                  "organisations"). Another hyphen stays and joins without a space
//                  ("context-" + "Mechanism"). A soft hyphen (U+00AD) is dropped everywhere.
//                  The cost: a compound broken at its own hyphen ("semi-" + "structured") loses
//                  it; no dictionary tells the two apart.
//   paragraphs     A paragraph ends at a blank line, after a line shorter than kShortLine of
//                  its page's median line, and after a line ending a sentence (. ! ? :, maybe
//                  then a closing quote or bracket) when the next line is over kWiderLine times
//                  as long (a column's text giving way to full-width text). A page break does
//                  not end a paragraph: a paragraph runs on into the next column or page.
//   characters     Ligatures (U+FB00..U+FB06) are spelt out (text::foldLigatures); each line
//                  is NFC; runs of spaces and tabs become one space.
#include <string>
#include <vector>

#include "cmoc/transcript.h"

namespace cmoc::importers {

inline constexpr std::size_t kEdgeLines = 3;
inline constexpr double kShortLine = 0.8;
inline constexpr double kWiderLine = 1.4;

// `pages[i]` holds page i + 1's lines, top to bottom, valid UTF-8 without line ends.
// The result's format is "pdf"; its paragraphs are turns without a speaker.
Transcript layoutPaper(const std::string& fileName, const std::vector<std::vector<std::string>>& pages);

}  // namespace cmoc::importers

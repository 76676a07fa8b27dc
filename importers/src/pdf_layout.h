#pragma once
// From the lines of a PDF's pages (as poppler gives its text layer) to a paper's text, its
// paragraphs and its pages. No poppler here, so every rule is tested on plain lines.
//
// The rules (docs/pdf-import.md says them for users; pdf_lines.h how lines are found):
//   running heads  Among the kEdgeLines top-most and bottom-most lines of each page, a line
//                  that recurs, with its digits ignored, at that edge of at least half the pages
//                  (and of two at least) is a running header or footer and is dropped; so is a
//                  bare page number there ("4", "- 4 -", "Page 4", "4 of 12"). A one-page paper
//                  keeps its header, since nothing can recur.
//   hyphens        A line ending in a hyphen after a letter, followed by a line starting with a
//                  lower-case letter, joins it without the hyphen ("organis-" + "ations" =
//                  "organisations"). Another hyphen stays and joins without a space
//                  ("context-" + "Mechanism"). A soft hyphen (U+00AD, what typesetters that
//                  hyphenate write) is dropped everywhere. The cost: a compound broken at its own
//                  hyphen ("semi-" + "structured") loses it; no dictionary tells the two apart.
//   paragraphs     Measured on the page, not in characters, since justified columns make every
//                  line as wide and narrow ones hold few words. A paragraph ends where the space
//                  to the next line of its column is over kParagraphGap line heights; in a
//                  justified column (kJustified of its lines on the page reach its right edge),
//                  after a line ending over kShortEnd line heights before that edge, unless the
//                  next line starts in lower case; and
//                  where the type size changes by over kSizeChange (a title, a heading). A change
//                  of column or page does not end a paragraph: it runs on, as in a journal.
//   characters     Ligatures (U+FB00..U+FB06) are spelt out (text::foldLigatures); each line
//                  is NFC; runs of spaces and tabs become one space.
#include <string>
#include <vector>

#include "cmoc/transcript.h"
#include "pdf_lines.h"

namespace cmoc::importers {

inline constexpr std::size_t kEdgeLines = 3;
inline constexpr double kParagraphGap = 0.25;
inline constexpr double kShortEnd = 1.0;
inline constexpr double kSizeChange = 0.15;
inline constexpr double kJustified = 0.6;

// `pages[i]` holds page i + 1's words. The result's format is "pdf"; its paragraphs are turns
// without a speaker, and it has one page range per page.
Transcript layoutPaper(const std::string& fileName, const std::vector<PdfPage>& pages);

}  // namespace cmoc::importers

#pragma once
// PDF papers (a realist synthesis's sources) read through poppler's text layer: the text in the
// order the PDF's producer wrote it, paragraphs as turns without a speaker, and each page's
// code point range (Transcript::pages). The rules for running heads, hyphens and paragraphs are
// in importers/src/pdf_layout.h and docs/pdf-import.md.
#include <cstdint>

namespace cmoc::importers {

// A PDF bomb guard: the page count is checked before any page is read, the text as it grows.
// A long book has about 1,000 pages; a paper's text is tens of kilobytes.
inline constexpr int kMaxPdfPages = 2000;
inline constexpr std::uint64_t kMaxPdfTextBytes = 32ull << 20;
// The %PDF- header and the %%EOF marker are looked for this far from the start and the end, as
// PDF readers do (ISO 32000 allows bytes before the header; producers append after %%EOF).
inline constexpr std::size_t kPdfMarkerWindow = 1024;

}  // namespace cmoc::importers

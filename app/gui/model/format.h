#pragma once
// Small presentation helpers shared by the view-models: code colours and kind tags, times and
// dates as researchers read them. No wx here: views turn Rgb into wxColour themselves.
#include <cstdint>
#include <string>
#include <string_view>

#include "cmoc/codebook.h"

namespace cmoc::gui {

struct Rgb {
  unsigned char r = 0, g = 0, b = 0;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

// The code's own "#RRGGBB" colour, or a default per realist kind when it has none (or a
// malformed one): contexts purple, mechanisms green, outcomes orange, other codes grey.
Rgb codeColour(std::string_view hex, CodeKind kind);
Rgb kindColour(CodeKind kind);
std::string toHex(Rgb c);

// "[C]", "[M]", "[O]" and "[-]" for other codes: the marker the codebook tree shows.
std::string_view kindTag(CodeKind kind);

// Milliseconds as "hh:mm:ss" ("00:12:40").
std::string formatClock(std::int64_t ms);
// The date of an ISO 8601 timestamp ("2026-11-12T09:30:00Z" -> "2026-11-12").
std::string datePart(std::string_view iso);
// The last name of a code path ("Mechanisms/Trust" -> "Trust"), unescaped.
std::string leafName(std::string_view codePath);
// Collapses runs of white space to one space and trims; cuts at a word boundary past
// maxChars code points, adding an ellipsis.
std::string shorten(std::string_view text, std::size_t maxChars);
// A report's headline: the text up to its first line break.
std::string firstLine(std::string_view text);

}  // namespace cmoc::gui

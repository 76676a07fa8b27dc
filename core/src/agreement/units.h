#pragma once
// The units of unit-level agreement, cut from a source's text. Whitespace at a unit's edges is
// trimmed off and blank units dropped, so that a coding running over the space or blank line
// between two units does not count as coding a third.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cmoc/agreement.h"
#include "spans.h"

namespace cmoc::agreement {

struct Unit {
  Span span;
  std::int64_t number = 0;  // sentence ordinal, line number of a paragraph, or turn number
};

// ICU sentence breaks (text::sentenceBoundaries).
std::vector<Unit> sentenceUnits(std::string_view text);
// Lines: a paragraph is what lies between line ends.
std::vector<Unit> paragraphUnits(std::string_view text);

// "sentence 4", "paragraph at line 12", "turn 3".
std::string unitLabel(AgreementUnit unit, std::int64_t number);

}  // namespace cmoc::agreement

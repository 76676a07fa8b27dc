#pragma once
// Widening auto-coding matches in one turn to their scope (cmoc/autocode.h), and merging the
// results so each stretch of text is coded once. Pure: byte offsets into the turn's text.
#include <string_view>
#include <vector>

#include "autocode_match.h"
#include "cmoc/autocode.h"

namespace cmoc::autocode {

struct ScopedMatches {
  std::vector<ByteSpan> matches;   // the matches kept (one that is only white space is dropped)
  std::vector<ByteSpan> excerpts;  // what to code: sorted, none overlapping or touching
  std::vector<std::size_t> excerptOf;  // per kept match, the index of its excerpt
};

// Sentence: from the start of the sentence holding a match's first character to the end of
// the one holding its last (ICU sentence breaks). Paragraph: the same with lines. Turn: the
// whole text. Every excerpt is trimmed of white space at either end; excerpts that overlap or
// touch are merged.
ScopedMatches widen(std::string_view turn, const std::vector<ByteSpan>& matches, AutocodeScope scope);

}  // namespace cmoc::autocode

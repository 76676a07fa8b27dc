#include "units.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "cmoc/text.h"

namespace cmoc::agreement {

namespace {

std::vector<UChar32> codePoints(std::string_view text) {
  std::vector<UChar32> out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    out.push_back(c);
  }
  return out;
}

void addTrimmed(std::vector<Unit>& out, const std::vector<UChar32>& cps, std::int64_t start,
                std::int64_t end, std::int64_t number) {
  while (start < end && u_isUWhiteSpace(cps[static_cast<std::size_t>(start)])) ++start;
  while (end > start && u_isUWhiteSpace(cps[static_cast<std::size_t>(end - 1)])) --end;
  if (start < end) out.push_back({{start, end}, number});
}

}  // namespace

std::vector<Unit> sentenceUnits(std::string_view text) {
  const std::vector<UChar32> cps = codePoints(text);
  const std::vector<std::int64_t> b = text::sentenceBoundaries(text);
  std::vector<Unit> out;
  std::int64_t number = 0;
  for (std::size_t i = 0; i + 1 < b.size(); ++i) {
    const std::size_t before = out.size();
    addTrimmed(out, cps, b[i], b[i + 1], number + 1);
    if (out.size() != before) ++number;
  }
  return out;
}

std::vector<Unit> paragraphUnits(std::string_view text) {
  const std::vector<UChar32> cps = codePoints(text);
  std::vector<Unit> out;
  std::int64_t line = 1, start = 0;
  const auto n = static_cast<std::int64_t>(cps.size());
  for (std::int64_t i = 0; i <= n; ++i) {
    if (i < n && cps[static_cast<std::size_t>(i)] != '\n') continue;
    addTrimmed(out, cps, start, i, line);
    ++line;
    start = i + 1;
  }
  return out;
}

std::string unitLabel(AgreementUnit unit, std::int64_t number) {
  const std::string n = std::to_string(number);
  switch (unit) {
    case AgreementUnit::Sentence: return "sentence " + n;
    case AgreementUnit::Paragraph: return "paragraph at line " + n;
    case AgreementUnit::Turn: return "turn " + n;
    case AgreementUnit::Character: break;
  }
  return "character " + n;
}

}  // namespace cmoc::agreement

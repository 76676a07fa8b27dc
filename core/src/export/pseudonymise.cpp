// Name matching reuses auto-coding's phrase matcher, so names fold exactly as search folds them.
#include "cmoc/pseudonymise.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <set>

#include "autocode/autocode_match.h"
#include "cmoc/error.h"
#include "cmoc/text.h"

namespace cmoc {

using text::codePointCount;
using text::fold;

struct Pseudonymiser::Pattern {
  autocode::TokenPattern words;
  std::string replacement;
  bool needsCapital = false;  // a lone first or last name must look like one
};

namespace {

const std::set<std::string> kGenericLabels = {
    "interviewer", "interviewee", "respondent", "participant", "moderator", "facilitator",
    "speaker",     "unknown",     "researcher", "chair",       "host",      "chat"};
const std::set<std::string> kTitles = {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor",
                                       "sir", "dame", "lord", "lady", "rev", "cllr"};

std::vector<std::string> splitOnSpace(std::string_view s) {
  std::vector<std::string> out;
  std::string word;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

bool startsWithCapital(std::string_view s) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  std::int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(p, i, static_cast<std::int32_t>(s.size()), c);
  return c >= 0 && u_isupper(c);
}

}  // namespace

bool isPersonalName(std::string_view label) {
  if (codePointCount(label) < 2) return false;
  if (std::any_of(label.begin(), label.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  return !kGenericLabels.count(fold(label));
}

Pseudonymiser::Pseudonymiser(const std::vector<Name>& names) {
  std::vector<Name> whole;
  std::map<std::string, std::set<std::string>> partCodes;  // folded part -> codes using it
  std::map<std::string, std::string> partAsWritten;
  for (const Name& n : names) {
    if (!isPersonalName(n.name)) continue;
    whole.push_back(n);
    for (const std::string& part : splitOnSpace(n.name)) {
      const std::string folded = fold(part);
      if (codePointCount(part) < 3 || kTitles.count(folded)) continue;
      partCodes[folded].insert(n.code);
      partAsWritten[folded] = part;
    }
  }
  // Longer names first, so "Dr Priya Raman" is replaced whole before "Priya" could be.
  std::sort(whole.begin(), whole.end(), [](const Name& a, const Name& b) {
    return a.name.size() != b.name.size() ? a.name.size() > b.name.size() : a.name < b.name;
  });
  // A label of punctuation alone has no words to look for (TokenPattern refuses it).
  auto add = [&](const std::string& name, const std::string& code, bool needsCapital) {
    try {
      patterns_.push_back({autocode::TokenPattern(name, true), "[" + code + "]", needsCapital});
    } catch (const UsageError&) {
    }
  };
  for (const Name& n : whole) add(n.name, n.code, false);
  for (const auto& [folded, codes] : partCodes)
    if (codes.size() == 1) add(partAsWritten[folded], *codes.begin(), true);
}

Pseudonymiser::~Pseudonymiser() = default;
Pseudonymiser::Pseudonymiser(Pseudonymiser&&) noexcept = default;
Pseudonymiser& Pseudonymiser::operator=(Pseudonymiser&&) noexcept = default;

std::string Pseudonymiser::apply(std::string_view text) const {
  struct Hit {
    std::size_t start, end;
    const std::string* replacement;
  };
  std::vector<Hit> hits;
  auto overlaps = [&](std::size_t s, std::size_t e) {
    return std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return s < h.end && h.start < e; });
  };
  for (const Pattern& p : patterns_)
    for (const autocode::ByteSpan& span : p.words.find(text)) {
      if (p.needsCapital && !startsWithCapital(text.substr(span.start))) continue;
      if (!overlaps(span.start, span.end)) hits.push_back({span.start, span.end, &p.replacement});
    }
  if (hits.empty()) return std::string(text);
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.start < b.start; });
  std::string out;
  std::size_t at = 0;
  for (const Hit& h : hits) {
    out.append(text.substr(at, h.start - at));
    out += *h.replacement;
    at = h.end;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace cmoc

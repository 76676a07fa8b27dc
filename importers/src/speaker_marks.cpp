#include "speaker_marks.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <cctype>
#include <memory>

#include "captions.h"
#include "cmoc/error.h"
#include "cmoc/text.h"
#include "turn_builder.h"

namespace cmoc::importers {

namespace {

// A speaker label: a letter or digit first, then up to 40 letters, digits, spaces, dots,
// hyphens and apostrophes (Unicode-aware, so "Zoë Adebayo-Müller" qualifies).
constexpr const char* kLabel = "([\\p{L}\\p{N}][\\p{L}\\p{N} .'’\\-]{0,39}?)";
constexpr const char* kClock = "(\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?)";

// Compiled once per thread, with a matcher each that is reset onto every paragraph: creating
// four matchers per paragraph was most of the cost of recognising a large import's turns.
struct Patterns {
  std::unique_ptr<icu::RegexPattern> timedLabel, label, header, timed;
  std::unique_ptr<icu::RegexMatcher> timedLabelMatcher, labelMatcher, headerMatcher, timedMatcher;
};

Patterns& patterns() {
  thread_local Patterns p = [] {
    auto compile = [](const std::string& re) {
      UErrorCode status = U_ZERO_ERROR;
      UParseError pe;
      std::unique_ptr<icu::RegexPattern> r(
          icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(re), pe, status));
      if (U_FAILURE(status)) throw Error("internal error: bad speaker pattern " + re);
      return r;
    };
    Patterns q;
    q.timedLabel = compile(std::string("^\\[?") + kClock + "\\]?\\s+" + kLabel + ":\\s*");
    q.label = compile(std::string("^") + kLabel + ":\\s+");
    q.header = compile(std::string("^") + kLabel + "\\s{1,}\\[?" + kClock + "\\]?\\s*$");
    q.timed = compile(std::string("^\\[") + kClock + "\\]\\s*");
    auto matcher = [](const icu::RegexPattern& r) {
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::RegexMatcher> m(r.matcher(status));
      if (U_FAILURE(status)) throw Error("internal error: no speaker pattern matcher");
      return m;
    };
    q.timedLabelMatcher = matcher(*q.timedLabel);
    q.labelMatcher = matcher(*q.label);
    q.headerMatcher = matcher(*q.header);
    q.timedMatcher = matcher(*q.timed);
    return q;
  }();
  return p;
}

std::string group(icu::RegexMatcher& m, int g) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out;
  m.group(g, status).toUTF8String(out);
  return out;
}

std::int64_t cpEnd(icu::RegexMatcher& m, const icu::UnicodeString& u) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t end16 = m.end(status);
  return u.countChar32(0, end16);
}

}  // namespace

Mark recognise(const std::string& paragraph) {
  Mark mark;
  // Only the first line can carry a header.
  const std::string_view first = std::string_view(paragraph).substr(0, paragraph.find('\n'));
  // Every mark holds a colon (after a label, or inside a clock): most paragraphs of running
  // text have none and need no regular expression.
  if (first.find(':') == std::string_view::npos) return mark;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(first.data(), static_cast<int32_t>(first.size())));
  UErrorCode status = U_ZERO_ERROR;
  Patterns& p = patterns();
  icu::RegexMatcher* m = &p.timedLabelMatcher->reset(u);
  if (m->lookingAt(status)) {
    mark = {Mark::Label, group(*m, 2), cpEnd(*m, u), parseClock(group(*m, 1))};
    return mark;
  }
  m = &p.headerMatcher->reset(u);
  if (paragraph.find('\n') == std::string::npos && m->matches(status)) {
    mark = {Mark::Header, group(*m, 1), 0, parseClock(group(*m, 2))};
    return mark;
  }
  m = &p.labelMatcher->reset(u);
  if (m->lookingAt(status)) {
    mark = {Mark::Label, group(*m, 1), cpEnd(*m, u), std::nullopt};
    return mark;
  }
  m = &p.timedMatcher->reset(u);
  if (m->lookingAt(status)) mark = {Mark::None, "", cpEnd(*m, u), parseClock(group(*m, 1))};
  return mark;
}

std::string trim(std::string_view s) { return std::string(trimSpaces(s)); }

bool knownLabel(const std::string& label) {
  const std::string k = text::fold(label);
  for (const char* l : {"i", "r", "q", "a", "int", "interviewer", "interviewee", "respondent",
                        "participant", "facilitator", "moderator"})
    if (k == l) return true;
  // P19, R2, INT1 and the like.
  std::size_t i = 0;
  while (i < k.size() && std::isalpha(static_cast<unsigned char>(k[i]))) ++i;
  return i > 0 && i <= 3 && i < k.size() &&
         k.find_first_not_of("0123456789", i) == std::string::npos;
}

bool looksLikeName(const std::string& label) {
  const std::string k = text::fold(label);
  for (const char* w :
       {"note",         "nb",       "re",    "subject", "date",       "time",      "location",
        "example",      "summary",  "title", "source",  "transcript", "interview", "duration",
        "participants", "keywords", "topic", "update",  "agenda",     "present"})
    if (k == w) return false;
  int words = 0;
  bool atWordStart = true;
  for (std::size_t i = 0; i < label.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(label[i]);
    if (c == ' ') {
      atWordStart = true;
      continue;
    }
    if (atWordStart) {
      ++words;
      // ASCII lower-case first letter: not a name ("so: ..."); non-ASCII letters pass.
      if (c >= 'a' && c <= 'z' && words == 1) return false;
      atWordStart = false;
    }
  }
  return words >= 1 && words <= 4;
}

}  // namespace cmoc::importers

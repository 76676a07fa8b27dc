#include "autocode_scope.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>
#include <numeric>

#include "text/icu_util.h"

namespace cmoc::autocode {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

ByteSpan trim(std::string_view text, ByteSpan s) {
  while (s.start < s.end && isSpace(text[s.start])) ++s.start;
  while (s.end > s.start && isSpace(text[s.end - 1])) --s.end;
  return s;
}

// ICU's sentence break rules, one iterator per thread: creating one per turn would cost more
// than the breaking itself over a corpus.
icu::BreakIterator& sentenceBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    icuCheck(status, "sentence break iterator");
    return b;
  }();
  return *it;
}

// Sentence starts as byte offsets (reading UTF-8 through a UText, ICU's positions are bytes);
// the first is 0, the last the text's size.
std::vector<std::size_t> sentenceStarts(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  icuCheck(status, "UTF-8 text");
  struct Close {
    UText* t;
    ~Close() { utext_close(t); }
  } close{&ut};
  icu::BreakIterator& it = sentenceBreaker();
  it.setText(&ut, status);
  icuCheck(status, "sentence breaks");
  std::vector<std::size_t> out;
  for (int32_t p = it.first(); p != icu::BreakIterator::DONE; p = it.next())
    out.push_back(static_cast<std::size_t>(p));
  if (out.empty() || out.back() != text.size()) out.push_back(text.size());
  return out;
}

// The unit of `bounds` (sorted starts, last = size) that holds the byte at `at`.
ByteSpan unitAt(const std::vector<std::size_t>& bounds, std::size_t at) {
  auto it = std::upper_bound(bounds.begin(), bounds.end(), at);
  const std::size_t start = it == bounds.begin() ? 0 : *(it - 1);
  const std::size_t end = it == bounds.end() ? bounds.back() : *it;
  return {start, end};
}

ByteSpan line(std::string_view text, std::size_t first, std::size_t last) {
  const std::size_t nl = first == 0 ? std::string_view::npos : text.rfind('\n', first - 1);
  const std::size_t start = nl == std::string_view::npos ? 0 : nl + 1;
  const std::size_t next = text.find('\n', last);
  return {start, next == std::string_view::npos ? text.size() : next};
}

}  // namespace

ScopedMatches widen(std::string_view turn, const std::vector<ByteSpan>& matches, AutocodeScope scope) {
  ScopedMatches out;
  std::vector<ByteSpan> wide;
  std::vector<std::size_t> sentences;
  if (scope == AutocodeScope::Sentence && !matches.empty()) sentences = sentenceStarts(turn);
  for (const ByteSpan& m : matches) {
    ByteSpan w = m;
    switch (scope) {
      case AutocodeScope::Match:
        break;
      case AutocodeScope::Sentence:
        w = {unitAt(sentences, m.start).start, unitAt(sentences, m.end - 1).end};
        break;
      case AutocodeScope::Paragraph:
        w = line(turn, m.start, m.end - 1);
        break;
      case AutocodeScope::Turn:
        w = {0, turn.size()};
        break;
    }
    w = trim(turn, w);
    if (w.start >= w.end) continue;
    out.matches.push_back(m);
    wide.push_back(w);
  }

  std::vector<std::size_t> order(wide.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return wide[a].start < wide[b].start; });
  out.excerptOf.resize(wide.size());
  for (std::size_t i : order) {
    if (!out.excerpts.empty() && wide[i].start <= out.excerpts.back().end) {
      out.excerpts.back().end = std::max(out.excerpts.back().end, wide[i].end);
    } else {
      out.excerpts.push_back(wide[i]);
    }
    out.excerptOf[i] = out.excerpts.size() - 1;
  }
  return out;
}

}  // namespace cmoc::autocode

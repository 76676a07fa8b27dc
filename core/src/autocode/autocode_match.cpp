// Word and phrase matching by the search tokenizer's words, and regular expressions over an
// accent-stripped view; both report byte offsets into the original text.
#include "autocode_match.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "cmoc/error.h"
#include "text/icu_util.h"
#include "backend/sqlite/fts_tokenizer.h"

namespace cmoc::autocode {

namespace {

// A separator between two words as a phrase compares it: any run of white space is one space,
// and curly apostrophes are straight ones (word processors substitute them).
std::string normaliseGap(std::string_view gap) {
  if (gap == " ") return std::string(gap);  // nearly every gap in a transcript
  std::string out;
  const auto* s = reinterpret_cast<const uint8_t*>(gap.data());
  const int32_t n = static_cast<int32_t>(gap.size());
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || !u_isUWhiteSpace(c)) {
      if (c == 0x2018 || c == 0x2019 || c == 0x02BC) out += '\'';
      else out.append(gap.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(i - at)));
    } else if (out.empty() || out.back() != ' ') {
      out += ' ';
    }
  }
  return out;
}

struct Word {
  std::string folded;
  std::size_t start = 0, end = 0;  // bytes in the original text
};

// The tokenizer's words of `text`, into `out` (reused between calls to spare allocations).
void words(std::string_view text, std::vector<Word>& out, std::size_t& count) {
  struct Sink {
    std::vector<Word>* out;
    std::size_t count;
  } sink{&out, 0};
  store::tokenizeText(text, &sink, [](void* p, int, const char* token, int n, int s, int e) {
    auto* k = static_cast<Sink*>(p);
    if (k->count == k->out->size()) k->out->emplace_back();
    Word& w = (*k->out)[k->count++];
    w.folded.assign(token, static_cast<std::size_t>(n));
    w.start = static_cast<std::size_t>(s);
    w.end = static_cast<std::size_t>(e);
    return store::kKeepTokenizing;
  });
  count = sink.count;
}

std::string_view trimSpace(std::string_view s) {
  const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool hasWhiteSpace(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && u_isUWhiteSpace(c)) return true;
  }
  return false;
}

}  // namespace

TokenPattern::TokenPattern(std::string_view pattern, bool phrase) {
  const std::string_view p = trimSpace(pattern);
  const std::string what = phrase ? "phrase" : "word";
  if (p.empty()) throw UsageError("the " + what + " to look for is empty");
  if (!phrase && hasWhiteSpace(p))
    throw UsageError("'" + std::string(p) + "' is more than one word: auto-code it as a phrase");
  std::vector<Word> w;
  std::size_t n = 0;
  words(p, w, n);
  if (n == 0) throw UsageError("'" + std::string(p) + "' has no letters or digits to look for");
  for (std::size_t i = 0; i < n; ++i) {
    words_.push_back(w[i].folded);
    if (i > 0) gaps_.push_back(normaliseGap(p.substr(w[i - 1].end, w[i].start - w[i - 1].end)));
  }
  ftsQuery_ = "\"";
  for (char c : p) ftsQuery_ += c == '"' ? std::string("\"\"") : std::string(1, c);
  ftsQuery_ += "\"";
}

std::vector<ByteSpan> TokenPattern::find(std::string_view text) const {
  std::vector<ByteSpan> out;
  if (words_.size() == 1) {
    // The common case, compared as the tokenizer hands each word over: nothing is copied.
    struct Want {
      std::string_view word;
      std::vector<ByteSpan>* out;
    } want{words_[0], &out};
    store::tokenizeText(text, &want, [](void* p, int, const char* token, int n, int s, int e) {
      auto* w = static_cast<Want*>(p);
      if (std::string_view(token, static_cast<std::size_t>(n)) == w->word)
        w->out->push_back({static_cast<std::size_t>(s), static_cast<std::size_t>(e)});
      return store::kKeepTokenizing;
    });
    return out;
  }
  thread_local std::vector<Word> w;
  std::size_t n = 0;
  words(text, w, n);
  const std::size_t k = words_.size();
  for (std::size_t i = 0; i + k <= n; ++i) {
    bool match = true;
    for (std::size_t j = 0; j < k && match; ++j) {
      match = w[i + j].folded == words_[j] &&
              (j == 0 || normaliseGap(text.substr(w[i + j - 1].end, w[i + j].start - w[i + j - 1].end)) ==
                             gaps_[j - 1]);
    }
    if (!match) continue;
    out.push_back({w[i].start, w[i + k - 1].end});
    i += k - 1;  // hits do not overlap
  }
  return out;
}

namespace {

// Appends c to `out` without its accents: canonically decomposed, combining marks dropped.
void appendStripped(const icu::Normalizer2& nfd, UChar32 c, icu::UnicodeString& out) {
  if (c < 0x80) {
    out.append(static_cast<char16_t>(c));
    return;
  }
  icu::UnicodeString d;
  if (!nfd.getDecomposition(c, d)) d.setTo(c);
  for (int32_t i = 0; i < d.length();) {
    const UChar32 x = d.char32At(i);
    if (u_charType(x) != U_NON_SPACING_MARK) out.append(x);
    i += U16_LENGTH(x);
  }
}

const icu::Normalizer2& nfdInstance() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icuCheck(status, "NFD normaliser");
  return *nfd;
}

// Steps of ICU's match engine allowed per search: "on the order of milliseconds" each, so this
// stops a runaway pattern after seconds instead of hanging the whole corpus scan.
constexpr int32_t kRegexTimeLimit = 5000;

}  // namespace

RegexFinder::RegexFinder(std::string_view pattern) : pattern_(pattern) {
  if (pattern.empty()) throw UsageError("the regular expression is empty");
  const icu::Normalizer2& nfd = nfdInstance();
  icu::UnicodeString stripped;
  const auto* s = reinterpret_cast<const uint8_t*>(pattern.data());
  const int32_t n = static_cast<int32_t>(pattern.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) throw UsageError("the regular expression is not valid UTF-8");
    appendStripped(nfd, c, stripped);
  }
  UParseError where{};
  UErrorCode status = U_ZERO_ERROR;
  compiled_.reset(icu::RegexPattern::compile(stripped, UREGEX_CASE_INSENSITIVE | UREGEX_MULTILINE,
                                             where, status));
  if (U_FAILURE(status)) {
    std::string place = " at character " + std::to_string(where.offset);
    if (where.line > 1) place = " at line " + std::to_string(where.line) + ", character " +
                                std::to_string(where.offset);
    throw UsageError("invalid regular expression '" + pattern_ + "': " + u_errorName(status) + place);
  }
  matcher_.reset(compiled_->matcher(status));
  icuCheck(status, "regular expression matcher");
  matcher_->setTimeLimit(kRegexTimeLimit, status);
  icuCheck(status, "regular expression time limit");
}

std::vector<ByteSpan> RegexFinder::find(std::string_view text) {
  const icu::Normalizer2& nfd = nfdInstance();
  view_.remove();
  unitStart_.clear();
  unitEnd_.clear();
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) c = 0xFFFD;
    appendStripped(nfd, c, view_);
    unitStart_.resize(static_cast<std::size_t>(view_.length()), static_cast<std::size_t>(at));
    unitEnd_.resize(static_cast<std::size_t>(view_.length()), static_cast<std::size_t>(i));
  }
  UErrorCode status = U_ZERO_ERROR;
  matcher_->reset(view_);
  std::vector<ByteSpan> out;
  const std::size_t units = static_cast<std::size_t>(view_.length());
  while (matcher_->find(status)) {
    const auto u0 = static_cast<std::size_t>(matcher_->start(status));
    const auto u1 = static_cast<std::size_t>(matcher_->end(status));
    if (u1 <= u0) continue;
    ByteSpan span{unitStart_[u0], 0};
    if (u1 == units) span.end = text.size();  // with any combining marks after the last letter
    else if (unitStart_[u1] == unitStart_[u1 - 1]) span.end = unitEnd_[u1 - 1];  // inside one character
    else span.end = unitStart_[u1];  // up to the next letter, so a letter keeps its marks
    out.push_back(span);
  }
  if (status == U_REGEX_TIME_OUT)
    throw UsageError("the regular expression '" + pattern_ +
                     "' takes too long to match (it backtracks without end); simplify it");
  icuCheck(status, "regular expression search");
  return out;
}

}  // namespace cmoc::autocode

#pragma once
// Finding auto-coding patterns in one turn's text (see cmoc/autocode.h for the rules). Pure:
// no store. Positions are byte offsets into the text given.
#include <unicode/regex.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cmoc::autocode {

struct ByteSpan {
  std::size_t start = 0, end = 0;
  bool operator==(const ByteSpan&) const = default;
};

// A word or phrase, as the search tokenizer's folded words and the separators between them.
class TokenPattern {
 public:
  // Throws UsageError: empty pattern, nothing to match (only punctuation), a word with spaces.
  TokenPattern(std::string_view pattern, bool phrase);
  std::vector<ByteSpan> find(std::string_view text) const;
  // An FTS5 query for turns that can hold a match (the pattern as one quoted phrase, which the
  // index's tokenizer splits and folds exactly as it did the text).
  const std::string& ftsQuery() const { return ftsQuery_; }

 private:
  std::vector<std::string> words_;
  std::vector<std::string> gaps_;  // normalised separators between words_[i] and words_[i + 1]
  std::string ftsQuery_;
};

// An ICU regular expression, case-insensitive, run over an accent-stripped view of the text.
class RegexFinder {
 public:
  // Throws UsageError naming ICU's error and its place in the pattern.
  explicit RegexFinder(std::string_view pattern);
  // Non-empty matches. Throws UsageError when the expression takes too long (runaway
  // backtracking) rather than hanging.
  std::vector<ByteSpan> find(std::string_view text);

 private:
  std::string pattern_;
  std::unique_ptr<icu::RegexPattern> compiled_;
  std::unique_ptr<icu::RegexMatcher> matcher_;  // uses compiled_
  icu::UnicodeString view_;                     // the stripped text the matcher reads
  // Per UTF-16 unit of view_: the bytes of the original character it came from.
  std::vector<std::size_t> unitStart_, unitEnd_;
};

}  // namespace cmoc::autocode

#pragma once
// Turns what a user types into an FTS5 query. FTS5's bareword syntax rejects '-', '\'', '.' and
// most punctuation, so `Adebayo-Müller` or `don't` would be syntax errors; here every term is
// quoted and left to the `cmoc` tokenizer, which splits and folds it exactly as it did the text.
#include <string>
#include <string_view>

namespace cmoc::store {

// FTS5's parser overflows its stack at about 32 levels of `a OR (`; far more than any real
// query nests, and refused here with a clear message before FTS5 sees it.
inline constexpr std::size_t kMaxSearchNesting = 20;

// Keeps, with FTS5's meaning: AND, OR, NOT (upper case only: lower-case `and`/`or`/`not` are
// words), parentheses, "phrases", and a trailing * for a prefix (`trust*`, `"felt sup"*`).
// Everything else between spaces, parentheses and quotes becomes one quoted phrase.
// Throws UsageError naming the problem and its place (1-based character) on a malformed query:
// an unclosed quote or parenthesis, a stray ')', empty () or "", an operator without a term on
// either side, a lone *, bytes that are not UTF-8, more than kMaxSearchNesting nested '('.
std::string toFtsQuery(std::string_view userQuery);

}  // namespace cmoc::store

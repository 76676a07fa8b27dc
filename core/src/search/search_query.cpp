#include "search_query.h"

#include <vector>

#include "cmoc/error.h"
#include "cmoc/text.h"

namespace cmoc::store {

namespace {

struct Token {
  enum Kind { Term, Open, Close, And, Or, Not } kind;
  std::string_view text;  // a term's words, without quotes or trailing stars
  bool prefix = false;
  std::size_t at = 0;  // 1-based character (code point) where the token starts, for messages
};

[[noreturn]] void bad(const std::string& problem) {
  throw UsageError("bad search query: " + problem);
}

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Byte length of the whitespace character at s[i], or 0. Besides ASCII space, the no-break
// space and the ideographic space a CJK input method types.
std::size_t spaceLength(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  if (s.substr(i, 2) == "\xC2\xA0") return 2;
  if (s.substr(i, 3) == "\xE3\x80\x80") return 3;
  return 0;
}

// Byte length of a quotation mark at s[i], or 0: the ASCII one and the curly “ ” that word
// processors and phones substitute.
std::size_t quoteLength(std::string_view s, std::size_t i) {
  if (s[i] == '"') return 1;
  if (s.substr(i, 3) == "\xE2\x80\x9C" || s.substr(i, 3) == "\xE2\x80\x9D") return 3;
  return 0;
}

std::vector<Token> lex(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0, cp = 1;
  auto advance = [&](std::size_t bytes) {
    for (std::size_t end = i + bytes; i < end; ++i)
      cp += !continuation(static_cast<unsigned char>(s[i]));
  };
  while (i < s.size()) {
    if (std::size_t n = spaceLength(s, i)) {
      advance(n);
      continue;
    }
    const std::size_t at = cp;
    if (s[i] == '(' || s[i] == ')') {
      out.push_back({s[i] == '(' ? Token::Open : Token::Close, {}, false, at});
      advance(1);
      continue;
    }
    if (std::size_t q = quoteLength(s, i)) {
      advance(q);
      const std::size_t begin = i;
      while (i < s.size() && !quoteLength(s, i)) advance(1);
      if (i >= s.size()) bad("the quote at character " + std::to_string(at) + " is never closed");
      Token t{Token::Term, s.substr(begin, i - begin), false, at};
      advance(quoteLength(s, i));
      while (i < s.size() && s[i] == '*') {
        t.prefix = true;
        advance(1);
      }
      bool blank = true;
      for (std::size_t k = 0; k < t.text.size() && blank;) {
        const std::size_t n = spaceLength(t.text, k);
        blank = n > 0;
        k += n;
      }
      if (blank) bad("empty phrase at character " + std::to_string(at));
      out.push_back(t);
      continue;
    }
    const std::size_t begin = i;
    while (i < s.size() && !spaceLength(s, i) && s[i] != '(' && s[i] != ')' && !quoteLength(s, i))
      advance(1);
    std::string_view word = s.substr(begin, i - begin);
    if (word == "AND" || word == "OR" || word == "NOT") {
      out.push_back({word == "AND"  ? Token::And
                     : word == "OR" ? Token::Or
                                    : Token::Not,
                     word, false, at});
      continue;
    }
    Token t{Token::Term, word, false, at};
    while (!t.text.empty() && t.text.back() == '*') {
      t.text.remove_suffix(1);
      t.prefix = true;
    }
    if (t.text.empty()) bad("the * at character " + std::to_string(at) + " must follow a word");
    out.push_back(t);
  }
  return out;
}

bool isOperator(const Token& t) {
  return t.kind == Token::And || t.kind == Token::Or || t.kind == Token::Not;
}

std::string needsTerm(const Token& op, const char* side) {
  std::string msg = std::string(op.text) + " at character " + std::to_string(op.at) +
                    " needs a term " + side + " it";
  // FTS5's NOT is binary ("and not"), which surprises people who expect a unary NOT.
  if (op.kind == Token::Not && std::string_view(side) == "before")
    msg += " (NOT means AND NOT: write `trust NOT money`)";
  return msg;
}

}  // namespace

std::string toFtsQuery(std::string_view userQuery) {
  if (auto at = text::firstInvalidUtf8(userQuery))
    bad("not valid UTF-8 at byte " + std::to_string(*at + 1));
  const std::vector<Token> tokens = lex(userQuery);
  if (tokens.empty()) throw UsageError("empty search query");
  std::string out;
  std::vector<const Token*> open;  // unclosed '('
  bool wantTerm = true;            // at the start, after an operator or '('
  const Token* prev = nullptr;
  for (const Token& t : tokens) {
    switch (t.kind) {
      case Token::Term:
        out += out.empty() ? "\"" : " \"";
        for (char c : t.text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
        out += t.prefix ? "\" *" : "\"";
        wantTerm = false;
        break;
      case Token::Open:
        if (open.size() == kMaxSearchNesting)
          bad("the search has more than " + std::to_string(kMaxSearchNesting) +
              " nested parentheses (the one at character " + std::to_string(t.at) +
              " is too many)");
        out += out.empty() ? "(" : " (";
        open.push_back(&t);
        wantTerm = true;
        break;
      case Token::Close:
        if (open.empty())
          bad("the ')' at character " + std::to_string(t.at) + " has no matching '('");
        if (prev->kind == Token::Open)
          bad("empty parentheses at character " + std::to_string(prev->at));
        if (isOperator(*prev)) bad(needsTerm(*prev, "after"));
        open.pop_back();
        out += " )";
        wantTerm = false;
        break;
      case Token::And:
      case Token::Or:
      case Token::Not:
        if (wantTerm) bad(needsTerm(t, "before"));
        out += " ";
        out += t.text;
        wantTerm = true;
        break;
    }
    prev = &t;
  }
  if (isOperator(*prev)) bad(needsTerm(*prev, "after"));
  if (!open.empty())
    bad("the '(' at character " + std::to_string(open.back()->at) + " is never closed");
  return out;
}

}  // namespace cmoc::store

#include "tex_text.h"

#include <cctype>
#include <map>

#include "captions.h"  // collapseSpaces, shared with the caption readers
#include "cmoc/text.h"

namespace cmoc::importers {

namespace {

// Accent commands and the combining mark each puts on the next letter; NFC composes them.
const std::map<char, std::string>& accents() {
  static const std::map<char, std::string> m = {
      {'\'', "\u0301"}, {'`', "\u0300"}, {'^', "\u0302"}, {'"', "\u0308"}, {'~', "\u0303"},
      {'=', "\u0304"},  {'.', "\u0307"}, {'u', "\u0306"}, {'v', "\u030C"}, {'H', "\u030B"},
      {'c', "\u0327"},  {'k', "\u0328"}, {'r', "\u030A"}, {'d', "\u0323"}, {'b', "\u0331"}};
  return m;
}

// Letters TeX spells as commands.
const std::map<std::string, std::string>& letters() {
  static const std::map<std::string, std::string> m = {{"o", "ø"},
                                                       {"O", "Ø"},
                                                       {"aa", "å"},
                                                       {"AA", "Å"},
                                                       {"ae", "æ"},
                                                       {"AE", "Æ"},
                                                       {"oe", "œ"},
                                                       {"OE", "Œ"},
                                                       {"ss", "ß"},
                                                       {"l", "ł"},
                                                       {"L", "Ł"},
                                                       {"i", "ı"},
                                                       {"j", "ȷ"},
                                                       {"dh", "ð"},
                                                       {"DH", "Ð"},
                                                       {"th", "þ"},
                                                       {"TH", "Þ"},
                                                       {"ng", "ŋ"},
                                                       {"NG", "Ŋ"},
                                                       {"dj", "đ"},
                                                       {"DJ", "Đ"},
                                                       {"textendash", "–"},
                                                       {"textemdash", "—"},
                                                       {"textquoteright", "’"},
                                                       {"textquoteleft", "‘"},
                                                       {"S", "§"},
                                                       {"P", "¶"}};
  return m;
}

bool isLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  std::string run() {
    std::string out;
    while (i_ < s_.size()) out += next();
    return out;
  }

 private:
  // One unit of text: a character (a whole UTF-8 sequence), a group's contents, or a command.
  std::string next() {
    const char c = s_[i_];
    if (c == '{') {
      ++i_;
      std::string inner;
      while (i_ < s_.size() && s_[i_] != '}') inner += next();
      if (i_ < s_.size()) ++i_;  // the closing brace
      return inner;
    }
    if (c == '}') {  // unbalanced: btparse accepted it, the reader need not see it
      ++i_;
      return {};
    }
    if (c == '\\') return command();
    if (c == '~') {
      ++i_;
      return " ";
    }
    if (c == '-' && s_.substr(i_, 3) == "---") {
      i_ += 3;
      return "—";
    }
    if (c == '-' && s_.substr(i_, 2) == "--") {
      i_ += 2;
      return "–";
    }
    std::size_t n = 1;  // a UTF-8 sequence stays whole
    while (i_ + n < s_.size() && (static_cast<unsigned char>(s_[i_ + n]) & 0xC0) == 0x80) ++n;
    std::string one(s_.substr(i_, n));
    i_ += n;
    return one;
  }

  void skipSpaces() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t')) ++i_;
  }

  std::string command() {
    ++i_;  // the backslash
    if (i_ >= s_.size()) return {};
    const char c = s_[i_];
    if (!isLetter(c)) {
      ++i_;
      if (auto a = accents().find(c); a != accents().end()) return accented(a->second);
      if (c == ' ') return " ";
      return std::string(1, c);  // \& \% \$ \# \_ \{ \}
    }
    std::size_t end = i_;
    while (end < s_.size() && isLetter(s_[end])) ++end;
    const std::string word(s_.substr(i_, end - i_));
    i_ = end;
    // A one-letter accent command (\c, \v, \u ...) is an accent unless it is a letter (\o, \l).
    if (word.size() == 1)
      if (auto a = accents().find(word[0]); a != accents().end()) {
        skipSpaces();
        return accented(a->second);
      }
    skipSpaces();  // TeX eats the spaces after a control word
    if (auto l = letters().find(word); l != letters().end()) return l->second;
    return {};  // \emph, \textit ...: the group after it reads as plain text
  }

  // The letter after an accent command, with the mark after it: "\'{e}", "\'e", "\'\i".
  std::string accented(const std::string& mark) {
    if (i_ >= s_.size()) return mark;
    std::string base = next();
    if (base == "ı") base = "i";  // \'{\i}: the dotless i was only there to take the accent
    if (base == "ȷ") base = "j";
    if (base.empty()) return mark;
    return base + mark;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::string texToUnicode(std::string_view tex) {
  return text::normalize(collapseSpaces(Reader(tex).run()));
}

}  // namespace cmoc::importers

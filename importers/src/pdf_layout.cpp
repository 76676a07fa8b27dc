#include "pdf_layout.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "cmoc/text.h"

namespace cmoc::importers {

namespace {

constexpr std::string_view kSoftHyphen = "\xC2\xAD";
constexpr std::string_view kHyphens[] = {"-", "\xE2\x80\x90", kSoftHyphen};  // -, U+2010, U+00AD

bool endsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// Spaces and tabs collapsed, the line trimmed, soft hyphens dropped except one that ends the
// line (the join needs it), ligatures spelt out, NFC.
std::string cleanLine(std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else if (raw.substr(i, 2) == kSoftHyphen) {
      ++i;
      if (raw.find_first_not_of(" \t\r\f", i + 1) == std::string_view::npos) out += kSoftHyphen;
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return text::normalize(text::foldLigatures(out));
}

// A line as it recurs from page to page: running heads often carry the page number.
std::string edgeKey(const std::string& line) {
  std::string key = line;
  std::replace_if(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; }, '#');
  return key;
}

bool allDigits(std::string_view s) {
  return !s.empty() && s.size() <= 5 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "4", "- 4 -", "– 4 –", "Page 4", "p. 4", "4 of 12", "Page 4 of 12".
bool isPageNumber(std::string_view line) {
  auto trimDashes = [](std::string_view s) {
    for (bool changed = true; changed;) {
      changed = false;
      for (std::string_view d : {"-", " ", "\xE2\x80\x93", "\xE2\x80\x94"}) {
        while (s.substr(0, d.size()) == d) s.remove_prefix(d.size()), changed = true;
        while (endsWith(s, d)) s.remove_suffix(d.size()), changed = true;
      }
    }
    return s;
  };
  std::string_view s = trimDashes(line);
  for (std::string_view prefix : {"Page ", "page ", "PAGE ", "p. "})
    if (s.substr(0, prefix.size()) == prefix) s.remove_prefix(prefix.size());
  if (const std::size_t of = s.find(" of "); of != std::string_view::npos) {
    if (!allDigits(s.substr(of + 4))) return false;
    s = s.substr(0, of);
  }
  return allDigits(s);
}

std::int64_t length(const std::string& line) { return text::codePointCount(line); }

std::int64_t medianLength(const std::vector<std::string>& lines) {
  std::vector<std::int64_t> lengths;
  for (const std::string& l : lines)
    if (!l.empty()) lengths.push_back(length(l));
  if (lengths.empty()) return 0;
  std::nth_element(lengths.begin(), lengths.begin() + lengths.size() / 2, lengths.end());
  return lengths[lengths.size() / 2];
}

bool endsSentence(std::string_view line) {
  for (std::string_view close : {"\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99"})
    while (endsWith(line, close)) line.remove_suffix(close.size());
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?' ||
                           line.back() == ':');
}

UChar32 firstCodePoint(std::string_view s) {
  if (s.empty()) return U_SENTINEL;
  UChar32 c = 0;
  std::int32_t i = 0;
  U8_NEXT(s.data(), i, static_cast<std::int32_t>(s.size()), c);
  return c;
}

// The code point before the last one of `s`, when it is a letter: the hyphen follows a word.
bool letterBefore(std::string_view s, std::size_t hyphenBytes) {
  if (s.size() <= hyphenBytes) return false;
  const std::string_view head = s.substr(0, s.size() - hyphenBytes);
  std::int32_t i = static_cast<std::int32_t>(head.size());
  UChar32 c = 0;
  U8_PREV(head.data(), 0, i, c);
  return u_isalpha(c);
}

// Which lines of each page are running heads or page numbers (see the header).
std::vector<std::vector<bool>> runningHeads(const std::vector<std::vector<std::string>>& pages) {
  std::vector<std::vector<bool>> drop(pages.size());
  auto edge = [&](const std::vector<std::string>& lines, bool top) {
    std::vector<std::size_t> at;  // the first (last) kEdgeLines non-blank lines
    for (std::size_t k = 0; k < lines.size() && at.size() < kEdgeLines; ++k) {
      const std::size_t i = top ? k : lines.size() - 1 - k;
      if (!lines[i].empty()) at.push_back(i);
    }
    return at;
  };
  const std::size_t needed = std::max<std::size_t>(2, (pages.size() + 1) / 2);
  for (const bool top : {true, false}) {
    std::map<std::string, std::size_t> pagesWith;
    for (const auto& lines : pages) {
      std::set<std::string> keys;
      for (std::size_t i : edge(lines, top)) keys.insert(edgeKey(lines[i]));
      for (const std::string& k : keys) ++pagesWith[k];
    }
    for (std::size_t p = 0; p < pages.size(); ++p) {
      drop[p].resize(pages[p].size(), false);
      for (std::size_t i : edge(pages[p], top))
        if (pagesWith[edgeKey(pages[p][i])] >= needed || isPageNumber(pages[p][i]))
          drop[p][i] = true;
    }
  }
  return drop;
}

class PaperBuilder {
 public:
  explicit PaperBuilder(std::string fileName) { t_.fileName = std::move(fileName), t_.format = "pdf"; }

  // Returns the code point where the line's text begins.
  std::int64_t addLine(const std::string& line) {
    if (open_) {
      join(line);
    } else {
      if (!t_.text.empty()) append("\n");
      paragraphStart_ = points_;
      open_ = true;
    }
    const std::int64_t at = points_;
    append(line);
    return at;
  }

  void endParagraph() {
    if (!open_) return;
    dropTrailingSoftHyphen();
    t_.turns.push_back(Turn{"", paragraphStart_, points_});
    open_ = false;
  }

  std::int64_t points() const { return points_; }
  Transcript& transcript() { return t_; }

 private:
  void append(std::string_view s) {
    t_.text += s;
    points_ += text::codePointCount(s);
  }

  void removeLast(std::size_t bytes) {
    t_.text.resize(t_.text.size() - bytes);
    --points_;
  }

  void dropTrailingSoftHyphen() {
    if (endsWith(t_.text, kSoftHyphen)) removeLast(kSoftHyphen.size());
  }

  void join(const std::string& next) {
    for (std::string_view h : kHyphens) {
      if (!endsWith(t_.text, h)) continue;
      if (h == kSoftHyphen) return removeLast(h.size());
      if (!letterBefore(t_.text, h.size())) break;  // a dash between words, not a broken word
      if (u_islower(firstCodePoint(next))) removeLast(h.size());
      return;  // a hyphen that stays joins without a space
    }
    append(" ");
  }

  Transcript t_;
  std::int64_t points_ = 0, paragraphStart_ = 0;
  bool open_ = false;
};

}  // namespace

Transcript layoutPaper(const std::string& fileName,
                       const std::vector<std::vector<std::string>>& rawPages) {
  std::vector<std::vector<std::string>> pages;
  pages.reserve(rawPages.size());
  for (const auto& raw : rawPages) {
    auto& lines = pages.emplace_back();
    lines.reserve(raw.size());
    for (const std::string& l : raw) lines.push_back(cleanLine(l));
  }
  const std::vector<std::vector<bool>> drop =
      pages.size() > 1 ? runningHeads(pages) : std::vector<std::vector<bool>>{};

  PaperBuilder b(fileName);
  std::vector<std::optional<std::int64_t>> starts(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < pages[p].size(); ++i)
      if (drop.empty() || !drop[p][i]) kept.push_back(std::move(pages[p][i]));
    const double median = static_cast<double>(medianLength(kept));
    for (std::size_t i = 0; i < kept.size(); ++i) {
      const std::string& line = kept[i];
      if (line.empty()) {
        b.endParagraph();
        continue;
      }
      const std::int64_t at = b.addLine(line);
      if (!starts[p]) starts[p] = at;
      const double len = static_cast<double>(length(line));
      const std::string* next = i + 1 < kept.size() ? &kept[i + 1] : nullptr;
      if (len < kShortLine * median ||
          (next && endsSentence(line) &&
           static_cast<double>(length(*next)) > kWiderLine * len))
        b.endParagraph();
    }
  }
  b.endParagraph();

  Transcript& t = b.transcript();
  // Each page ends where the next begins; a page without text is empty there.
  std::int64_t next = b.points();
  t.pages.resize(pages.size());
  for (std::size_t p = pages.size(); p-- > 0;) {
    const std::int64_t start = p == 0 ? 0 : starts[p].value_or(next);
    t.pages[p] = PageSpan{start, next};
    next = start;
  }
  return std::move(t);
}

}  // namespace cmoc::importers

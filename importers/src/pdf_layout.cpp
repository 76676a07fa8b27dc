#include "pdf_layout.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
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
  std::replace_if(
      key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; }, '#');
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

// The indices of the kEdgeLines top-most (bottom-most) lines of `lines`.
std::vector<std::size_t> edge(const std::vector<PdfLine>& lines, bool top) {
  std::vector<std::size_t> at(lines.size());
  for (std::size_t i = 0; i < at.size(); ++i) at[i] = i;
  const std::size_t n = std::min(kEdgeLines, at.size());
  std::partial_sort(at.begin(), at.begin() + static_cast<std::ptrdiff_t>(n), at.end(),
                    [&](std::size_t a, std::size_t b) {
                      return top ? lines[a].top < lines[b].top : lines[a].bottom > lines[b].bottom;
                    });
  at.resize(n);
  return at;
}

// Which lines of each page are running heads or page numbers (see the header).
std::vector<std::vector<bool>> runningHeads(const std::vector<std::vector<PdfLine>>& pages) {
  std::vector<std::vector<bool>> drop(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p) drop[p].resize(pages[p].size(), false);
  const std::size_t needed = std::max<std::size_t>(2, (pages.size() + 1) / 2);
  for (const bool top : {true, false}) {
    std::map<std::string, std::size_t> pagesWith;
    for (const auto& lines : pages) {
      std::set<std::string> keys;
      for (std::size_t i : edge(lines, top)) keys.insert(edgeKey(lines[i].text));
      for (const std::string& k : keys) ++pagesWith[k];
    }
    for (std::size_t p = 0; p < pages.size(); ++p)
      for (std::size_t i : edge(pages[p], top))
        if (pagesWith[edgeKey(pages[p][i].text)] >= needed || isPageNumber(pages[p][i].text))
          drop[p][i] = true;
  }
  return drop;
}

class PaperBuilder {
 public:
  explicit PaperBuilder(std::string fileName) {
    t_.fileName = std::move(fileName), t_.format = "pdf";
  }

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

// The right edge of a column's lines on one page, and whether the column is justified: most of
// its lines reach that edge, so one that stops short is a paragraph's last.
struct ColumnEdge {
  double right = 0;
  bool justified = false;
};

// Whether a paragraph ends after `line` (see the header). `next` is the line read after it,
// on this page or the next.
bool endsParagraph(const PdfLine& line, const ColumnEdge& column, const PdfLine* next,
                   bool nextOnSamePage) {
  if (!next) return true;
  const double h = line.height();
  if (std::abs(next->height() - h) > kSizeChange * h) return true;
  const bool below = nextOnSamePage && next->column == line.column && next->top >= line.top;
  if (below && next->top - line.bottom > kParagraphGap * h) return true;
  return column.justified && line.right < column.right - kShortEnd * h &&
         !u_islower(firstCodePoint(next->text));
}

struct PlacedLine {
  PdfLine line;
  std::size_t page = 0;
  ColumnEdge column;
};

std::map<Column, ColumnEdge> columnEdges(const std::vector<const PdfLine*>& lines) {
  std::map<Column, ColumnEdge> edges;
  for (const PdfLine* l : lines)
    edges[l->column].right = std::max(edges[l->column].right, l->right);
  std::map<Column, std::pair<std::size_t, std::size_t>> reaching;  // (reach the edge, all)
  for (const PdfLine* l : lines) {
    auto& [reach, all] = reaching[l->column];
    ++all;
    if (l->right >= edges[l->column].right - kShortEnd * l->height()) ++reach;
  }
  for (auto& [column, edge] : edges) {
    const auto [reach, all] = reaching[column];
    edge.justified = static_cast<double>(reach) >= kJustified * static_cast<double>(all);
  }
  return edges;
}

// Every page's lines in reading order, running heads dropped, text cleaned, each with its
// column's edge on its page.
std::vector<PlacedLine> placedLines(const std::vector<PdfPage>& pages) {
  std::vector<std::vector<PdfLine>> lines;
  lines.reserve(pages.size());
  for (const PdfPage& page : pages) {
    auto& l = lines.emplace_back(readingLines(page));
    for (PdfLine& line : l) line.text = cleanLine(line.text);
  }
  const std::vector<std::vector<bool>> drop = runningHeads(lines);
  std::vector<PlacedLine> out;
  for (std::size_t p = 0; p < lines.size(); ++p) {
    std::vector<const PdfLine*> kept;
    for (std::size_t i = 0; i < lines[p].size(); ++i)
      if (!drop[p][i] && !lines[p][i].text.empty()) kept.push_back(&lines[p][i]);
    const std::map<Column, ColumnEdge> edges = columnEdges(kept);
    for (const PdfLine* l : kept) out.push_back({*l, p, edges.at(l->column)});
  }
  return out;
}

}  // namespace

Transcript layoutPaper(const std::string& fileName, const std::vector<PdfPage>& pages) {
  const std::vector<PlacedLine> lines = placedLines(pages);
  PaperBuilder b(fileName);
  std::vector<std::optional<std::int64_t>> starts(pages.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const PlacedLine& l = lines[i];
    const std::int64_t at = b.addLine(l.line.text);
    if (!starts[l.page]) starts[l.page] = at;
    const PlacedLine* next = i + 1 < lines.size() ? &lines[i + 1] : nullptr;
    if (endsParagraph(l.line, l.column, next ? &next->line : nullptr, next && next->page == l.page))
      b.endParagraph();
  }
  b.endParagraph();

  Transcript& t = b.transcript();
  // Each page ends where the next begins; a page without text is empty there.
  std::int64_t end = b.points();
  t.pages.resize(pages.size());
  for (std::size_t p = pages.size(); p-- > 0;) {
    const std::int64_t start = p == 0 ? 0 : starts[p].value_or(end);
    t.pages[p] = PageSpan{start, end};
    end = start;
  }
  return std::move(t);
}

}  // namespace cmoc::importers

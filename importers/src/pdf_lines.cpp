#include "pdf_lines.h"

#include <algorithm>

namespace cmoc::importers {

namespace {

double centreY(const PdfWord& w) { return (w.top + w.bottom) / 2; }
double heightOf(const PdfWord& w) { return w.bottom - w.top; }

// Words sorted top to bottom, then cut into rows of words side by side.
std::vector<std::vector<const PdfWord*>> rows(const std::vector<PdfWord>& words) {
  std::vector<const PdfWord*> sorted;
  sorted.reserve(words.size());
  for (const PdfWord& w : words) sorted.push_back(&w);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const PdfWord* a, const PdfWord* b) { return centreY(*a) < centreY(*b); });
  std::vector<std::vector<const PdfWord*>> out;
  double rowCentre = 0, rowHeight = 0;
  for (const PdfWord* w : sorted) {
    const double tolerance = std::min(rowHeight, heightOf(*w)) / 2;
    if (out.empty() || centreY(*w) - rowCentre > tolerance) {
      out.emplace_back();
      rowCentre = centreY(*w);
      rowHeight = heightOf(*w);
    }
    out.back().push_back(w);
  }
  for (auto& row : out)
    std::stable_sort(row.begin(), row.end(),
                     [](const PdfWord* a, const PdfWord* b) { return a->left < b->left; });
  return out;
}

Column columnOf(const PdfLine& l, double width) {
  const double mid = width / 2, margin = kSpanMargin * width;
  if (l.left < mid - margin && l.right > mid + margin) return Column::kFull;
  return l.left < mid ? Column::kLeft : Column::kRight;
}

// A row's words as lines: split at a gutter or a wide gap.
void splitRow(const std::vector<const PdfWord*>& row, double width, std::vector<PdfLine>& out) {
  const double mid = width / 2;
  PdfLine* line = nullptr;
  const PdfWord* prev = nullptr;
  for (const PdfWord* w : row) {
    if (prev) {
      const double gap = w->left - prev->right, h = std::max(heightOf(*prev), heightOf(*w));
      const bool gutter = gap > kGutterGap * h && prev->right <= mid && w->left >= mid;
      if (gutter || gap > kWideGap * h) line = nullptr;
    }
    if (!line) {
      line = &out.emplace_back();
      line->left = w->left, line->top = w->top, line->right = w->right, line->bottom = w->bottom;
    } else {
      const double h = std::max(heightOf(*prev), heightOf(*w));
      if (prev->spaceAfter || w->left - prev->right > 0.15 * h) line->text.push_back(' ');
      line->left = std::min(line->left, w->left), line->right = std::max(line->right, w->right);
      line->top = std::min(line->top, w->top), line->bottom = std::max(line->bottom, w->bottom);
    }
    line->text += w->text;
    prev = w;
  }
}

}  // namespace

std::vector<PdfLine> readingLines(const PdfPage& page) {
  std::vector<PdfLine> lines;
  for (const auto& row : rows(page.words)) splitRow(row, page.width, lines);
  for (PdfLine& l : lines) l.column = columnOf(l, page.width);

  std::vector<PdfLine> ordered;
  ordered.reserve(lines.size());
  std::vector<PdfLine> right;  // the right column of the band being read
  auto endBand = [&] {
    for (PdfLine& l : right) ordered.push_back(std::move(l));
    right.clear();
  };
  for (PdfLine& l : lines) {
    if (l.column == Column::kFull) endBand();
    if (l.column == Column::kRight)
      right.push_back(std::move(l));
    else
      ordered.push_back(std::move(l));
  }
  endBand();
  return ordered;
}

}  // namespace cmoc::importers

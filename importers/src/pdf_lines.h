#pragma once
// From the words of one PDF page (text and box, as poppler gives them) to its lines in reading
// order, each with its box. No poppler here, so the rules are tested on made-up pages.
//
//   lines    Words whose vertical centres lie within half a word's height of each other are one
//            row; a row splits where a gap wider than kGutterGap line heights straddles the
//            page's centre (two columns side by side) or is wider than kWideGap line heights.
//   columns  A line reaching past the centre by kSpanMargin of the page width on both sides is
//            full width; others are in the left or the right column by where they begin.
//   order    Top to bottom; between two full-width lines (a title, an abstract, a wide table
//            or the page number), the left column's lines come before the right column's.
//            So a one-column page reads top to bottom, and a two-column page with a full-width
//            title and abstract reads title, abstract, left column, right column.
#include <string>
#include <vector>

namespace cmoc::importers {

inline constexpr double kGutterGap = 1.0;
inline constexpr double kWideGap = 4.0;
inline constexpr double kSpanMargin = 0.05;

struct PdfWord {
  std::string text;                                 // valid UTF-8
  double left = 0, top = 0, right = 0, bottom = 0;  // points, y grows down the page
  bool spaceAfter = false;                          // the PDF puts a space after it
};

struct PdfPage {
  double width = 0;
  std::vector<PdfWord> words;
};

enum class Column { kFull, kLeft, kRight };

struct PdfLine {
  std::string text;  // its words, a space between two unless they touch
  double left = 0, top = 0, right = 0, bottom = 0;
  Column column = Column::kFull;
  double height() const { return bottom - top; }
};

std::vector<PdfLine> readingLines(const PdfPage& page);

}  // namespace cmoc::importers

// The layout rules of importers/src/pdf_layout.h and pdf_lines.h on made-up pages: words placed
// where a typesetter would put them, so each rule is checked apart from poppler.
#include "../../importers/src/pdf_layout.h"

#include <gtest/gtest.h>

#include "cmoc/text.h"

using namespace cmoc;
using namespace cmoc::importers;

namespace {

constexpr double kWidth = 595, kLine = 14;

// One line of words from `left`, at line `row` (0 at the top), 6 pt per character.
void line(PdfPage& page, double left, int row, const std::string& words, double right = 0) {
  const double top = 100 + row * kLine;
  std::size_t at = 0;
  double x = left;
  while (at < words.size()) {
    const std::size_t space = words.find(' ', at);
    const std::string w =
        words.substr(at, space == std::string::npos ? std::string::npos : space - at);
    page.words.push_back({w, x, top, x + 6.0 * static_cast<double>(w.size()), top + kLine - 2,
                          space != std::string::npos});
    x += 6.0 * static_cast<double>(w.size() + 1);
    at = space == std::string::npos ? words.size() : space + 1;
  }
  if (right > 0) page.words.back().right = right;  // justified: the line fills its column
}

PdfPage page() { return PdfPage{kWidth, {}}; }

std::vector<std::string> turns(const Transcript& t) {
  std::vector<std::string> out;
  for (const Turn& turn : t.turns)
    out.emplace_back(text::sliceCodePoints(t.text, turn.start, turn.end));
  return out;
}

TEST(PdfLayout, TheLeftColumnIsReadBeforeTheRightAndFullWidthLinesInBetween) {
  PdfPage p = page();
  line(p, 64, 0, "A title that runs across the middle of the whole page");
  line(p, 64, 1, "left one", 290);
  line(p, 320, 1, "right one", 530);
  line(p, 64, 2, "left two", 290);
  line(p, 320, 2, "right two", 530);
  const std::vector<PdfLine> lines = readingLines(p);
  std::vector<std::string> texts;
  for (const PdfLine& l : lines) texts.push_back(l.text);
  EXPECT_EQ(texts,
            (std::vector<std::string>{"A title that runs across the middle of the whole page",
                                      "left one", "left two", "right one", "right two"}));
}

TEST(PdfLayout, ARecurringHeadIsDroppedWithItsPageNumberButOnePageKeepsIt) {
  std::vector<PdfPage> pages;
  for (int n = 1; n <= 3; ++n) {
    PdfPage& p = pages.emplace_back(page());
    line(p, 64, 0, "Journal of Things " + std::to_string(n));
    line(p, 64, 2, "Body text of page " + std::string(1, static_cast<char>('A' + n)) + ".");
    line(p, 290, 40, std::to_string(n));
  }
  const Transcript t = layoutPaper("x.pdf", pages);
  EXPECT_EQ(t.text.find("Journal"), std::string::npos) << t.text;
  // A page break does not end a paragraph.
  EXPECT_EQ(t.text, "Body text of page B. Body text of page C. Body text of page D.");
  const Transcript one = layoutPaper("x.pdf", {pages[0]});
  EXPECT_EQ(one.text, "Journal of Things 1\nBody text of page B.");  // the number still goes
}

TEST(PdfLayout, AHyphenJoinsALowerCaseLineAndStaysBeforeAnUpperCaseOne) {
  PdfPage p = page();
  line(p, 64, 0, "the organis-", 290);
  line(p, 64, 1, "ations met in context-", 290);
  line(p, 64, 2, "Mechanism terms and a dash -", 290);
  line(p, 64, 3, "then more.", 290);
  const Transcript t = layoutPaper("x.pdf", {p});
  EXPECT_EQ(t.text, "the organisations met in context-Mechanism terms and a dash - then more.");
}

TEST(PdfLayout, AParagraphEndsAtASpaceBelowAShortLineOrAChangeOfTypeSize) {
  PdfPage p = page();
  line(p, 64, 0, "One paragraph that fills", 290);
  line(p, 64, 1, "its column until here.", 290);
  line(p, 64, 3, "After a blank space.", 290);  // row 2 is empty
  line(p, 64, 4, "Full line of text here", 290);
  line(p, 64, 5, "short end.");
  line(p, 64, 6, "Next paragraph starts", 290);
  line(p, 64, 7, "lower case runs on");
  line(p, 64, 8, "as the same one.", 290);
  const Transcript t = layoutPaper("x.pdf", {p});
  EXPECT_EQ(turns(t), (std::vector<std::string>{
                          "One paragraph that fills its column until here.",
                          "After a blank space. Full line of text here short end.",
                          "Next paragraph starts lower case runs on as the same one."}));
  ASSERT_EQ(t.pages.size(), 1u);
  EXPECT_EQ(t.pages[0].end, text::codePointCount(t.text));
}

TEST(PdfLayout, APageWithoutTextIsAnEmptyRangeWhereTheNextBegins) {
  PdfPage a = page(), blank = page(), c = page();
  line(a, 64, 0, "First page.");
  line(c, 64, 0, "Third page.");
  const Transcript t = layoutPaper("x.pdf", {a, blank, c});
  ASSERT_EQ(t.pages.size(), 3u);
  EXPECT_EQ(t.pages[1].start, t.pages[1].end);
  EXPECT_EQ(t.pages[1].start, t.pages[2].start);
  EXPECT_EQ(text::sliceCodePoints(t.text, t.pages[2].start, t.pages[2].end), "Third page.");
}

}  // namespace

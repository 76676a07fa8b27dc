// The PDF importer on the sample papers (samples/papers, typeset by samples/tools/make_papers.py
// with cairo: two columns, running heads, page numbers, hyphenation) and on bad PDFs.
#include "../../importers/src/pdf.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "cmoc/importers/importer.h"
#include "cmoc/text.h"
#include "malformed_case.h"
#include "pdf_builder.h"
#include "test_support.h"

using namespace cmoc;
using test::MalformedCase;

namespace {

const std::filesystem::path kPapers = std::filesystem::path(CMOC_SOURCE_DIR) / "samples/papers";
const std::filesystem::path kData = std::filesystem::path(CMOC_SOURCE_DIR) / "tests/importers/data";

Transcript paper(const std::string& file) { return importers::loadTranscript(kPapers / file); }

std::string turnText(const Transcript& t, std::size_t i) {
  return std::string(text::sliceCodePoints(t.text, t.turns.at(i).start, t.turns.at(i).end));
}

std::string pageText(const Transcript& t, std::size_t i) {
  return std::string(text::sliceCodePoints(t.text, t.pages.at(i).start, t.pages.at(i).end));
}

bool startsWith(const std::string& s, const std::string& head) { return s.rfind(head, 0) == 0; }
bool endsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

const char* kHartley = "paper-01-hartley-2017-trust-alliances.pdf";

TEST(PdfImporter, EachParagraphOfASamplePaperIsOneTurnWithoutASpeaker) {
  const Transcript t = paper(kHartley);
  EXPECT_EQ(t.format, "pdf");
  // Title, authors, affiliation, abstract, then four sections of heading and paragraphs.
  ASSERT_EQ(t.turns.size(), 15u);
  for (const Turn& turn : t.turns) EXPECT_EQ(turn.speaker, "");
  EXPECT_EQ(turnText(t, 0),
            "Trust before structure: how hospital alliances survive their first two years");
  EXPECT_EQ(turnText(t, 1), "Margaret Hartley, Kwame Osei");
  EXPECT_TRUE(startsWith(turnText(t, 3), "Abstract. Alliances between acute hospitals"));
  EXPECT_TRUE(endsWith(turnText(t, 3), "without commitment and drifted apart."));
  EXPECT_EQ(turnText(t, 4), "1. Introduction");
  // A justified paragraph whose last line nearly fills the column ends at the space below it.
  EXPECT_TRUE(startsWith(turnText(t, 5), "Policy makers have encouraged hospitals"));
  EXPECT_TRUE(endsWith(turnText(t, 5), "the willingness of its members to keep working at it."));
  EXPECT_TRUE(startsWith(turnText(t, 6), "Earlier studies explain dissolution"));
  EXPECT_EQ(turnText(t, 7), "2. Methods");
  EXPECT_EQ(turnText(t, 13), "4. Discussion");
  EXPECT_TRUE(endsWith(turnText(t, 14), "crowd out the work that keeps them together."));
}

TEST(PdfImporter, ParagraphsAreSeparatedByOneLineBreak) {
  const Transcript t = paper(kHartley);
  for (std::size_t i = 0; i + 1 < t.turns.size(); ++i) {
    EXPECT_EQ(t.turns[i + 1].start, t.turns[i].end + 1);
    EXPECT_EQ(text::sliceCodePoints(t.text, t.turns[i].end, t.turns[i].end + 1), "\n");
  }
  EXPECT_EQ(t.turns.back().end, text::codePointCount(t.text));
}

TEST(PdfImporter, PagesCoverTheTextInOrderAndEachStartsWithItsFirstLine) {
  const Transcript t = paper(kHartley);
  ASSERT_EQ(t.pages.size(), 2u);
  EXPECT_EQ(t.pages[0].start, 0);
  EXPECT_EQ(t.pages[0].end, t.pages[1].start);
  EXPECT_EQ(t.pages[1].end, text::codePointCount(t.text));
  EXPECT_TRUE(startsWith(pageText(t, 0), "Trust before structure"));
  // Page 2 begins in the middle of a paragraph that runs on from page 1's second column.
  EXPECT_TRUE(startsWith(pageText(t, 1), "hidden advantage. One medical director"))
      << pageText(t, 1).substr(0, 80);
  EXPECT_NE(turnText(t, 10).find("was read for hidden advantage"), std::string::npos);
}

TEST(PdfImporter, RunningHeadsAndPageNumbersAreDropped) {
  for (const auto& entry : std::filesystem::directory_iterator(kPapers)) {
    SCOPED_TRACE(entry.path().filename().string());
    const Transcript t = importers::loadTranscript(entry.path());
    const std::size_t pages = t.pages.size();
    if (pages > 1) {  // a one-page paper keeps its header: nothing recurs
      EXPECT_EQ(t.text.find(" \xC2\xB7 "), std::string::npos);  // "Journal · Volume 9 · 2017"
    }
    for (std::size_t i = 0; i < t.turns.size(); ++i) {
      const std::string said = turnText(t, i);
      EXPECT_FALSE(said == "1" || said == "2" || said == "3") << "page number kept";
    }
  }
  EXPECT_EQ(paper(kHartley).text.find("Journal of Health Partnerships"), std::string::npos);
  EXPECT_EQ(paper(kHartley).text.find("Hartley & Osei"), std::string::npos);
}

TEST(PdfImporter, HyphenatedLineEndsJoinAndSoftHyphensGo) {
  const Transcript t = paper(kHartley);
  EXPECT_EQ(t.text.find("\xC2\xAD"), std::string::npos);
  EXPECT_NE(t.text.find("interventional radiology"), std::string::npos);
  // A hyphen before a lower-case line start is taken as hyphenation: the documented cost.
  EXPECT_NE(t.text.find("Sixty-two semistructured interviews"), std::string::npos);
}

TEST(PdfImporter, LigaturesAreSpeltOutAndAccentsKept) {
  const Transcript t = paper("paper-05-lovas-2021-cultural-integration.pdf");
  EXPECT_EQ(t.text.find("\xEF\xAC\x81"), std::string::npos);  // U+FB01
  EXPECT_NE(t.text.find("the fit be"), std::string::npos);
  EXPECT_NE(t.text.find("Renée Løvås, José Martínez-Núñez, François Dubé"), std::string::npos);
  EXPECT_EQ(text::normalize(t.text), t.text);
}

TEST(PdfImporter, TwoColumnPagesReadLeftColumnThenRightThenTheNextPage) {
  const Transcript t = paper(kHartley);
  std::size_t last = 0;
  for (const char* heading : {"Abstract.", "1. Introduction", "Earlier studies", "2. Methods",
                              "3. Findings", "Formal agreements", "A slow pace", "4. Discussion"}) {
    const std::size_t at = t.text.find(heading);
    ASSERT_NE(at, std::string::npos) << heading;
    EXPECT_GT(at, last) << heading;
    last = at;
  }
}

TEST(PdfImporter, APdfWithAnOwnerPasswordOnlyOpensAsReadersOpenIt) {
  const Transcript t = importers::loadTranscript(kData / "paper-owner-password-only.pdf");
  EXPECT_NE(t.text.find("Bigger is busier"), std::string::npos);
}

TEST(PdfImporter, TheTextLimitIsCheckedPageByPage) {
  // Each page's two words count 12 bytes with their separators.
  const std::string pdf =
      test::pdfWithPages({test::textContent({"Alpha words"}), test::textContent({"Bravo words"}),
                          test::textContent({"Delta words"}), test::textContent({"Gamma words"})});
  importers::PdfLimits limits;
  limits.textBytes = 30;
  EXPECT_EQ(test::inputErrorOf([&] { importers::loadPdfBytes(pdf, "big.pdf", limits); }),
            "big.pdf: page 3: more than 30 bytes of text, more than a paper holds (a PDF bomb?)");
  limits.textBytes = 60;
  EXPECT_EQ(importers::loadPdfBytes(pdf, "big.pdf", limits).pages.size(), 4u);
}

TEST(PdfImporter, AParagraphRunsOnIntoTheNextPage) {
  const std::string pdf = test::pdfWithPages(
      {test::textContent({"First line of a paragraph"}), test::textContent({"Second page"})});
  const Transcript t = importers::loadPdfBytes(pdf, "x.pdf");
  // One line each: nothing ends the paragraph, so it runs on into the next page.
  EXPECT_EQ(t.text, "First line of a paragraph Second page");
  ASSERT_EQ(t.pages.size(), 2u);
  EXPECT_EQ(pageText(t, 1), "Second page");
}

std::string sample(const std::string& file) { return test::readFile(kPapers / file); }

std::vector<MalformedCase> pdfCases() {
  const std::string n = "x.pdf";
  auto fileCase = [](std::string behaviour, std::filesystem::path file, std::string expected) {
    return MalformedCase{std::move(behaviour), "x.pdf", [file] { return test::readFile(file); }, "",
                         std::move(expected)};
  };
  auto builtCase = [](std::string behaviour, std::function<std::string()> bytes,
                      std::string expected) {
    return MalformedCase{std::move(behaviour), "x.pdf", std::move(bytes), "", std::move(expected)};
  };
  return {
      test::bytesCase("EmptyFile", n, "", "x.pdf: file: empty file"),
      test::bytesCase("NotAPdf", n, "Interviewer: hello\n",
                      "x.pdf: file: not a PDF (no %PDF- header at its start)"),
      test::bytesCase("AZipRenamedPdf", n, "PK\x03\x04 not a pdf",
                      "x.pdf: file: not a PDF (no %PDF- header at its start)"),
      builtCase(
          "Truncated",
          [] {
            const std::string whole = sample(kHartley);
            return whole.substr(0, whole.size() * 2 / 3);
          },
          "x.pdf: file: truncated PDF (no %%EOF marker at its end); download or copy it "
          "again"),
      test::bytesCase("DamagedBeyondRepair", n, "%PDF-1.4\nnothing a reader can use\n%%EOF\n",
                      "x.pdf: file: damaged PDF; poppler cannot read it"),
      fileCase("PasswordProtected", kData / "paper-user-password.pdf",
               "x.pdf: file: password-protected; remove the password in a PDF reader and import "
               "again"),
      builtCase(
          "NoTextLayer", [] { return test::pdfWithPages({"0 0 1 rg 72 72 200 300 re f"}); },
          "x.pdf: file: no text layer (a scanned PDF?); run OCR first, e.g. ocrmypdf"),
      builtCase(
          "OnePageOverThePageLimit",
          [] { return test::pdfWithPages({"0 0 1 rg 1 1 2 2 re f"}, importers::kMaxPdfPages); },
          "x.pdf: file: 2,001 pages, more than the 2,000 a paper may have (a PDF bomb?)"),
  };
}

class PdfMalformed : public testing::TestWithParam<MalformedCase> {};
TEST_P(PdfMalformed, FailsWithTheExactMessage) {
  EXPECT_EQ(test::importError(GetParam()), GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Pdf, PdfMalformed, testing::ValuesIn(pdfCases()), test::caseName);

TEST(PdfImporter, AtThePageLimitAPdfIsRead) {
  const std::string pdf = test::pdfWithPages(
      {test::textContent({"Only text"}), "0 0 1 rg 1 1 2 2 re f"}, importers::kMaxPdfPages - 2);
  EXPECT_EQ(importers::loadPdfBytes(pdf, "x.pdf").pages.size(),
            static_cast<std::size_t>(importers::kMaxPdfPages));
}

}  // namespace

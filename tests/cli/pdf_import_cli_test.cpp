// `cmoc import` of PDF papers as a user runs it: a sample paper comes in with its pages, and
// each bad PDF is refused with its one-line error and leaves the project as `.dump` saw it.
#include <gtest/gtest.h>

#include <filesystem>

#include "../importers/pdf_builder.h"
#include "sql_peek.h"
#include "test_support.h"

using cmoc::test::runCli;
using cmoc::test::sqlDump;
using cmoc::test::sqlValue;
using cmoc::test::TempDir;
using cmoc::test::writeFile;

namespace {

const std::filesystem::path kSource = CMOC_SOURCE_DIR;

class PdfImportCli : public testing::TestWithParam<std::pair<std::string, std::string>> {
 protected:
  TempDir dir;
  std::string p = (dir / "s.cmoc").string();

  void SetUp() override {
    writeFile(dir / "i.txt", "Interviewer: How did it start?\n\nZoe: Over coffee.\n");
    ASSERT_EQ(runCli({"init", p}).exitCode, 0);
    ASSERT_EQ(runCli({"import", p, (dir / "i.txt").string()}).exitCode, 0);
    const std::string paper =
        cmoc::test::readFile(kSource / "samples/papers/paper-01-hartley-2017-trust-alliances.pdf");
    writeFile(dir / "truncated.pdf", paper.substr(0, paper.size() / 2));
    writeFile(dir / "notes.pdf", "Interviewer: hello\n");
    writeFile(dir / "scan.pdf", cmoc::test::pdfWithPages({"0 0 1 rg 72 72 200 300 re f"}));
    writeFile(dir / "bomb.pdf", cmoc::test::pdfWithPages({"0 0 1 rg 1 1 2 2 re f"}, 5000));
    std::filesystem::copy_file(kSource / "tests/importers/data/paper-user-password.pdf",
                               dir / "locked.pdf");
  }
};

TEST_P(PdfImportCli, ABadPdfIsRefusedAndLeavesTheProjectAsItWas) {
  const auto& [file, message] = GetParam();
  const std::string before = sqlDump(p);
  const auto r = runCli({"import", p, (dir / file).string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc import: " + file + ": file: " + message + "\n");
  EXPECT_EQ(r.out, "Imported 0, skipped 0, failed 1\n");
  EXPECT_EQ(sqlDump(p), before);
}

INSTANTIATE_TEST_SUITE_P(
    Cli, PdfImportCli,
    testing::Values(std::pair<std::string, std::string>{"notes.pdf",
                                                        "not a PDF (no %PDF- header at its start)"},
                    std::pair<std::string, std::string>{
                        "truncated.pdf",
                        "truncated PDF (no %%EOF marker at its end); download or copy it again"},
                    std::pair<std::string, std::string>{
                        "locked.pdf",
                        "password-protected; remove the password in a PDF reader and import again"},
                    std::pair<std::string, std::string>{
                        "scan.pdf", "no text layer (a scanned PDF?); run OCR first, e.g. ocrmypdf"},
                    std::pair<std::string, std::string>{
                        "bomb.pdf",
                        "5,001 pages, more than the 2,000 a paper may have (a PDF bomb?)"}),
    [](const auto& param) {
      std::string name = param.param.first.substr(0, param.param.first.find('.'));
      name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
      return name;
    });

TEST_F(PdfImportCli, ASamplePaperComesInWithItsParagraphsAndPages) {
  const auto r =
      runCli({"import", p,
              (kSource / "samples/papers/paper-01-hartley-2017-trust-alliances.pdf").string()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(sqlValue(p, "SELECT format FROM sources WHERE id = 2"), "pdf");
  EXPECT_EQ(sqlValue(p, "SELECT count(*) FROM turns WHERE source_id = 2"), "15");
  // SQLite's length() counts characters, as page ranges count code points.
  EXPECT_EQ(sqlValue(p,
                     "SELECT group_concat(page || ':' || (start = 0) || (end > start), ' ') "
                     "FROM (SELECT * FROM pages WHERE source_id = 2 ORDER BY page)"),
            "1:11 2:01");
  EXPECT_EQ(sqlValue(p,
                     "SELECT (SELECT end FROM pages WHERE source_id = 2 AND page = 2) = "
                     "length(text) FROM source_text WHERE source_id = 2"),
            "1");
  EXPECT_EQ(sqlValue(p, "PRAGMA integrity_check"), "ok");
}

}  // namespace

namespace {

// `cmoc show --pages` on a sample paper: each page's number, range and first words.
TEST(PdfShowPagesCli, ListsEachPageWithItsRangeAndFirstWords) {
  TempDir dir;
  const std::string p = (dir / "s.cmoc").string();
  ASSERT_EQ(runCli({"init", p}).exitCode, 0);
  ASSERT_EQ(
      runCli({"import", p,
              (kSource / "samples/papers/paper-01-hartley-2017-trust-alliances.pdf").string()})
          .exitCode,
      0);
  const std::string page2 = sqlValue(p, "SELECT start FROM pages WHERE page = 2");
  const std::string end = sqlValue(p, "SELECT end FROM pages WHERE page = 2");
  auto r = runCli({"show", p, "1", "--pages", "--format", "csv"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "page,start,end,first_words\n"
            "1,0," +
                page2 +
                ",Trust before structure: how hospital alliances survive\u2026\n"
                "2," +
                page2 + "," + end +
                ",hidden advantage. One medical director recalled that the\u2026\n");
  r = runCli({"show", p, "1", "--pages", "--format", "json"});
  EXPECT_EQ(r.out.substr(0, r.out.find("\n")),
            "{\"source\": {\"id\": 1, \"name\": \"paper-01-hartley-2017-trust-alliances.pdf\", "
            "\"pages\": 2, \"characters\": " +
                end + "},");
  // Search hits and excerpts of a paper say the page.
  r = runCli({"search", p, "hidden", "--format", "csv"});
  EXPECT_NE(r.out.find("\n1,paper-01-hartley-2017-trust-alliances.pdf,,,"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.substr(r.out.size() - 3), ",2\n") << r.out;
  r = runCli({"search", p, "hidden"});
  EXPECT_NE(r.out.find("paper-01-hartley-2017-trust-alliances.pdf, p. 2"), std::string::npos)
      << r.out;
}

TEST(PdfShowPagesCli, RefusesPagesOfATranscriptAndPagesWithTurns) {
  TempDir dir;
  const std::string p = (dir / "s.cmoc").string();
  writeFile(dir / "i.txt", "Interviewer: How did it start?\n");
  ASSERT_EQ(runCli({"init", p}).exitCode, 0);
  ASSERT_EQ(runCli({"import", p, (dir / "i.txt").string()}).exitCode, 0);
  auto r = runCli({"show", p, "i.txt", "--pages"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc show: 'i.txt' has no pages; only papers (PDF) have them\n");
  r = runCli({"show", p, "i.txt", "--pages", "--turns"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc show: choose --turns or --pages\n");
}

}  // namespace

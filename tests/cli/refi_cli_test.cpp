// `cmoc export`, `cmoc import-qda` and `cmoc new-from`, run as a user runs them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "../importers/zip_builder.h"
#include "test_support.h"

using cmoc::test::readFile;
using cmoc::test::runCli;
using cmoc::test::TempDir;
using cmoc::test::writeFile;
using testing::HasSubstr;

namespace refi_test {
// Defined in tests/core/refi_export_test.cpp.
std::filesystem::path buildDemo(const std::filesystem::path& dir);
std::map<std::string, std::string> expectValidQdpx(const std::filesystem::path& qdpx);
}  // namespace refi_test

namespace {

const std::filesystem::path kSamples =
    std::filesystem::path(CMOC_SOURCE_DIR) / ".." / "shared" / "refi-qda" / "samples";

std::string withoutProjectDate(const std::string& qde) {
  static const std::regex date("(<Project [^>]*?) creationDateTime=\"[^\"]*\"");
  return std::regex_replace(qde, date, "$1", std::regex_constants::format_first_only);
}

}  // namespace

TEST(RefiCli, ExportWritesAProjectOrACodebookByExtension) {
  TempDir dir;
  const std::string p = refi_test::buildDemo(dir.path()).string();
  auto r = runCli({"export", p, (dir / "demo.qdpx").string()});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Exported to " + (dir / "demo.qdpx").string() +
                       ": 10 codes, 2 sources, 8 codings, 7 memos, 4 cases, 6 variables, 2 CMOCs, "
                       "1 chain links\n");
  refi_test::expectValidQdpx(dir / "demo.qdpx");
  r = runCli({"export", p, (dir / "book.qdc").string()});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Exported to " + (dir / "book.qdc").string() + ": 10 codes\n");
  r = runCli({"export", p, (dir / "demo.zip").string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc export: " + (dir / "demo.zip").string() +
                       ": export writes .qdpx (a project) or .qdc (a codebook)\n");
  EXPECT_EQ(runCli({"export", p}).exitCode, 1);
}

TEST(RefiCli, NewFromThenExportGivesTheSameExchangeFile) {
  TempDir dir;
  const std::string p = refi_test::buildDemo(dir.path()).string();
  ASSERT_EQ(runCli({"export", p, (dir / "one.qdpx").string()}).exitCode, 0);
  auto r = runCli({"new-from", (dir / "copy.cmoc").string(), (dir / "one.qdpx").string()});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Created project " + (dir / "copy.cmoc").string() +
                               "\nImported one.qdpx (written by CMOC Workbench 0.1.0)\n"));
  EXPECT_THAT(r.out, HasSubstr("  saved:    users 1, codes 10, sources 2, cases 1, participants 3, "
                               "codings 8, memos 5, CMOCs 2, CMOC evidence 6, CMOC chains 1\n"));
  ASSERT_EQ(runCli({"export", (dir / "copy.cmoc").string(), (dir / "two.qdpx").string()}).exitCode,
            0);
  auto one = refi_test::expectValidQdpx(dir / "one.qdpx");
  auto two = refi_test::expectValidQdpx(dir / "two.qdpx");
  EXPECT_EQ(withoutProjectDate(one["project.qde"]), withoutProjectDate(two["project.qde"]));
  // The new project works like any other.
  r = runCli({"sources", (dir / "copy.cmoc").string(), "--format", "csv"});
  EXPECT_THAT(r.out, HasSubstr("interview-01.txt,refi,19,"));
}

TEST(RefiCli, NewFromRefusesAnExistingProjectAndLeavesNothingForABadFile) {
  TempDir dir;
  const std::string p = refi_test::buildDemo(dir.path()).string();
  ASSERT_EQ(runCli({"export", p, (dir / "one.qdpx").string()}).exitCode, 0);
  auto r = runCli({"new-from", p, (dir / "one.qdpx").string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc new-from: " + p + ": already exists; not overwriting it\n");
  writeFile(dir / "broken.qdpx", "not a zip");
  r = runCli({"new-from", (dir / "new.cmoc").string(), (dir / "broken.qdpx").string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err,
            "cmoc new-from: broken.qdpx: file: not a valid zip archive (no zip directory: not a "
            "zip file, or truncated)\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "new.cmoc"));
  r = runCli({"new-from", (dir / "new.cmoc").string(), p});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_THAT(r.err, HasSubstr("not a REFI-QDA file (.qdpx, .qdc or .qde)"));
}

TEST(RefiCli, ImportQdaAddsACodebookAndReportsAsJson) {
  TempDir dir;
  const std::string p = refi_test::buildDemo(dir.path()).string();
  ASSERT_EQ(runCli({"export", p, (dir / "book.qdc").string()}).exitCode, 0);
  const std::string target = (dir / "t.cmoc").string();
  ASSERT_EQ(runCli({"init", target}).exitCode, 0);
  auto r = runCli(
      {"import-qda", target, (dir / "book.qdc").string(), "--format", "json", "--coder", "ana"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"imported\": [{\"element\": \"codes\", \"count\": 10}]"));
  EXPECT_THAT(r.out, HasSubstr("\"skipped\": []"));
  r = runCli({"code", "list", target, "--format", "csv"});
  EXPECT_THAT(r.out, HasSubstr("Mechanisms/Trust"));
  // Undo takes the whole import back.
  r = runCli({"undo", target, "--coder", "ana"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_THAT(runCli({"code", "list", target, "--format", "csv"}).out,
              testing::Not(HasSubstr("Trust")));
}

TEST(RefiCli, ImportQdaRefusesABrokenFileWithThePlaceAndChangesNothing) {
  TempDir dir;
  const std::string target = (dir / "t.cmoc").string();
  ASSERT_EQ(runCli({"init", target}).exitCode, 0);
  cmoc::test::makeZip(
      dir / "bad.qdpx",
      {{"project.qde",
        "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><CodeBook><Codes><Code "
        "guid=\"5d3a6c1e-2222-4a2b-9c3d-00000000000a\" name=\"A\" "
        "isCodable=\"true\"/></Codes></CodeBook>"
        "<Sources><TextSource guid=\"5d3a6c1e-3333-4a2b-9c3d-000000000001\" "
        "plainTextPath=\"internal://"
        "5d3a6c1e-3333-4a2b-9c3d-000000000001.txt\"/></Sources></Project>"}});
  auto r = runCli({"import-qda", target, (dir / "bad.qdpx").string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err,
            "cmoc import-qda: bad.qdpx: project.qde:1:174 /Project/Sources/TextSource[1]: source "
            "'5d3a6c1e-3333-4a2b-9c3d-000000000001.txt': text file "
            "internal://5d3a6c1e-3333-4a2b-9c3d-000000000001.txt "
            "is missing\n");
  EXPECT_EQ(runCli({"code", "list", target, "--format", "csv"}).out.find("A,"), std::string::npos);
  r = runCli({"import-qda", target, (dir / "notes.txt").string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_THAT(r.err, HasSubstr("not a REFI-QDA file"));
}

TEST(RefiCli, ImportQdaReadsABareAtlasQdeWhenMissingSourcesMayBeSkipped) {
  if (!std::filesystem::exists(kSamples / "atlasti-8.4-mac_standard-project.qde"))
    GTEST_SKIP() << "no ATLAS.ti sample";
  TempDir dir;
  std::filesystem::copy_file(kSamples / "atlasti-8.4-mac_standard-project.qde",
                             dir / "project.qde");
  const std::string target = (dir / "t.cmoc").string();
  ASSERT_EQ(runCli({"init", target}).exitCode, 0);
  auto r = runCli({"import-qda", target, (dir / "project.qde").string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_THAT(r.err, HasSubstr("is missing"));
  r = runCli({"import-qda", target, (dir / "project.qde").string(), "--skip-missing-sources"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("  saved:    users 3, codes 14, memos 2, sets 12\n"));
  EXPECT_THAT(r.out,
              HasSubstr("PictureSource 'cornflakes-n-milk.jpg': pictures are not supported"));
}

TEST(RefiCli, PositionsTakesTheFourConventionNamesAndRefusesOthers) {
  TempDir dir;
  const std::string p = refi_test::buildDemo(dir.path()).string();
  ASSERT_EQ(runCli({"export", p, (dir / "all.qdpx").string()}).exitCode, 0);
  const std::string target = (dir / "t.cmoc").string();
  ASSERT_EQ(runCli({"init", target}).exitCode, 0);
  auto r = runCli({"import-qda", target, (dir / "all.qdpx").string(), "--positions", "utf8"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err,
            "cmoc import-qda: --positions is codepoints, codepoints-crlf1, utf16 or utf16-crlf1, "
            "not 'utf8'\n");
  r = runCli({"import-qda", target, (dir / "all.qdpx").string(), "--positions", "utf16-crlf1"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("positions: UTF-16 units, CRLF as 1 (as asked)"));
  EXPECT_THAT(runCli({"import-qda", "--help"}).out,
              HasSubstr("codepoints, codepoints-crlf1, utf16, utf16-crlf1"));
}

TEST(RefiCli, HelpNamesTheCommands) {
  auto r = runCli({"--help"});
  EXPECT_THAT(r.out, HasSubstr("  export "));
  EXPECT_THAT(r.out, HasSubstr("  import-qda "));
  EXPECT_THAT(r.out, HasSubstr("  new-from "));
  r = runCli({"import-qda", "--help"});
  EXPECT_THAT(r.out, HasSubstr("--skip-missing-sources"));
}

TEST(RefiCli, ImportTakesAnExchangeFileOnItsOwn) {
  TempDir dir;
  const std::string p = refi_test::buildDemo(dir.path()).string();
  ASSERT_EQ(runCli({"export", p, (dir / "all.qdpx").string()}).exitCode, 0);
  const std::string target = (dir / "t.cmoc").string();
  ASSERT_EQ(runCli({"init", target}).exitCode, 0);
  cmoc::test::writeFile(dir / "notes.txt", "R: hello\n");

  auto r = runCli({"import", target, (dir / "all.qdpx").string(), (dir / "notes.txt").string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err,
            "cmoc import: import a REFI-QDA file (.qdpx .qdc .qde) on its own, not with other "
            "files\n");
  r = runCli({"import", target, (dir / "notes.txt").string(), "--positions", "utf16"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err,
            "cmoc import: --positions applies only to REFI-QDA files (.qdpx .qdc .qde)\n");
  EXPECT_TRUE(runCli({"sources", target, "--format", "csv"}).out.find("notes.txt") ==
              std::string::npos);

  r = runCli({"import", target, (dir / "all.qdpx").string(), "--coder", "ana"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Imported all.qdpx"));
  EXPECT_THAT(runCli({"sources", target, "--format", "csv"}).out, HasSubstr(".txt"));
}

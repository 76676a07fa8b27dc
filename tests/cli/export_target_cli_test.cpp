// Every command that writes a file refuses to write over the project (any spelling, a link to
// it, its write-ahead log) or over another project, and leaves the project as it was.
#include <gtest/gtest.h>

#include "cmoc_table_fixture.h"
#include "sql_peek.h"
#include "test_support.h"

using cmoc::test::runCli;

namespace {

struct Writer {
  std::vector<std::string> command;  // the words before the project
  std::string extension;             // a target name the command accepts
  std::string reportedAs;            // how the error names the command
};

const std::vector<Writer> kWriters = {
    {{"code", "export"}, ".csv", "code"},
    {{"export-codings"}, ".csv", "export-codings"},
    {{"export-cmocs"}, ".csv", "export-cmocs"},
    {{"export-cmocs"}, ".docx", "export-cmocs"},
    {{"export-cmocs"}, ".xlsx", "export-cmocs"},
    {{"export-statements"}, ".md", "export-statements"},
    {{"web"}, ".svg", "web"},
    {{"web"}, ".dot", "web"},
    {{"export"}, ".qdpx", "export"},
    {{"export"}, ".qdc", "export"},
};

class ExportTarget : public ::testing::Test {
 protected:
  void SetUp() override { cmoc::test::buildCmocTableStudy(project); }

  cmoc::test::RunResult write(const Writer& w, const std::string& target) {
    std::vector<std::string> args = w.command;
    args.push_back(project);
    args.push_back(target);
    return runCli(args);
  }

  // What the project holds, as a user would see it.
  std::string contents() {
    return runCli({"code", "list", project}).out + runCli({"cmoc", "list", project}).out +
           runCli({"export-codings", project, "-"}).out;
  }

  cmoc::test::TempDir dir;
  std::string project = (dir / "s.cmoc").string();
};

}  // namespace

TEST_F(ExportTarget, EveryWriterRefusesTheProjectThroughALinkAndKeepsIt) {
  const std::string before = contents();
  ASSERT_NE(before.find("Trust"), std::string::npos);
  for (const Writer& w : kWriters) {
    const std::string link = (dir / ("link" + w.extension)).string();
    std::filesystem::remove(link);
    std::filesystem::create_symlink(project, link);
    const auto r = write(w, link);
    EXPECT_EQ(r.exitCode, 1) << w.reportedAs << w.extension;
    EXPECT_EQ(r.err, "cmoc " + w.reportedAs + ": cannot write " + link +
                         ": it is the open project itself; choose another file name\n");
    EXPECT_TRUE(std::filesystem::is_symlink(link));
  }
  EXPECT_EQ(contents(), before);
  EXPECT_EQ(cmoc::test::sqlValue(project, "PRAGMA integrity_check"), "ok");
}

TEST_F(ExportTarget, CsvExportsRefuseTheProjectByItsOwnNameAndAnyOtherSpelling) {
  const std::string before = contents();
  const std::string spellings[] = {project, (dir / "." / "s.cmoc").string(),
                                   (dir / ".." / dir.path().filename() / "s.cmoc").string()};
  for (const std::string& target : spellings)
    for (const char* command : {"export-codings", "code"}) {
      const Writer w = std::string(command) == "code" ? kWriters[0] : kWriters[1];
      const auto r = write(w, target);
      EXPECT_EQ(r.err, "cmoc " + w.reportedAs + ": cannot write " + target +
                           ": it is the open project itself; choose another file name\n");
    }
  EXPECT_EQ(contents(), before);
}

TEST_F(ExportTarget, WritersRefuseAnotherProjectAndTheProjectsLog) {
  const std::string other = (dir / "other.csv").string();
  ASSERT_EQ(runCli({"init", other}).exitCode, 0);
  const std::string otherBefore = cmoc::test::sqlValue(other, "PRAGMA application_id");
  for (const Writer& w : {kWriters[0], kWriters[1], kWriters[2]}) {
    const auto r = write(w, other);
    EXPECT_EQ(r.err, "cmoc " + w.reportedAs + ": cannot write " + other +
                         ": it is a CMOC Workbench project; exports never overwrite a project\n");
  }
  EXPECT_EQ(cmoc::test::sqlValue(other, "PRAGMA application_id"), otherBefore);
  EXPECT_EQ(runCli({"sources", other}).exitCode, 0);
  const std::string wal = project + "-wal";
  const auto r = write(kWriters[0], wal);
  EXPECT_EQ(r.err, "cmoc code: cannot write " + wal +
                       ": SQLite keeps the open project's changes in it; choose another file name\n");
}

// `cmoc backup`: a consistent copy through SQLite's online backup API, the write-ahead log's
// changes included, never over an existing file or a project (issue 21, finding 16).
#include <gtest/gtest.h>

#include <cstdlib>

#include "cmoc/codebook.h"
#include "cmoc/project.h"
#include "sql_peek.h"
#include "test_support.h"

using cmoc::test::runCli;
using cmoc::test::sqlValue;
using cmoc::test::TempDir;

namespace {

struct BackupCli : ::testing::Test {
  TempDir dir;
  std::string project = (dir / "study.cmoc").string();
  std::string dest = (dir / "copy.cmoc").string();
  void SetUp() override { ASSERT_EQ(runCli({"init", project}).exitCode, 0); }
};

}  // namespace

TEST_F(BackupCli, CopiesChangesStillInTheWriteAheadLog) {
  // This connection stays open, so neither it nor the CLI's checkpoints the log on closing: the
  // new codes are only in study.cmoc-wal, as when cmoc-gui has the project open.
  cmoc::Project open = cmoc::Project::open(project);
  open.setCoder("ana");
  cmoc::Codebook codebook(open);
  for (int i = 0; i < 40; ++i) codebook.add({.name = "Code " + std::to_string(i)});
  // What the README's old advice, `cp study.cmoc ...`, copies: the main file alone.
  const std::string stale = (dir / "stale.cmoc").string();
  ASSERT_EQ(std::system(("cp '" + project + "' '" + stale + "'").c_str()), 0);
  ASSERT_EQ(sqlValue(stale, "SELECT count(*) FROM codes"), "0");

  const auto r = runCli({"backup", project, dest});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Backed up " + project + " to " + dest + "\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(sqlValue(dest, "SELECT count(*) FROM codes"), "40");
  EXPECT_EQ(sqlValue(dest, "SELECT count(*) FROM audit WHERE action = 'add-code'"), "40");
  EXPECT_EQ(sqlValue(dest, "PRAGMA integrity_check"), "ok");
  EXPECT_FALSE(std::filesystem::exists(dest + "-journal"));
  // The copy is a project the CLI opens, in WAL mode like the original.
  const auto list = runCli({"code", "list", dest, "--format", "csv"});
  EXPECT_EQ(list.exitCode, 0) << list.err;
  EXPECT_NE(list.out.find("Code 39"), std::string::npos);
  EXPECT_EQ(sqlValue(dest, "PRAGMA journal_mode"), "wal");
  // No temporary file is left beside DEST.
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
}

TEST_F(BackupCli, RefusesADestThatExistsAndLeavesIt) {
  cmoc::test::writeFile(dest, "notes");
  const auto r = runCli({"backup", project, dest});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "cmoc backup: cannot back up to " + dest +
                       ": it exists; a backup never replaces a file, so choose a new name\n");
  EXPECT_EQ(cmoc::test::readFile(dest), "notes");
}

TEST_F(BackupCli, RefusesTheProjectItselfAndAnotherProject) {
  auto r = runCli({"backup", project, project});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc backup: cannot write " + project +
                       ": it is the open project itself; choose another file name\n");
  const std::string other = (dir / "other.cmoc").string();
  ASSERT_EQ(runCli({"init", other}).exitCode, 0);
  r = runCli({"backup", project, other});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc backup: cannot write " + other +
                       ": it is a CMOC Workbench project; exports never overwrite a project\n");
  r = runCli({"backup", project, project + "-wal"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc backup: cannot write " + project +
                       "-wal: SQLite keeps the open project's changes in it; choose another file "
                       "name\n");
  EXPECT_EQ(sqlValue(project, "PRAGMA integrity_check"), "ok");
}

TEST_F(BackupCli, RefusesAMissingDestOrFolder) {
  auto r = runCli({"backup", project});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err,
            "cmoc backup: backup needs one DEST, the new file to write (cmoc backup "
            "PROJECT.cmoc DEST)\n");
  const std::string nowhere = (dir / "no" / "copy.cmoc").string();
  r = runCli({"backup", project, nowhere});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc backup: cannot write " + nowhere + ": No such file or directory\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "no"));
}

// Where a project lives (issue 13): in a synced folder it works with a warning on stderr.
#include <gtest/gtest.h>

#include "sql_peek.h"
#include "test_support.h"

using cmoc::test::runCli;
using cmoc::test::TempDir;

TEST(ProjectLocationCli, ASyncedFolderIsWarnedAboutOnCreatingAndChanging) {
  TempDir dir;
  std::filesystem::create_directory(dir / "Dropbox");
  const std::string project = (dir / "Dropbox" / "s.cmoc").string();
  const std::string warning = "cmoc: warning: " + project +
                              " is in a Dropbox folder: syncing it while it is open can copy the "
                              "project apart from its -wal file and damage it. Keep projects on "
                              "a local disk outside synced folders, and share copies made with "
                              "`cmoc backup`\n";
  const auto init = runCli({"init", project});
  EXPECT_EQ(init.exitCode, 0) << init.err;
  EXPECT_EQ(init.err, warning);
  const auto add = runCli({"code", "add", project, "Trust"});
  EXPECT_EQ(add.exitCode, 0) << add.err;
  EXPECT_EQ(add.err, warning);
  EXPECT_EQ(cmoc::test::sqlValue(project, "SELECT name FROM codes"), "Trust");
}

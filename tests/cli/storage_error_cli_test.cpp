// A project file that cannot be read or written gives a message naming the file and what to
// do, never SQLite's bare text, and says that nothing was saved.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "test_support.h"

using cmoc::test::runCli;

namespace {

class StorageErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(runCli({"init", project}).exitCode, 0);
    ASSERT_EQ(runCli({"code", "add", project, "Trust", "--kind", "mechanism"}).exitCode, 0);
  }
  std::string absolute() const { return std::filesystem::canonical(project).string(); }
  cmoc::test::TempDir dir;
  std::string project = (dir / "s.cmoc").string();
};

}  // namespace

TEST_F(StorageErrors, ADamagedFileIsNamedWithWhatToDo) {
  // Every page after the first (which holds the schema) overwritten, as a failing disk might.
  const auto size = std::filesystem::file_size(project);
  {
    std::fstream f(project, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096);
    f << std::string(size - 4096, '\xff');
  }
  const std::string expected = absolute() +
                               " is damaged (database disk image is malformed); nothing of this "
                               "action was saved. Restore it from a backup copy\n";
  auto r = runCli({"code", "list", project});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc code: " + expected);
  r = runCli({"sources", project});
  EXPECT_EQ(r.err, "cmoc sources: " + expected);
}

TEST_F(StorageErrors, ABusyFileSaysAnotherProgramIsWriting) {
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(project.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  const auto r = runCli({"code", "add", project, "Pace", "--kind", "context"});  // waits 10 s
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc code: " + absolute() +
                       " is busy: another program is writing to it; nothing of this action was "
                       "saved. Try again in a moment\n");
  EXPECT_EQ(runCli({"code", "list", project}).out.find("Pace"), std::string::npos);
}

// A project the user may not write (on read-only media, or a colleague's shared folder) opens
// for every command that only reads; each command that writes says which of the file or its
// folder is read-only, saves nothing and leaves no -wal or -shm behind (issue 21, finding 14).
#include <gtest/gtest.h>

#include "test_support.h"

using cmoc::test::runCli;
using cmoc::test::runCliAsAnotherUser;
namespace fs = std::filesystem;

namespace {

class ReadOnlyProject : public ::testing::Test {
 protected:
  cmoc::test::TempDir dir, out;
  fs::path folder = dir / "shared";
  std::string p = (folder / "s.cmoc").string();

  void SetUp() override {
    fs::create_directory(folder);
    ASSERT_EQ(runCli({"demo", p, (dir / "exports").string()}).exitCode, 0);
    ASSERT_FALSE(fs::exists(p + "-wal"));
    fs::permissions(dir.path(),
                    fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    // Where the reader may write its exports.
    fs::permissions(out.path(), fs::perms::all);
  }
  void TearDown() override { fs::permissions(folder, fs::perms::owner_all); }

  void makeReadOnly(fs::perms file) {
    fs::permissions(p, file);
    fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                fs::perms::group_exec | fs::perms::others_read |
                                fs::perms::others_exec);
  }

  void expectReadersWork() {
    const auto sources = runCliAsAnotherUser({"sources", p});
    EXPECT_EQ(sources.exitCode, 0) << sources.err;
    EXPECT_EQ(sources.out, runCli({"sources", p}).out);
    const auto search = runCliAsAnotherUser({"search", p, "trust", "--format", "csv"});
    EXPECT_EQ(search.exitCode, 0) << search.err;
    EXPECT_NE(search.out.find("trust"), std::string::npos);
    for (const std::vector<std::string>& args : {std::vector<std::string>{"code", "list", p},
                                                 {"cmoc", "list", p},
                                                 {"demi", p},
                                                 {"check", p},
                                                 {"log", p, "--limit", "3"},
                                                 {"excerpts", p},
                                                 {"export-cmocs", p, (out / "table.md").string()},
                                                 {"export", p, (out / "study.qdpx").string()}}) {
      const auto r = runCliAsAnotherUser(args);
      EXPECT_EQ(r.exitCode, 0) << args[0] << ": " << r.err;
    }
    EXPECT_TRUE(fs::exists(out / "study.qdpx"));
  }

  void expectWritersRefused(const std::string& reason) {
    // The file's bytes, not its dump: opening it here (as root) would make the -wal and -shm.
    const std::string before = cmoc::test::readFile(p);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"code", "add", p, "Newcode"},
          {"coding", "apply", p, "1", "0", "5", "Trust"},
          {"cmoc", "delete", p, "1"}}) {
      const auto r = runCliAsAnotherUser(args);
      EXPECT_EQ(r.exitCode, 1) << args[0];
      EXPECT_EQ(r.err, "cmoc " + args[0] + ": cannot save to " + p + ": " + reason +
                           "; nothing of this action was saved\n");
    }
    EXPECT_EQ(cmoc::test::readFile(p), before);
    EXPECT_FALSE(fs::exists(p + "-wal"));
    EXPECT_FALSE(fs::exists(p + "-shm"));
  }
};

TEST_F(ReadOnlyProject, InAReadOnlyFolderReadsAndRefusesToWriteNamingTheFolder) {
  makeReadOnly(fs::perms::all);  // the file itself may be written, its folder not
  expectReadersWork();
  expectWritersRefused("its folder " + folder.string() +
                       " is read-only (SQLite writes s.cmoc-wal and -shm beside it)");
}

TEST_F(ReadOnlyProject, ReadOnlyFileAndFolderReadAndRefuseToWriteNamingTheFile) {
  makeReadOnly(fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  expectReadersWork();
  expectWritersRefused("the file is read-only");
}

}  // namespace

// `cmoc export-cmocs` and `cmoc export-statements`, run as a user runs them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cmoc_table_fixture.h"
#include "test_support.h"

using cmoc::test::readFile;
using cmoc::test::runCli;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

class ExportCli : public ::testing::Test {
 protected:
  void SetUp() override { cmoc::test::buildCmocTableStudy(project); }
  cmoc::test::TempDir dir;
  std::string project = (dir / "s.cmoc").string();
};

}  // namespace

TEST_F(ExportCli, WritesEveryFormatByExtension) {
  for (const char* name : {"t.csv", "t.md", "t.html", "t.xlsx", "t.docx"}) {
    const std::string out = (dir / name).string();
    auto r = runCli({"export-cmocs", project, out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "Wrote 2 CMOCs under 2 mechanisms as a CMOC table to " + out + "\n");
    EXPECT_GT(std::filesystem::file_size(out), 200u) << name;
  }
  EXPECT_THAT(readFile(dir / "t.html"), HasSubstr("slow pace &lt;&amp;&gt;"));
}

TEST_F(ExportCli, FiltersByMechanismStatusAndThreshold) {
  const std::string out = (dir / "t.csv").string();
  auto r = runCli({"export-cmocs", project, out, "--mechanism", "Trust", "--threshold", "1"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Wrote 1 CMOC under 1 mechanism as a CMOC table to " + out + "\n");
  const std::string csv = readFile(out);
  EXPECT_THAT(csv, HasSubstr("\nTrust,2,Slow pace,Reduced trust,refines,1,1,1,1,ok,"));
  r = runCli({"export-cmocs", project, out, "--status", "novel"});
  EXPECT_EQ(r.out, "Wrote 0 CMOCs under 0 mechanisms as a CMOC table to " + out + "\n");
  EXPECT_EQ(r.err, "note: no CMOCs match, so the file has no rows\n");
}

TEST_F(ExportCli, PseudonymisesQuotes) {
  const std::string out = (dir / "t.md").string();
  auto r = runCli({"export-cmocs", project, out, "--pseudonymise"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("(pseudonymised)"));
  const std::string md = readFile(out);
  EXPECT_THAT(md, Not(HasSubstr("Gwen")));
  EXPECT_THAT(md, Not(HasSubstr("Zoe")));
  EXPECT_THAT(md, HasSubstr("[27] told me"));
}

TEST_F(ExportCli, WritesStatements) {
  const std::string out = (dir / "s.md").string();
  auto r = runCli({"export-statements", project, out, "--pseudonymise"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Wrote 2 CMOCs under 2 mechanisms as if-then-because statements to " + out +
                       " (pseudonymised)\n");
  EXPECT_THAT(readFile(out), HasSubstr("**If slow pace, then reduced trust, because conflict.**"));
}

TEST_F(ExportCli, BadInputGetsOneLineErrors) {
  const std::string txt = (dir / "t.txt").string();
  auto r = runCli({"export-cmocs", project, txt});
  EXPECT_NE(r.exitCode, 0);
  EXPECT_EQ(r.err, "cmoc export-cmocs: " + txt +
                       ": a CMOC table is written as .csv, .md, .html, .xlsx or .docx\n");
  r = runCli({"export-cmocs", project, (dir / "t.csv").string(), "--mechanism", "Nope"});
  EXPECT_NE(r.exitCode, 0);
  EXPECT_EQ(r.err, "cmoc export-cmocs: no code named 'Nope'\n");
  const std::string nowhere = (dir / "no" / "t.xlsx").string();
  r = runCli({"export-cmocs", project, nowhere});
  EXPECT_NE(r.exitCode, 0);
  EXPECT_EQ(r.err, "cmoc export-cmocs: cannot write " + nowhere + ": No such file or directory\n");
  r = runCli({"export-statements", project, (dir / "s.html").string()});
  EXPECT_EQ(r.err, "cmoc export-statements: " + (dir / "s.html").string() +
                       ": statements are written as Markdown (.md)\n");
  r = runCli({"export-cmocs", project, (dir / "t.csv").string(), "--threshold", "0"});
  EXPECT_EQ(r.err,
            "cmoc export-cmocs: --threshold needs a whole number from 1 to 1000000, not '0'\n");
}

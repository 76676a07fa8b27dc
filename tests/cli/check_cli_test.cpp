// `cmoc check`: its lines, formats and exit codes, and the refusals for what it cannot check
// (issue 13).
#include <gtest/gtest.h>

#include "sql_peek.h"
#include "test_support.h"

using cmoc::test::runCli;
using cmoc::test::TempDir;

namespace {

struct CheckCli : ::testing::Test {
  TempDir dir;
  std::string project = (dir / "study.cmoc").string();
  void SetUp() override {
    ASSERT_EQ(runCli({"init", project}).exitCode, 0);
    const std::string transcript = (dir / "a.txt").string();
    cmoc::test::writeFile(transcript, "Interviewer: How did it start?\n\nR: With trust.\n");
    ASSERT_EQ(runCli({"import", project, transcript}).exitCode, 0);
    ASSERT_EQ(runCli({"code", "add", project, "Trust", "--kind", "mechanism"}).exitCode, 0);
    const auto applied = runCli({"coding", "apply", project, "a.txt", "36", "41", "Trust"});
    ASSERT_EQ(applied.exitCode, 0) << applied.err;
  }
};

TEST_F(CheckCli, AWholeProjectSaysSoAndExitsZero) {
  const auto r = runCli({"check", project});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, project + ": no problems in 11 checks\n");
  EXPECT_EQ(r.err, "");
  const auto json = runCli({"check", project, "--format", "json"});
  EXPECT_EQ(json.exitCode, 0);
  EXPECT_EQ(json.out, "[]\n");
}

TEST_F(CheckCli, ADamagedProjectGetsOneLinePerProblemAndExitsOne) {
  cmoc::test::sqlExec(project, "UPDATE codings SET end = 99; UPDATE sources SET char_count = 40");
  const auto r = runCli({"check", project});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.out,
            "error: source-text: source 1 (a.txt) records 40 code points but its text has 47\n"
            "error: coding-spans: coding 1 in a.txt spans [36, 99), past the text's end 40\n"
            "error: turn-spans: turn 2 of a.txt spans [35, 46), past the text's end 40\n" +
                project + ": 3 errors, 0 warnings in 11 checks\n");
  const auto csv = runCli({"check", project, "--format", "csv"});
  EXPECT_EQ(csv.exitCode, 1);
  EXPECT_EQ(csv.out,
            "severity,check,detail\n"
            "error,source-text,source 1 (a.txt) records 40 code points but its text has 47\n"
            "error,coding-spans,\"coding 1 in a.txt spans [36, 99), past the text's end 40\"\n"
            "error,turn-spans,\"turn 2 of a.txt spans [35, 46), past the text's end 40\"\n");
}

TEST_F(CheckCli, RefusesWhatItCannotCheckAndChangesNothing) {
  const std::string before = cmoc::test::sqlDump(project);
  const std::string notProject = (dir / "notes.cmoc").string();
  cmoc::test::writeFile(notProject, "just some notes, not a database at all, long enough to matter");
  struct Case {
    std::vector<std::string> args;
    int exit;
    std::string err;
  } cases[] = {
      {{"check"}, 1, "cmoc check: missing the project file (PROJECT.cmoc)\n"},
      {{"check", project, "extra"}, 1, "cmoc check: check takes only the project file\n"},
      {{"check", project, "--format", "xml"}, 1,
       "cmoc check: unknown format 'xml' (table, csv or json)\n"},
      {{"check", (dir / "missing.cmoc").string()}, 1,
       "cmoc check: " + (dir / "missing.cmoc").string() + ": no such project file\n"},
      {{"check", notProject}, 1, "cmoc check: " + notProject + ": not a CMOC Workbench project\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.args.size() > 1 ? c.args[1] : c.args[0]);
    const auto r = runCli(c.args);
    EXPECT_EQ(r.exitCode, c.exit);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, c.err);
  }
  EXPECT_EQ(cmoc::test::sqlDump(project), before);
}

}  // namespace

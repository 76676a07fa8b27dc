// `cmoc merge` and `cmoc agree --cmocs` run as a user runs them.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cmoc/cmocs.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/project.h"
#include "test_support.h"

using cmoc::test::runCli;
using cmoc::test::TempDir;

namespace {

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// ana's project and ben's copy of it, in which ben coded and built a CMOC.
struct Copies {
  TempDir dir;
  std::string mine = (dir / "ana.cmoc").string(), theirs = (dir / "ben.cmoc").string();
  Copies() {
    {
      cmoc::Project p = cmoc::Project::create(mine);
      p.addTranscript({"s.txt", "text", std::string(100, 'x'), {{"P", 0, 100, {}, {}}}});
      p.setCoder("ana");
      cmoc::Codebook(p).add({.name = "Mandate", .kind = cmoc::CodeKind::Context});
      cmoc::Codebook(p).add({.name = "Trust", .kind = cmoc::CodeKind::Mechanism});
      cmoc::Codebook(p).add({.name = "Collaboration", .kind = cmoc::CodeKind::Outcome});
      const auto e = cmoc::Coding(p).apply("s.txt", "Mandate", 0, 10);
      cmoc::Cmocs(p).add({.context = "Mandate", .mechanism = "Trust", .outcome = "Collaboration",
                          .evidence = {{cmoc::Slot::Context, e.id}}});
    }
    std::filesystem::copy_file(mine, theirs);
    cmoc::Project b = cmoc::Project::open(theirs);
    b.setCoder("ben");
    const auto e = cmoc::Coding(b).apply("s.txt", "Mandate", 5, 15);
    cmoc::Cmocs(b).add({.context = "Mandate", .mechanism = "Trust", .outcome = "Collaboration",
                        .evidence = {{cmoc::Slot::Context, e.id}}});
    cmoc::Codebook(b).edit("Trust", {.definition = std::string("ben's definition")});
  }
};

}  // namespace

TEST(CliMerge, ReportsAddedAndConflictsAndAddsNothingTheSecondTime) {
  Copies c;
  auto r = runCli({"merge", c.mine, c.theirs, "--coder", "ana"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Merged " + c.theirs + " into " + c.mine + ": 4 added, 1 conflict(s): "
                         "same GUID, different content; the local version was kept.")) << r.out;
  EXPECT_TRUE(has(r.out, "codings            1        1          0")) << r.out;
  EXPECT_TRUE(has(r.out, "codes              0        2          1")) << r.out;
  EXPECT_TRUE(has(r.out, "Trust  definition\n")) << r.out;
  auto again = runCli({"merge", c.mine, c.theirs, "--format", "json"});
  ASSERT_EQ(again.exitCode, 0) << again.err;
  EXPECT_TRUE(has(again.out, "\"added\": 0,")) << again.out;
  EXPECT_TRUE(has(again.out, "\"fields\": \"definition\"")) << again.out;
  auto csv = runCli({"merge", c.mine, c.theirs, "--format", "csv"});
  EXPECT_TRUE(has(csv.out, "record,kind,added,present,conflicts,guid,name,detail\n")) << csv.out;
  EXPECT_TRUE(has(csv.out, "count,codings,0,2,0,,,\n")) << csv.out;
  auto undo = runCli({"undo", c.mine, "--coder", "ana"});
  EXPECT_EQ(undo.out, "Undid: merge ben.cmoc\n");
}

TEST(CliMerge, BadInputIsOneLineWithTheReason) {
  Copies c;
  auto missing = runCli({"merge", c.mine, (c.dir / "none.cmoc").string()});
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_EQ(missing.err, "cmoc merge: " + (c.dir / "none.cmoc").string() + ": no such project file\n");
  auto self = runCli({"merge", c.mine, c.mine});
  EXPECT_EQ(self.err, "cmoc merge: cannot merge " + c.mine + " into " + c.mine +
                          ": they are the same project file\n");
  auto usage = runCli({"merge", c.mine});
  EXPECT_EQ(usage.err, "cmoc merge: merge takes the project and one other project: cmoc merge "
                       "PROJECT OTHER\n");
}

TEST(CliAgreeCmocs, FiguresAndUnmatchedCmocsInEachFormat) {
  Copies c;
  ASSERT_EQ(runCli({"merge", c.mine, c.theirs}).exitCode, 0);
  auto t = runCli({"agree", c.mine, "--coders", "ana,ben", "--cmocs"});
  ASSERT_EQ(t.exitCode, 0) << t.err;
  EXPECT_TRUE(has(t.out, "matched  ana only  ben only  agreement (Jaccard)  positive agreement (Dice)"))
      << t.out;
  EXPECT_TRUE(has(t.out, "      1         0         0  100.0%               100.0%")) << t.out;
  EXPECT_TRUE(has(t.out, "ana #1 = ben #2 Mandate -> Trust -> Collaboration")) << t.out;
  auto json = runCli({"agree", c.mine, "--coders", "ana,ben", "--cmocs", "--format", "json"});
  EXPECT_TRUE(has(json.out, "\"matched\": 1, \"a_only\": 0, \"b_only\": 0,\n\"proportion\": 1,"))
      << json.out;
  auto md = runCli({"agree", c.mine, "--coders", "ana,ben", "--cmocs", "--format", "md"});
  EXPECT_TRUE(has(md.out, "**Agreement on CMOCs**")) << md.out;
  auto csv = runCli({"agree", c.mine, "--coders", "ana,ben", "--cmocs", "--format", "csv"});
  EXPECT_TRUE(has(csv.out, "matched,1,2,Mandate,Trust,Collaboration,,2,\n")) << csv.out;
  auto html = runCli({"agree", c.mine, "--coders", "ana,ben", "--cmocs", "--format", "html"});
  EXPECT_EQ(html.err, "cmoc agree: unknown format 'html' for --cmocs (table, csv, json or md)\n");
}

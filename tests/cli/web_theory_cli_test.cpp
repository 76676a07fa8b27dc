// `cmoc web` with theory versions and status colours, as a user runs it: the line saying what
// was written, the DOT's marks and legend, and each refusal's exact message (leaving the project
// as it was).
#include <gtest/gtest.h>

#include "expect_refused.h"
#include "theory_study.h"

using cmoc::test::readFile;
using cmoc::test::runCli;

namespace {

class WebTheoryCli : public ::testing::Test {
 protected:
  cmoc::test::TheoryStudy s;
  std::string p = s.file.string();
  std::string out = (s.dir / "web.dot").string();

  void SetUp() override {
    const auto a = s.add("Slow pace", "Conflict", "Reduced trust", cmoc::CmocStatus::Affirms,
                         {"a.txt", "b.txt"});
    const auto b = s.add("Mandated", "Trust", "Collaboration");
    s.cmocs.link(a.id, b.id);
    ASSERT_EQ(runCli({"theory", "snapshot", p, "Initial programme theory"}).exitCode, 0);
    s.cmocs.edit(a.id, {.status = cmoc::CmocStatus::Refutes});
    s.add("Proximity", "Faith", "Dissolution", cmoc::CmocStatus::Novel, {"c.txt"});  // 3
    s.cmocs.remove(b.id);
  }

  void expectRefused(const std::vector<std::string>& args, const std::string& err) {
    cmoc::test::expectRefusedUnchanged(s.file, args, err);
    EXPECT_FALSE(std::filesystem::exists(out));
  }
};

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_F(WebTheoryCli, MarksWhatChangedBetweenAVersionAndTheCurrentCmocs) {
  const auto r = runCli({"web", p, out, "--theory", "Initial programme theory", "--against",
                         "current"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "Wrote the causal web from 'Initial programme theory' to the current CMOCs (3 CMOCs, "
            "9 codes, 7 arrows; 1 CMOC added, 1 removed, 1 changed; 0 chains added, 1 removed) "
            "to " + out + "\n");
  const std::string dot = readFile(out);
  EXPECT_TRUE(contains(dot, "[label=\"#1 changed\""));
  EXPECT_TRUE(contains(dot, "[label=\"#2 removed\""));
  EXPECT_TRUE(contains(dot, "[label=\"#3 added\""));
  EXPECT_TRUE(contains(dot, "[label=\"chain 1→2 (removed)\""));
  EXPECT_TRUE(contains(dot, "[label=\"Mandated\", shape=box, style=\"rounded,filled,dashed\""));
  EXPECT_TRUE(contains(dot, "label=\"Changes from 'Initial programme theory' to the current CMOCs\""));

  const std::string svg = (s.dir / "web.svg").string();
  ASSERT_EQ(runCli({"web", p, svg, "--theory", "1", "--against", "current"}).exitCode, 0);
  EXPECT_TRUE(contains(readFile(svg), "removed (only in &#39;Initial programme theory&#39;)"));
}

TEST_F(WebTheoryCli, DrawsOneVersionInThePlainLook) {
  const auto r = runCli({"web", p, out, "--theory", "Initial programme theory"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Wrote the causal web of 'Initial programme theory' (2 CMOCs, 6 codes, 5 arrows) "
                   "to " + out + "\n");
  const std::string dot = readFile(out);
  EXPECT_TRUE(contains(dot, "[label=\"#2 novel\""));  // removed since, but this version has it
  EXPECT_FALSE(contains(dot, "cluster_legend"));
  ASSERT_EQ(runCli({"web", p, out, "--theory", "1", "--colour-by", "status"}).exitCode, 0);
  EXPECT_TRUE(contains(readFile(out), "label=\"CMOC status\""));
}

TEST_F(WebTheoryCli, ColoursTheCurrentWebByStatus) {
  s.add("Slow pace", "Conflict", "Reduced trust", cmoc::CmocStatus::Affirms);
  const auto plain = runCli({"web", p, out});
  ASSERT_EQ(plain.exitCode, 0) << plain.err;
  EXPECT_EQ(plain.out, "Wrote the causal web (3 CMOCs, 6 codes, 4 arrows) to " + out + "\n");
  EXPECT_EQ(runCli({"web", p, out, "--colour-by", "code"}).out, plain.out);
  const auto r = runCli({"web", p, out, "--colour-by", "status"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  // The two CMOCs on slow pace -> conflict -> reduced trust differ in status: 2 more arrows.
  EXPECT_EQ(r.out, "Wrote the causal web (3 CMOCs, 6 codes, 6 arrows) to " + out + "\n");
  const std::string dot = readFile(out);
  EXPECT_TRUE(contains(dot, "[label=\"#1 refutes\", tooltip=\"CMOC #1\", color=\"#C62828\", style=bold"));
  EXPECT_TRUE(contains(dot, "[label=\"#4 affirms\", tooltip=\"CMOC #4\", color=\"#2E7D32\", style=solid"));
  EXPECT_TRUE(contains(dot, "label=\"CMOC status\""));
}

TEST_F(WebTheoryCli, BadInputSaysWhy) {
  expectRefused({"web", p, out, "--theory", "v9", "--against", "current"},
                "cmoc web: no theory version 'v9'\n");
  expectRefused({"web", p, out, "--theory", "current", "--against", "v9"},
                "cmoc web: no theory version 'v9'\n");
  expectRefused({"web", p, out, "--theory", "v9"}, "cmoc web: no theory version 'v9'\n");
  expectRefused({"web", p, out, "--against", "current"},
                "cmoc web: --against V2 needs --theory V1: the version the changes are counted "
                "from\n");
  expectRefused({"web", p, out, "--theory", "Initial programme theory", "--against", "1"},
                "cmoc web: V1 and V2 are the same version ('Initial programme theory'); name two "
                "different versions\n");
  expectRefused({"web", p, out, "--theory", "current", "--against", "current"},
                "cmoc web: V1 and V2 are the same version ('current'); name two different "
                "versions\n");
  expectRefused({"web", p, out, "--colour-by", "change"},
                "cmoc web: unknown --colour-by 'change' (code or status)\n");
  expectRefused({"web", p, out, "--theory", "1", "--against", "current", "--colour-by", "status"},
                "cmoc web: --colour-by does not apply with --against: that web's colours mark "
                "the changes\n");
  expectRefused({"web", p, out, "--theory", "1", "--mechanism", "Trust"},
                "cmoc web: --mechanism and --status filter the current CMOCs; they do not apply "
                "with --theory\n");
  expectRefused({"web", p, out, "--theory", "1", "--status", "novel"},
                "cmoc web: --mechanism and --status filter the current CMOCs; they do not apply "
                "with --theory\n");
}

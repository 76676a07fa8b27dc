// `cmoc theory ...` as a user runs it: snapshot, list and show, their output and their refusals.
#include <gtest/gtest.h>

#include "theory_study.h"

using cmoc::test::runCli;

namespace {

class TheoryCli : public ::testing::Test {
 protected:
  cmoc::test::TheoryStudy s;
  std::string p = s.file.string();

  void SetUp() override {
    const auto a = s.add("Slow pace", "Conflict", "Reduced trust", cmoc::CmocStatus::Affirms,
                         {"a.txt", "b.txt"});
    const auto b = s.add("Mandated", "Trust", "Collaboration");
    s.cmocs.link(a.id, b.id);
  }

  void expectRefused(const std::vector<std::string>& args, const std::string& err) {
    const auto r = runCli(args);
    EXPECT_NE(r.exitCode, 0);
    EXPECT_EQ(r.err, err);
    EXPECT_EQ(r.out, "");
  }
};

}  // namespace

TEST_F(TheoryCli, SnapshotListAndShow) {
  auto r = runCli({"theory", "snapshot", p, "Initial programme theory", "--memo", "gleaning",
                   "--coder", "ana"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Theory version 1 'Initial programme theory': 2 CMOCs, 1 chain link\n");

  r = runCli({"theory", "list", p, "--format", "csv"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "id,name,created,coder,cmocs,links,memo");
  EXPECT_NE(r.out.find("1,Initial programme theory,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(",ana,2,1,gleaning\n"), std::string::npos) << r.out;

  r = runCli({"theory", "show", p, "1", "--format", "csv"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "id,context,mechanism,outcome,status,prior,excerpts,sources,label,feeds\n"
            "1,Slow pace,Conflict,Reduced trust,affirms,,2,2,,2\n"
            "2,Mandated,Trust,Collaboration,novel,,0,0,,\n");
  r = runCli({"theory", "show", p, "Initial programme theory"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.rfind("Theory version 1 'Initial programme theory' (", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("ana): 2 CMOCs, 1 chain link\ngleaning\n"), std::string::npos) << r.out;
}

TEST_F(TheoryCli, ListSaysWhenThereAreNoVersions) {
  const auto r = runCli({"theory", "list", p});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "No theory versions yet (cmoc theory snapshot PROJECT NAME takes one)\n");
}

TEST_F(TheoryCli, UndoTakesTheSnapshotBack) {
  ASSERT_EQ(runCli({"theory", "snapshot", p, "v1"}).exitCode, 0);
  const auto r = runCli({"undo", p});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("snapshot theory 'v1'"), std::string::npos) << r.out;
  expectRefused({"theory", "show", p, "v1"}, "cmoc theory: no theory version 'v1'\n");
}

TEST_F(TheoryCli, BadInputSaysWhy) {
  ASSERT_EQ(runCli({"theory", "snapshot", p, "v1"}).exitCode, 0);
  expectRefused({"theory", "snapshot", p, "v1"},
                "cmoc theory: there is already a theory version named 'v1'\n");
  expectRefused({"theory", "snapshot", p, ""}, "cmoc theory: a theory version needs a name\n");
  expectRefused({"theory", "snapshot", p, std::string(1001, 'n')},
                "cmoc theory: a theory version name can be at most 1000 characters; this one "
                "has 1001\n");
  expectRefused({"theory", "snapshot", p},
                "cmoc theory: usage: cmoc theory snapshot PROJECT.cmoc NAME [--memo TEXT]\n");
  expectRefused({"theory", "show", p, "v2"}, "cmoc theory: no theory version 'v2'\n");
  expectRefused({"theory", "list", p, "--memo", "x"},
                "cmoc theory: --memo does not apply to `cmoc theory list`\n");
  expectRefused({"theory", "rename", p},
                "cmoc theory: unknown subcommand 'rename' (snapshot, "
                "list, show, diff)\n");
}

TEST_F(TheoryCli, DiffAgainstTheLiveSetInEachFormat) {
  ASSERT_EQ(runCli({"theory", "snapshot", p, "v1"}).exitCode, 0);
  s.cmocs.edit(1, {.status = cmoc::CmocStatus::Refutes});
  s.add("Proximity", "Faith", "Dissolution");

  auto r = runCli({"theory", "diff", p, "v1", "current", "--format", "csv"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "mechanism,change,cmoc,configuration,field,before,after\n"
            "Conflict,changed,1,Slow pace -> Conflict -> Reduced trust,status,affirms,refutes\n"
            "Faith,added,3,Proximity -> Faith -> Dissolution,,,\"novel; 0 excerpts, 0 sources\"\n");
  r = runCli({"theory", "diff", p, "v1", "current"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.rfind("1 CMOC added, none removed, 1 changed; 0 chains added, none removed\n", 0),
            0u)
      << r.out;
  r = runCli({"theory", "diff", p, "v1", "current", "--format", "md"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.rfind("# How the programme theory changed\n\nFrom 'v1' (", 0), 0u) << r.out;
  EXPECT_NE(r.out.find(") to the current CMOCs: 1 CMOC added"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("## Faith\n"), std::string::npos) << r.out;

  const std::string docx = (s.dir / "diff.docx").string();
  r = runCli({"theory", "diff", p, "v1", "current", "--format", "docx", "--out", docx});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "Wrote the theory diff (1 CMOC added, none removed, 1 changed; 0 chains added, "
            "none removed) to " +
                docx + "\n");
  EXPECT_EQ(cmoc::test::readFile(docx).substr(0, 2), "PK");
}

TEST_F(TheoryCli, DiffRefusals) {
  ASSERT_EQ(runCli({"theory", "snapshot", p, "v1"}).exitCode, 0);
  expectRefused(
      {"theory", "diff", p, "v1", "v1"},
      "cmoc theory: V1 and V2 are the same version ('v1'); name two different versions\n");
  expectRefused({"theory", "diff", p, "v1", "v2"}, "cmoc theory: no theory version 'v2'\n");
  expectRefused({"theory", "diff", p, "v1", "current", "--format", "pdf"},
                "cmoc theory: unknown format 'pdf' (table, csv, json, md, html or docx)\n");
  expectRefused({"theory", "diff", p, "v1", "current", "--format", "docx"},
                "cmoc theory: --format docx needs --out FILE.docx\n");
  expectRefused({"theory", "diff", p, "v1", "current", "--format", "csv", "--out", "x.csv"},
                "cmoc theory: --out is for the md, html and docx reports; csv goes to standard "
                "output\n");
  expectRefused({"theory", "diff", p, "v1", "current", "--format", "html", "--out", p},
                "cmoc theory: cannot write " + p +
                    ": it is the open project itself; choose another file name\n");
  expectRefused({"theory", "diff", p, "v1"},
                "cmoc theory: usage: cmoc theory diff PROJECT.cmoc V1 V2 [--format "
                "table|csv|json|md|html|docx] [--out FILE]\n");
}

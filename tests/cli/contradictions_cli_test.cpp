// `cmoc contradictions` as a user runs it: each format, the "none" line, and each refusal's exact
// message (leaving the project as it was). The sample study's refuting CMOC: DemoCli.
#include <gtest/gtest.h>

#include "expect_refused.h"
#include "theory_study.h"

using cmoc::test::readFile;
using cmoc::test::runCli;

namespace {

class ContradictionsCli : public ::testing::Test {
 protected:
  cmoc::test::TheoryStudy s;
  std::string p = s.file.string();

  void contradict() {
    const auto prior = s.add("Mandated", "Trust", "Collaboration", cmoc::CmocStatus::Affirms,
                             {"a.txt"});
    cmoc::CmocDraft d{.context = "Proximity", .mechanism = "Trust", .outcome = "Dissolution",
                      .status = cmoc::CmocStatus::Refutes, .prior = std::to_string(prior.id)};
    d.evidence.push_back({cmoc::Slot::Context, s.coding.at("Proximity@b.txt")});
    s.cmocs.add(d);
  }

  void expectRefused(const std::vector<std::string>& args, const std::string& err) {
    cmoc::test::expectRefusedUnchanged(s.file, args, err);
  }
};

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_F(ContradictionsCli, NoneIsOneClearLine) {
  s.add("Slow pace", "Conflict", "Reduced trust");
  auto r = runCli({"contradictions", p});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "No contradictions: no CMOC refutes another, and no two CMOCs with the same context "
            "and mechanism differ in outcome.\n");
  r = runCli({"contradictions", p, "--format", "json"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "[]\n");
}

TEST_F(ContradictionsCli, EachFormat) {
  contradict();
  auto r = runCli({"contradictions", p, "--format", "csv"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "mechanism,kind,same context,cmoc,context,outcome,status,evidence,sources,against "
            "cmoc,against context,against outcome,against status,against evidence,against "
            "sources\n"
            "Trust,refutes,no,2,Proximity,Dissolution,refutes,context: \u201Cslow pace\u201D "
            "(b.txt),b.txt,1,Mandated,Collaboration,affirms,context: \u201Cslow pace\u201D "
            "(a.txt),a.txt\n");
  r = runCli({"contradictions", p});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.rfind("1 contradiction under 1 mechanism: 1 refutation, 0 pairs with "
                        "different outcomes\n",
                        0),
            0u)
      << r.out;
  r = runCli({"contradictions", p, "--format", "md"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.rfind("# Where the evidence disagrees\n", 0), 0u) << r.out;
  EXPECT_TRUE(contains(r.out, "## Trust\n\nContexts: Mandated; Proximity. 1 refutation.\n"));
  const std::string html = (s.dir / "c.html").string();
  r = runCli({"contradictions", p, "--format", "html", "--out", html});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Wrote the contradictions (1 contradiction under 1 mechanism: 1 refutation, 0 "
                   "pairs with different outcomes) to " + html + "\n");
  EXPECT_TRUE(contains(readFile(html), "<h2>Trust</h2>"));
  const std::string docx = (s.dir / "c.docx").string();
  ASSERT_EQ(runCli({"contradictions", p, "--format", "docx", "--out", docx}).exitCode, 0);
  EXPECT_EQ(readFile(docx).substr(0, 2), "PK");
}

TEST_F(ContradictionsCli, BadInputSaysWhy) {
  contradict();
  expectRefused({"contradictions", p, "--format", "pdf"},
                "cmoc contradictions: unknown format 'pdf' (table, csv, json, md, html or docx)\n");
  expectRefused({"contradictions", p, "--format", "docx"},
                "cmoc contradictions: --format docx needs --out FILE.docx\n");
  expectRefused({"contradictions", p, "--format", "csv", "--out", "x.csv"},
                "cmoc contradictions: --out is for the md, html and docx reports; csv goes to "
                "standard output\n");
  expectRefused({"contradictions", p, "--out", "x.md"},
                "cmoc contradictions: --out is for the md, html and docx reports; table goes to "
                "standard output\n");
  expectRefused({"contradictions", p, "--format", "md", "--out", p},
                "cmoc contradictions: cannot write " + p +
                    ": it is the open project itself; choose another file name\n");
  expectRefused({"contradictions", p, "extra"},
                "cmoc contradictions: usage: cmoc contradictions PROJECT.cmoc [--format "
                "table|csv|json|md|html|docx] [--out FILE]\n");
  expectRefused({"contradictions", (s.dir / "missing.cmoc").string()},
                "cmoc contradictions: " + (s.dir / "missing.cmoc").string() + ": no such project file\n");
}

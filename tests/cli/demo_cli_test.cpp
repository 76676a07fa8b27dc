// `cmoc demo`: the bundled study builds, its analysis imports, and every export is written.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cmoc/cmocs.h"
#include "cmoc/coding.h"
#include "cmoc/demiregularity.h"
#include "cmoc/project.h"
#include "test_support.h"

using cmoc::test::readFile;
using cmoc::test::runCli;
using ::testing::HasSubstr;

TEST(DemoCli, BuildsTheSampleStudyWithItsAnalysisAndWritesEveryExport) {
  cmoc::test::TempDir dir;
  const std::string project = (dir / "demo.cmoc").string();
  const auto exports = dir / "exports";
  auto r = runCli({"demo", project, exports.string()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("(10 transcripts, 7 papers)"));
  EXPECT_THAT(r.out, HasSubstr("Imported 17, skipped 0, failed 0"));
  EXPECT_THAT(r.out, HasSubstr("paper-01-hartley-2017-trust-alliances.pdf          pdf"));
  // The references after the papers: every paper linked to its study, by each of the three ways.
  EXPECT_THAT(r.out, HasSubstr("== Study library: 7 studies from references.ris\n"
                               "Linked 7 of 7 papers to studies:\n"));
  EXPECT_THAT(r.out, HasSubstr("  paper-03-okonkwo-2019-interoperability.pdf -> okonkwo2019 "
                               "(DOI 10.5555/hisr.2019.0417)\n"));
  EXPECT_THAT(r.out, HasSubstr("  paper-05-lovas-2021-cultural-integration.pdf -> lovas2021 (file name)\n"));
  EXPECT_THAT(r.out, HasSubstr("  paper-07-whitcombe-2023-scale-recruitment.pdf -> whitcombend (title)\n"));
  EXPECT_THAT(r.out, HasSubstr("== Demiregularities (cmoc demi)\n"));
  EXPECT_THAT(r.out, HasSubstr("\n== Programme theory (cmoc theory)\n"
                               "  version 1 'Initial programme theory': 26 CMOCs, 11 chain links\n"
                               "  version 2 'Refined programme theory': 32 CMOCs, 11 chain links\n"
                               "  how it changed: 6 CMOCs added, none removed, none changed; 0 "
                               "chains added, none removed\n"
                               "  where the evidence disagrees: 10 contradictions under 7 "
                               "mechanisms: 1 refutation, 9 pairs with different outcomes\n"));
  EXPECT_THAT(r.out, HasSubstr("FAILS (< 2 sources)"));
  EXPECT_THAT(r.out, HasSubstr("== Exports in " + exports.string() + "\n"));
  for (const char* name :
       {"cmocs.csv", "cmocs.md", "cmocs.html", "cmocs.xlsx", "cmocs.docx", "cmocs-pseudonymised.docx",
        "statements.md", "causal-web.dot", "causal-web.svg", "causal-web.png", "codebook.csv",
        "codings.csv", "agreement-AJ-RB.md", "theory-diff.md", "web-diff.svg",
        "contradictions.md", "contradictions.html", "project.qdpx"}) {
    ASSERT_TRUE(std::filesystem::exists(exports / name)) << name;
    EXPECT_GT(std::filesystem::file_size(exports / name), 100u) << name;
    EXPECT_THAT(r.out, HasSubstr("  " + std::string(name) + "\n"));
  }

  cmoc::Project p = cmoc::Project::open(project);
  const auto codings = cmoc::Coding(p).list();
  std::size_t aj = 0, rb = 0;
  for (const auto& c : codings) (c.coder == "AJ" ? aj : rb) += c.coder == "AJ" || c.coder == "RB";
  EXPECT_GE(aj, 200u);
  EXPECT_GE(rb, 100u);
  cmoc::Cmocs cmocs(p);
  const auto all = cmocs.list();
  EXPECT_GE(all.size(), 20u);
  EXPECT_LE(all.size(), 40u);
  EXPECT_FALSE(cmocs.links().empty());
  EXPECT_FALSE(cmocs.cycles().empty());  // slow pace -> conflict -> reduced trust -> lost faith -> ...
  std::size_t failing = 0, priors = 0;
  const auto demis = cmoc::demiregularities(p);
  for (const auto& d : demis) failing += static_cast<std::size_t>(d.failing);
  for (const auto& c : all) priors += c.priorId.has_value();
  EXPECT_GE(failing, 1u);
  EXPECT_EQ(priors, 6u);  // set after the refining phase's import
  EXPECT_GE(demis.size(), 8u);
  EXPECT_LE(demis.size(), 12u);
  for (const auto& c : all) {
    EXPECT_FALSE(c.context.evidence.empty()) << c.label;
    EXPECT_GE(c.excerptCount(), 2u) << c.label;
  }

  EXPECT_THAT(readFile(exports / "agreement-AJ-RB.md"), HasSubstr("AJ and RB"));
  EXPECT_THAT(readFile(exports / "theory-diff.md"),
              HasSubstr("From 'Initial programme theory' ("));
  EXPECT_THAT(readFile(exports / "web-diff.svg"), HasSubstr("added (only in &#39;Refined programme theory&#39;)"));
  // The sample's refuting CMOC beside the one it refutes, with its attributed quote.
  const std::string contradictions = readFile(exports / "contradictions.md");
  EXPECT_THAT(contradictions, HasSubstr("| refutes | yes |"));
  EXPECT_THAT(contradictions, HasSubstr("| COVID-19 | Reduced trust | refutes |"));
  EXPECT_THAT(contradictions, HasSubstr("| COVID-19 | Collaborative behaviour | affirms |"));
  EXPECT_THAT(readFile(exports / "contradictions.html"), HasSubstr("(19; director; alliance 2)"));
  EXPECT_THAT(readFile(exports / "cmocs.md"), HasSubstr("(19; director; alliance 2)"));
  EXPECT_EQ(readFile(exports / "cmocs.csv").find("Gwen"), std::string::npos)
      << "speaker names never appear in attributions";
}

TEST(DemoCli, DefaultsTheExportFolderToBesideTheProject) {
  cmoc::test::TempDir dir;
  auto r = runCli({"demo", (dir / "demo.cmoc").string()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "demo-exports" / "cmocs.docx"));
}

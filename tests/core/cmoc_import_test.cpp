// importCmocs and the CMOCs CSV: evidence found by span, priors and chains by key, all or nothing.
#include <gtest/gtest.h>

#include "cmoc/cmoc_bulk.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/importers/cmoc_csv.h"
#include "cmoc/project.h"
#include "cmoc_table_fixture.h"
#include "test_support.h"

using namespace cmoc;

namespace {

class CmocImport : public ::testing::Test {
 protected:
  void SetUp() override { test::buildCmocTableStudy(dir / "t.cmoc"); }
  // The fixture's codings as evidence text: "SLOT:SOURCE@START-END".
  std::string evidence(const char* slot, std::int64_t codingId) {
    Project p = Project::open(dir / "t.cmoc");
    const CodingRecord c = Coding(p).get(codingId);
    return std::string(slot) + ":" + c.sourceName + "@" + std::to_string(c.start) + "-" + std::to_string(c.end);
  }
  std::string message(const std::string& csv) {
    Project p = Project::open(dir / "t.cmoc");
    p.setCoder("AJ");
    try {
      importCmocs(p, importers::parseCmocsCsv(csv, "cmocs.csv"), "cmocs.csv");
    } catch (const Error& e) {
      return e.what();
    }
    return "";
  }
  test::TempDir dir;
};

const std::string kHeader = "key,context,mechanism,outcome,status,prior,memo,evidence,feeds\n";

}  // namespace

TEST_F(CmocImport, FindsEvidenceBySpanAndLinksPriorsAndChainsByKey) {
  const std::string csv = kHeader + "a,Slow pace,Conflict,Reduced trust,affirms,,first,\"" + evidence("c", 1) +
                          "; " + evidence("m", 4) + "\",b\n" +
                          "b,Slow pace,Trust,Reduced trust,refines,a,,outcome:" + evidence("o", 3).substr(2) + ",\n";
  Project p = Project::open(dir / "t.cmoc");
  p.setCoder("AJ");
  const CmocImportResult r = importCmocs(p, importers::parseCmocsCsv(csv, "cmocs.csv"), "cmocs.csv");
  EXPECT_EQ(r.cmocs, 2u);
  EXPECT_EQ(r.evidence, 3u);
  EXPECT_EQ(r.links, 1u);
  Cmocs cmocs(p);
  const auto all = cmocs.list();
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[2].label, "a");
  EXPECT_EQ(all[2].context.evidence.at(0).codingId, 1);
  EXPECT_EQ(all[2].mechanism.evidence.at(0).codingId, 4);
  EXPECT_EQ(all[3].priorId, all[2].id);
  EXPECT_EQ(all[3].outcome.evidence.at(0).codingId, 3);
  ASSERT_EQ(cmocs.links().size(), 1u);
  EXPECT_EQ(cmocs.links()[0].from, all[2].id);
}

TEST_F(CmocImport, ABadRowNamesItsLineAndStoresNothing) {
  EXPECT_EQ(message(kHeader + "a,Slow pace,Conflict,Reduced trust,,,,,\nb,Slow pace,Conflict,Reduced trust,,zz,,,\n"),
            "cmocs.csv: line 3: prior 'zz' is not an earlier row's key");
  EXPECT_EQ(message(kHeader + "a,Slow pace,Conflict,Reduced trust,,,,context:a.txt@0-3,\n"),
            "cmocs.csv: line 2: no coding of a.txt spans 0-3");
  EXPECT_EQ(message(kHeader + "a,Slow pace,Conflict,Reduced trust,,,,context:nope.txt@0-3,\n"),
            "cmocs.csv: line 2: no source named 'nope.txt'");
  EXPECT_EQ(message(kHeader + "a,Conflict,Conflict,Reduced trust,,,,,\n"),
            "cmocs.csv: line 2: 'Conflict' is a mechanism code, not a context code (use --force to allow)");
  EXPECT_EQ(message(kHeader + "a,Slow pace,Conflict,Reduced trust,,,,,zz\n"), "cmocs.csv: line 2: feeds unknown key 'zz'");
  EXPECT_EQ(message(kHeader + "a,Slow pace,Conflict,Reduced trust,,,,context:a.txt,\n"),
            "cmocs.csv: line 2: evidence 'context:a.txt' is not SLOT:SOURCE@START-END");
  Project p = Project::open(dir / "t.cmoc");
  EXPECT_EQ(Cmocs(p).list().size(), 2u);  // the fixture's two, nothing more
}

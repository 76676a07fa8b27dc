// Contradictions (cmoc/contradictions.h) on hand-built CMOC sets: same context and mechanism
// with different outcomes, refutations beside their prior, each pair once, what is not a
// contradiction, the evidence and sources of both sides, and the report tables.
#include "cmoc/contradictions.h"

#include <gtest/gtest.h>

#include "theory_study.h"

using namespace cmoc;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST(Contradictions, SameContextAndMechanismWithDifferentOutcomes) {
  test::TheoryStudy s;
  const auto a = s.add("Slow pace", "Conflict", "Reduced trust", CmocStatus::Affirms, {"a.txt"});
  const auto b = s.add("Slow pace", "Conflict", "Collaboration", CmocStatus::Novel, {"b.txt", "c.txt"});
  s.add("Slow pace", "Conflict", "Reduced trust", CmocStatus::Affirms, {"c.txt"});  // agrees with a
  s.add("Slow pace", "Faith", "Dissolution");     // another mechanism
  s.add("Mandated", "Conflict", "Dissolution");  // another context
  const Contradictions c = findContradictions(s.project);
  EXPECT_EQ(c.summary(),
            "2 contradictions under 1 mechanism: 0 refutations, 2 pairs with different outcomes");
  ASSERT_EQ(c.mechanisms.size(), 1u);
  const MechanismContradictions& g = c.mechanisms[0];
  EXPECT_EQ(g.mechanism, "Conflict");
  EXPECT_EQ(g.contexts, std::vector<std::string>{"Slow pace"});
  ASSERT_EQ(g.pairs.size(), 2u);
  const Contradiction& p = g.pairs[0];
  EXPECT_EQ(p.kind, ContradictionKind::DifferentOutcome);
  EXPECT_TRUE(p.sameContext());
  EXPECT_EQ(p.cmoc.cmoc.id, a.id);
  EXPECT_EQ(p.other.cmoc.id, b.id);
  ASSERT_EQ(p.cmoc.quotes.size(), 1u);
  EXPECT_EQ(p.cmoc.quotes[0].slot, Slot::Context);
  EXPECT_EQ(p.cmoc.quotes[0].text, "slow pace");
  EXPECT_EQ(p.cmoc.sources, std::vector<std::string>{"a.txt"});
  EXPECT_EQ(p.other.sources, (std::vector<std::string>{"b.txt", "c.txt"}));
  EXPECT_EQ(g.pairs[1].cmoc.cmoc.id, b.id);  // b against the third, which agrees with a
}

TEST(Contradictions, ARefutingCmocBesideTheOneItRefutes) {
  test::TheoryStudy s;
  const auto prior = s.add("Mandated", "Trust", "Collaboration", CmocStatus::Affirms, {"a.txt"});
  CmocDraft d{.context = "Proximity", .mechanism = "Trust", .outcome = "Dissolution",
              .status = CmocStatus::Refutes, .prior = std::to_string(prior.id)};
  d.evidence.push_back({Slot::Context, s.coding.at("Proximity@b.txt")});
  const auto refuting = s.cmocs.add(d);
  // Refines its prior: no contradiction.
  s.cmocs.add({.context = "Mandated", .mechanism = "Trust", .outcome = "Collaboration",
               .status = CmocStatus::Refines, .prior = std::to_string(prior.id)});
  const Contradictions c = findContradictions(s.project);
  EXPECT_EQ(c.summary(),
            "1 contradiction under 1 mechanism: 1 refutation, 0 pairs with different outcomes");
  ASSERT_EQ(c.mechanisms.size(), 1u);
  EXPECT_EQ(c.mechanisms[0].mechanism, "Trust");
  EXPECT_EQ(c.mechanisms[0].contexts, (std::vector<std::string>{"Mandated", "Proximity"}));
  ASSERT_EQ(c.mechanisms[0].pairs.size(), 1u);
  const Contradiction& p = c.mechanisms[0].pairs[0];
  EXPECT_EQ(p.kind, ContradictionKind::Refutes);
  EXPECT_FALSE(p.sameContext());
  EXPECT_EQ(p.cmoc.cmoc.id, refuting.id);
  EXPECT_EQ(p.other.cmoc.id, prior.id);
  EXPECT_EQ(p.cmoc.sources, std::vector<std::string>{"b.txt"});
  EXPECT_EQ(p.other.sources, std::vector<std::string>{"a.txt"});
}

TEST(Contradictions, ARefutationWithTheSameContextIsListedOnce) {
  test::TheoryStudy s;
  const auto prior = s.add("Proximity", "Trust", "Collaboration", CmocStatus::Affirms);
  s.cmocs.add({.context = "Proximity", .mechanism = "Trust", .outcome = "Reduced trust",
               .status = CmocStatus::Refutes, .prior = std::to_string(prior.id)});
  const Contradictions c = findContradictions(s.project);
  EXPECT_EQ(c.refutations, 1u);
  EXPECT_EQ(c.differentOutcomes, 0u);
  ASSERT_EQ(c.mechanisms.size(), 1u);
  ASSERT_EQ(c.mechanisms[0].pairs.size(), 1u);
  EXPECT_TRUE(c.mechanisms[0].pairs[0].sameContext());
  EXPECT_EQ(c.mechanisms[0].pairs[0].other.cmoc.id, prior.id);
}

TEST(Contradictions, NoneSaysSoPlainly) {
  test::TheoryStudy s;
  s.add("Slow pace", "Conflict", "Reduced trust", CmocStatus::Affirms, {"a.txt"});
  s.add("Slow pace", "Conflict", "Reduced trust", CmocStatus::Novel, {"b.txt"});
  const Contradictions c = findContradictions(s.project);
  EXPECT_TRUE(c.mechanisms.empty());
  EXPECT_EQ(c.summary(), "no contradictions");
  EXPECT_TRUE(contradictionsTable(c).rows.empty());
  EXPECT_EQ(groupedReportMarkdown(contradictionsReport(c)),
            "# Where the evidence disagrees\n\n"
            "CMOCs that share a context and a mechanism but differ in outcome, and each refuting "
            "CMOC beside the CMOC it refutes, with the evidence of both; by mechanism, with the "
            "contexts each mechanism's pairs sit in.\n\n"
            "No contradictions: no CMOC refutes another, and no two CMOCs with the same context "
            "and mechanism differ in outcome.\n");
}

TEST(Contradictions, TablesPutBothSidesInOneRow) {
  test::TheoryStudy s;
  s.add("Slow pace", "Conflict", "Reduced trust", CmocStatus::Affirms, {"a.txt"});
  s.add("Slow pace", "Conflict", "Collaboration", CmocStatus::Novel, {"b.txt"});
  const Contradictions c = findContradictions(s.project);
  const ReportTable t = contradictionsTable(c);
  EXPECT_EQ(t.columns,
            (std::vector<std::string>{"mechanism", "kind", "same context", "cmoc", "context",
                                      "outcome", "status", "evidence", "sources", "against cmoc",
                                      "against context", "against outcome", "against status",
                                      "against evidence", "against sources"}));
  EXPECT_EQ(tableCsv(t).substr(tableCsv(t).find('\n') + 1),
            "Conflict,different outcome,yes,1,Slow pace,Reduced trust,affirms,"
            "context: \u201Cslow pace\u201D (a.txt),a.txt,2,Slow pace,Collaboration,novel,"
            "context: \u201Cslow pace\u201D (b.txt),b.txt\n");
  const std::string md = groupedReportMarkdown(contradictionsReport(c));
  EXPECT_TRUE(contains(md, "In all: 1 contradiction under 1 mechanism: 0 refutations, 1 pair "
                           "with different outcomes.\n\n## Conflict\n\nContexts: Slow pace. 1 pair with "
                           "different outcomes.\n\n| kind | same context |"))
      << md;
}

TEST(Contradictions, FromAHandBuiltListWithoutAProject) {
  Cmoc a, b;
  a.id = 1;
  b.id = 2;
  a.context.codeId = b.context.codeId = 10;
  a.mechanism.codeId = b.mechanism.codeId = 20;
  a.mechanism.codePath = b.mechanism.codePath = "Trust";
  a.outcome.codeId = 30;
  b.outcome.codeId = 31;
  a.context.evidence.push_back({.codingId = 7});  // not in the excerpts: left out
  const Contradictions c = findContradictions({a, b}, {});
  ASSERT_EQ(c.mechanisms.size(), 1u);
  EXPECT_TRUE(c.mechanisms[0].pairs[0].cmoc.quotes.empty());
  EXPECT_EQ(c.differentOutcomes, 1u);
}

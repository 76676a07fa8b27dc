// Theory diffs (cmoc/theory_diff.h) on hand-built versions: what counts as added, removed and
// changed, which fields a change lists, chains, the grouping per mechanism, the report tables;
// and the project-level refusals.
#include "cmoc/theory_diff.h"

#include <gtest/gtest.h>

#include "cmoc/error.h"
#include "cmoc/theory_report.h"
#include "theory_study.h"
#include "theory_versions.h"

using namespace cmoc;
using cmoc::test::cmocOf;
using cmoc::test::expectError;
using cmoc::test::linkOf;

namespace {

TheorySnapshot version(const std::string& name, std::vector<TheoryCmoc> cmocs,
                       std::vector<TheoryLink> links = {}) {
  TheorySnapshot s;
  s.version.id = name == "v1" ? 1 : 2;
  s.version.name = name;
  s.version.createdAt = name == "v1" ? "2026-01-01T00:00:00Z" : "2026-02-01T00:00:00Z";
  s.cmocs = std::move(cmocs);
  s.links = std::move(links);
  return s;
}

}  // namespace

TEST(TheoryDiff, IdenticalVersionsHaveNoChanges) {
  const auto a = version("v1", {cmocOf(1, "Slow pace", "Conflict", "Reduced trust")});
  const auto b = version("v2", {cmocOf(1, "Slow pace", "Conflict", "Reduced trust")});
  const TheoryDiff d = diffTheories(a, b);
  EXPECT_TRUE(d.mechanisms.empty());
  EXPECT_EQ(d.summary(), "no changes");
  EXPECT_TRUE(theoryDiffTable(d).rows.empty());
  EXPECT_EQ(groupedReportMarkdown(theoryDiffReport(d)),
            "# How the programme theory changed\n\n"
            "From 'v1' (2026-01-01T00:00:00Z) to 'v2' (2026-02-01T00:00:00Z): no changes.\n\n"
            "The two versions hold the same CMOCs and chains.\n");
}

TEST(TheoryDiff, AddedRemovedAndChangedAreMatchedByGuid) {
  const auto a = version("v1", {cmocOf(1, "Slow pace", "Conflict", "Reduced trust"),
                                cmocOf(2, "Mandated", "Trust", "Collaboration")});
  // CMOC 2 is gone; a new CMOC took id 2 again (another GUID): an addition, not a change.
  TheoryCmoc reused = cmocOf(2, "Mandated", "Trust", "Collaboration");
  reused.guid = "g2-new";
  const auto b = version("v2", {cmocOf(1, "Slow pace", "Conflict", "Reduced trust"), reused});
  const TheoryDiff d = diffTheories(a, b);
  EXPECT_EQ(d.added, 1);
  EXPECT_EQ(d.removed, 1);
  EXPECT_EQ(d.changed, 0);
  ASSERT_EQ(d.mechanisms.size(), 1u);
  EXPECT_EQ(d.mechanisms[0].mechanism, "Trust");
  ASSERT_EQ(d.mechanisms[0].cmocs.size(), 2u);
  EXPECT_EQ(d.mechanisms[0].cmocs[0].kind, TheoryChangeKind::Added);  // same id: added first
  EXPECT_EQ(d.mechanisms[0].cmocs[1].kind, TheoryChangeKind::Removed);
  EXPECT_EQ(d.summary(), "1 CMOC added, 1 removed, none changed; 0 chains added, none removed");
}

TEST(TheoryDiff, AChangeListsEachChangedFieldWithSupportGainedOrLost) {
  TheoryCmoc before =
      cmocOf(1, "Slow pace", "Conflict", "Reduced trust", CmocStatus::Affirms, 4, 3);
  TheoryCmoc prior = cmocOf(2, "Mandated", "Trust", "Collaboration");
  TheoryCmoc after = cmocOf(1, "Proximity", "Faith", "Dissolution", CmocStatus::Refutes, 2, 3);
  after.priorGuid = "g2";
  after.priorId = 2;
  after.label = "C1";
  const TheoryDiff d = diffTheories(version("v1", {before, prior}), version("v2", {after, prior}));
  EXPECT_EQ(d.changed, 1);
  ASSERT_EQ(d.mechanisms.size(), 1u);
  EXPECT_EQ(d.mechanisms[0].mechanism, "Faith");  // its mechanism in V2
  const auto& fields = d.mechanisms[0].cmocs.at(0).fields;
  std::vector<std::string> got;
  for (const auto& f : fields) got.push_back(f.field + ": " + f.before + " -> " + f.after);
  EXPECT_EQ(
      got, (std::vector<std::string>{
               "status: affirms -> refutes", "prior: none -> CMOC 2",
               "context: Slow pace -> Proximity", "mechanism: Conflict -> Faith",
               "outcome: Reduced trust -> Dissolution", "label:  -> C1", "excerpts: 4 -> 2 (-2)"}));
}

TEST(TheoryDiff, SupportGainedIsSigned) {
  const auto d = diffTheories(
      version("v1", {cmocOf(1, "Slow pace", "Conflict", "Reduced trust", CmocStatus::Novel, 1, 1)}),
      version("v2",
              {cmocOf(1, "Slow pace", "Conflict", "Reduced trust", CmocStatus::Novel, 5, 3)}));
  EXPECT_EQ(tableCsv(theoryDiffTable(d)),
            "mechanism,change,cmoc,configuration,field,before,after\n"
            "Conflict,changed,1,Slow pace -> Conflict -> Reduced trust,excerpts,1,5 (+4)\n"
            "Conflict,changed,1,Slow pace -> Conflict -> Reduced trust,sources,1,3 (+2)\n");
}

TEST(TheoryDiff, ARenamedCodeIsNotAChange) {
  TheoryCmoc renamed = cmocOf(1, "Slow pace", "Conflict", "Reduced trust");
  renamed.context.path = "Slow pace of development";  // same code GUID
  const auto d = diffTheories(version("v1", {cmocOf(1, "Slow pace", "Conflict", "Reduced trust")}),
                              version("v2", {renamed}));
  EXPECT_EQ(d.summary(), "no changes");
}

TEST(TheoryDiff, ChainsAddedAndRemovedGoUnderTheMechanismTheyStartFrom) {
  const std::vector<TheoryCmoc> cmocs = {cmocOf(1, "Slow pace", "Conflict", "Reduced trust"),
                                         cmocOf(2, "Reduced trust", "Trust", "Collaboration"),
                                         cmocOf(3, "Collaboration", "Faith", "Dissolution")};
  const auto d =
      diffTheories(version("v1", cmocs, {linkOf(1, 2)}), version("v2", cmocs, {linkOf(2, 3)}));
  EXPECT_EQ(d.linksAdded, 1);
  EXPECT_EQ(d.linksRemoved, 1);
  EXPECT_EQ(d.summary(), "0 CMOCs added, none removed, none changed; 1 chain added, 1 removed");
  EXPECT_EQ(tableCsv(theoryDiffTable(d)),
            "mechanism,change,cmoc,configuration,field,before,after\n"
            "Conflict,chain removed,1,Slow pace -> Conflict -> Reduced trust,feeds,"
            "CMOC 2 (Reduced trust -> Trust -> Collaboration),\n"
            "Trust,chain added,2,Reduced trust -> Trust -> Collaboration,feeds,,"
            "CMOC 3 (Collaboration -> Faith -> Dissolution)\n");
}

TEST(TheoryDiff, ARemovedCmocTakesItsChainsWithIt) {
  const auto d = diffTheories(version("v1",
                                      {cmocOf(1, "Slow pace", "Conflict", "Reduced trust"),
                                       cmocOf(2, "Reduced trust", "Trust", "Collaboration")},
                                      {linkOf(1, 2)}),
                              version("v2", {cmocOf(1, "Slow pace", "Conflict", "Reduced trust")}));
  EXPECT_EQ(d.removed, 1);
  EXPECT_EQ(d.linksRemoved, 1);
  const ReportTable t = theoryDiffTable(d);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(cellText(t.rows[0][1]), "chain removed");  // under Conflict, before Trust
  EXPECT_EQ(cellText(t.rows[1][1]), "removed");
  EXPECT_EQ(cellText(t.rows[1][5]), "novel; 0 excerpts, 0 sources");
}

TEST(TheoryDiff, MechanismsAreSectionsOfTheReport) {
  const auto d = diffTheories(
      version("v1", {}),
      version("v2", {cmocOf(1, "Slow pace", "Conflict", "Reduced trust", CmocStatus::Affirms, 2, 1),
                     cmocOf(2, "Mandated", "Trust", "Collaboration")}));
  const GroupedReport r = theoryDiffReport(d);
  ASSERT_EQ(r.sections.size(), 2u);
  EXPECT_EQ(r.sections[0].heading, "Conflict");
  EXPECT_EQ(r.sections[1].heading, "Trust");
  const std::string md = groupedReportMarkdown(r);
  EXPECT_NE(md.find("## Conflict\n\n| change | cmoc | configuration | field | before | after |\n"
                    "| --- | --- | --- | --- | --- | --- |\n"
                    "| added | 1 | Slow pace -&gt; Conflict -&gt; Reduced trust |  |  | "
                    "affirms; 2 excerpts, 1 source |\n"),
            std::string::npos)
      << md;
  const std::string html = groupedReportHtml(r);
  EXPECT_NE(html.find("<h2>Trust</h2>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"n\">2</td>"), std::string::npos);
}

TEST(TheoryDiff, AgainstTheLiveSetAndItsRefusals) {
  test::TheoryStudy s;
  Theory theory(s.project);
  const Cmoc a = s.add("Slow pace", "Conflict", "Reduced trust", CmocStatus::Affirms, {"a.txt"});
  theory.snapshot("v1");
  s.cmocs.edit(a.id, {.status = CmocStatus::Refutes});
  s.cmocs.addEvidence(a.id, Slot::Context, s.coding.at("Slow pace@b.txt"));
  const Cmoc b = s.add("Mandated", "Trust", "Collaboration");
  s.cmocs.link(a.id, b.id);

  const TheoryDiff d = diffTheories(s.project, "v1", "current");
  EXPECT_EQ(d.summary(), "1 CMOC added, none removed, 1 changed; 1 chain added, none removed");
  theory.snapshot("v2");
  EXPECT_EQ(diffTheories(s.project, "v2", "current").summary(), "no changes");
  EXPECT_EQ(diffTheories(s.project, "1", "v2").summary(), d.summary());

  expectError<UsageError>([&] { diffTheories(s.project, "v1", "v1"); },
                          "V1 and V2 are the same version ('v1'); name two different versions");
  expectError<UsageError>([&] { diffTheories(s.project, "v1", "1"); },
                          "V1 and V2 are the same version ('v1'); name two different versions");
  expectError<UsageError>(
      [&] { diffTheories(s.project, "current", "current"); },
      "V1 and V2 are the same version ('current'); name two different versions");
  expectError<NotFound>([&] { diffTheories(s.project, "v1", "v9"); }, "no theory version 'v9'");
}

// Programme-theory versions (cmoc/theory.h): a snapshot freezes the CMOC set, stays as it was
// whatever happens to the CMOCs later, cannot be changed behind the store's back, and goes away
// only by undo.
#include "cmoc/theory.h"

#include <gtest/gtest.h>

#include "cmoc/error.h"
#include "cmoc/names.h"
#include "cmoc/theory_report.h"
#include "sql_peek.h"
#include "theory_study.h"

using namespace cmoc;
using cmoc::test::expectError;

namespace {

struct Versions : testing::Test {
  test::TheoryStudy s;
  Theory theory{s.project};
};

}  // namespace

TEST_F(Versions, SnapshotFreezesCodesStatusPriorSupportAndChains) {
  const Cmoc a =
      s.add("Slow pace", "Conflict", "Reduced trust", CmocStatus::Affirms, {"a.txt", "b.txt"});
  const Cmoc b = s.add("Mandated", "Trust", "Collaboration", CmocStatus::Refines, {"c.txt"});
  s.cmocs.edit(b.id, {.prior = std::to_string(a.id)});
  s.cmocs.link(a.id, b.id);

  const TheoryVersion v = theory.snapshot("Initial programme theory", "gleaning");
  EXPECT_EQ(v.id, 1);
  EXPECT_EQ(v.name, "Initial programme theory");
  EXPECT_EQ(v.memo, "gleaning");
  EXPECT_EQ(v.coder, "ana");
  EXPECT_EQ(v.cmocCount, 2);
  EXPECT_EQ(v.linkCount, 1);
  EXPECT_EQ(v.guid.size(), 36u);
  EXPECT_FALSE(v.createdAt.empty());

  const TheorySnapshot snap = theory.load("Initial programme theory");
  ASSERT_EQ(snap.cmocs.size(), 2u);
  const TheoryCmoc& first = snap.cmocs[0];
  EXPECT_EQ(first.cmocId, a.id);
  EXPECT_EQ(first.guid, a.guid);
  EXPECT_EQ(first.configuration(), "Slow pace -> Conflict -> Reduced trust");
  EXPECT_EQ(first.context.guid, Codebook(s.project).find("Slow pace").guid);
  EXPECT_EQ(first.status, CmocStatus::Affirms);
  EXPECT_EQ(first.excerpts, 2);
  EXPECT_EQ(first.sources, 2);
  EXPECT_EQ(snap.cmocs[1].priorId, a.id);
  EXPECT_EQ(snap.cmocs[1].priorGuid, a.guid);
  ASSERT_EQ(snap.links.size(), 1u);
  EXPECT_EQ(snap.links[0].from, a.id);
  EXPECT_EQ(snap.links[0].to, b.id);
}

TEST_F(Versions, AVersionStaysAsItWasWhenTheCmocsChange) {
  const Cmoc a = s.add("Slow pace", "Conflict", "Reduced trust", CmocStatus::Affirms, {"a.txt"});
  theory.snapshot("v1");
  s.cmocs.edit(a.id, {.outcome = "Dissolution", .status = CmocStatus::Refutes});
  Codebook(s.project).edit("Slow pace", {.name = "Slow pace of development"});
  s.add("Proximity", "Faith", "Collaboration");

  const TheorySnapshot v1 = theory.load("v1");
  ASSERT_EQ(v1.cmocs.size(), 1u);
  EXPECT_EQ(v1.cmocs[0].configuration(), "Slow pace -> Conflict -> Reduced trust");
  EXPECT_EQ(v1.cmocs[0].status, CmocStatus::Affirms);
  s.cmocs.remove(a.id);
  EXPECT_EQ(theory.load("v1").cmocs.size(), 1u);

  const TheorySnapshot live = theory.load("current");
  ASSERT_EQ(live.cmocs.size(), 1u);
  EXPECT_EQ(live.cmocs[0].configuration(), "Proximity -> Faith -> Collaboration");
  EXPECT_EQ(live.version.id, 0);
}

TEST_F(Versions, ListAndResolveByNameOrId) {
  theory.snapshot("Initial programme theory");
  s.add("Slow pace", "Conflict", "Reduced trust");
  theory.snapshot("Refined theory");
  const auto all = theory.versions();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "Initial programme theory");
  EXPECT_EQ(all[0].cmocCount, 0);
  EXPECT_EQ(all[1].name, "Refined theory");
  EXPECT_EQ(all[1].cmocCount, 1);
  EXPECT_EQ(theory.resolve("2").name, "Refined theory");
  EXPECT_EQ(theory.resolve("Refined theory").id, 2);
}

TEST_F(Versions, ANameThatIsAnotherVersionsIdIsTakenAsTheName) {
  theory.snapshot("first");
  theory.snapshot("1");
  EXPECT_EQ(theory.resolve("1").name, "1");
  EXPECT_EQ(theory.resolve("2").name, "1");
}

TEST_F(Versions, BadNamesAndUnknownVersionsSayWhy) {
  theory.snapshot("v1");
  expectError<UsageError>([&] { theory.snapshot(""); }, "a theory version needs a name");
  expectError<UsageError>([&] { theory.snapshot("  \t"); }, "a theory version needs a name");
  expectError<UsageError>([&] { theory.snapshot("v1"); },
                          "there is already a theory version named 'v1'");
  expectError<UsageError>([&] { theory.snapshot("current"); },
                          "'current' stands for the live CMOC set; give the version another name");
  expectError<UsageError>(
      [&] { theory.snapshot(std::string(kMaxNameLength + 1, 'x')); },
      "a theory version name can be at most 1000 characters; this one has 1001");
  EXPECT_EQ(theory.snapshot(std::string(kMaxNameLength, 'x')).id, 2);
  expectError<NotFound>([&] { theory.resolve("v9"); }, "no theory version 'v9'");
  expectError<NotFound>([&] { theory.load("3"); }, "no theory version '3'");
  expectError<NotFound>([&] { theory.load("0"); }, "no theory version '0'");
  EXPECT_EQ(theory.versions().size(), 2u);
}

TEST_F(Versions, UndoRemovesTheSnapshotAndRedoBringsItBack) {
  const Cmoc a = s.add("Slow pace", "Conflict", "Reduced trust");
  const Cmoc b = s.add("Mandated", "Trust", "Collaboration");
  s.cmocs.link(a.id, b.id);
  theory.snapshot("v1");
  EXPECT_EQ(s.project.undo(), "snapshot theory 'v1'");
  EXPECT_TRUE(theory.versions().empty());
  EXPECT_EQ(test::sqlValue(s.file, "SELECT count(*) FROM theory_cmocs"), "0");
  EXPECT_EQ(test::sqlValue(s.file, "SELECT count(*) FROM theory_links"), "0");
  EXPECT_EQ(test::sqlValue(s.file, "SELECT count(*) FROM history_replay"), "0");
  EXPECT_EQ(s.project.redo(), "snapshot theory 'v1'");
  const TheorySnapshot v1 = theory.load("v1");
  EXPECT_EQ(v1.cmocs.size(), 2u);
  EXPECT_EQ(v1.links.size(), 1u);
  EXPECT_EQ(test::sqlValue(s.file, "SELECT count(*) FROM history_replay"), "0");
}

TEST_F(Versions, TheFileRefusesChangesToAVersion) {
  const Cmoc a = s.add("Slow pace", "Conflict", "Reduced trust");
  const Cmoc b = s.add("Mandated", "Trust", "Collaboration");
  s.cmocs.link(a.id, b.id);
  theory.snapshot("v1");
  const std::string before = test::sqlDump(s.file);
  const std::string immutable = "theory versions are immutable";
  const std::string kept = "theory versions are immutable (undo the snapshot to remove one)";
  EXPECT_EQ(test::sqlRefusal(s.file, "UPDATE theory_versions SET name = 'x'"), immutable);
  EXPECT_EQ(test::sqlRefusal(s.file, "UPDATE theory_cmocs SET status = 'refutes'"), immutable);
  EXPECT_EQ(test::sqlRefusal(s.file, "UPDATE theory_links SET to_guid = 'x'"), immutable);
  EXPECT_EQ(test::sqlRefusal(s.file, "DELETE FROM theory_versions"), kept);
  EXPECT_EQ(test::sqlRefusal(s.file, "DELETE FROM theory_cmocs"), kept);
  EXPECT_EQ(test::sqlRefusal(s.file, "DELETE FROM theory_links"), kept);
  EXPECT_EQ(test::sqlRefusal(s.file,
                             "INSERT INTO theory_cmocs SELECT id, 'g', 9, '', "
                             "'maybe', '', '', '', '', '', '', '', 0, 0 FROM theory_versions"),
            "CHECK constraint failed: status IN ('affirms', 'refines', 'refutes', 'novel')");
  EXPECT_EQ(test::sqlDump(s.file), before);
}

TEST_F(Versions, SnapshotTableListsEachCmocWithWhatItFeeds) {
  const Cmoc a = s.add("Slow pace", "Conflict", "Reduced trust", CmocStatus::Affirms, {"a.txt"});
  const Cmoc b = s.add("Mandated", "Trust", "Collaboration");
  const Cmoc c = s.add("Proximity", "Faith", "Dissolution");
  s.cmocs.link(a.id, b.id);
  s.cmocs.link(a.id, c.id);
  const ReportTable t = theorySnapshotTable(theory.load("current"));
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(tableCsv(t),
            "id,context,mechanism,outcome,status,prior,excerpts,sources,label,feeds\n"
            "1,Slow pace,Conflict,Reduced trust,affirms,,1,1,,\"2, 3\"\n"
            "2,Mandated,Trust,Collaboration,novel,,0,0,,\n"
            "3,Proximity,Faith,Dissolution,novel,,0,0,,\n");
}

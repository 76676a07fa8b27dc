// mergeProject(): a second coder's copy of a study coming back. The copy starts as the same
// file (same GUIDs); each side then works on its own.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cmoc/cmocs.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/merge.h"
#include "cmoc/project.h"
#include "sql_peek.h"
#include "test_support.h"

using namespace cmoc;
namespace fs = std::filesystem;

namespace {

std::int64_t count(const fs::path& file, const std::string& sql) {
  return std::stoll(test::sqlValue(file, sql));
}

struct TwoCopies {
  test::TempDir dir;
  fs::path mine = dir / "ana.cmoc", theirs = dir / "ben.cmoc";

  TwoCopies() {
    {
      Project p = Project::create(mine);
      p.addTranscript({"i1.txt", "text", "I: How was it?\nR: We trusted them from the start.\n",
                       {{"I", 3, 14, {}, {}}, {"R", 18, 49, {}, {}}}});
      p.setCoder("ana");
      Codebook(p).add({.name = "Contexts", .kind = CodeKind::Context});
      Codebook(p).add({.name = "History", .parent = "Contexts", .kind = CodeKind::Context});
      Codebook(p).add({.name = "Trust", .kind = CodeKind::Mechanism});
      Codebook(p).add({.name = "Collaboration", .kind = CodeKind::Outcome});
      Coding(p).apply("i1.txt", "Trust", 21, 28);
    }
    fs::copy_file(mine, theirs);
  }
};

}  // namespace

TEST(Merge, AddsWhatTheOtherCopyHasByGuidAndNothingTwice) {
  TwoCopies c;
  {
    Project b = Project::open(c.theirs);
    b.setCoder("ben");
    Codebook(b).add({.name = "Initial trust", .parent = "Trust", .kind = CodeKind::Mechanism});
    const auto h = Coding(b).apply("i1.txt", "History", 19, 49);
    const auto t = Coding(b).apply("i1.txt", "Initial trust", 22, 29);
    const auto o = Coding(b).apply("i1.txt", "Collaboration", 30, 49);
    Cmoc m = Cmocs(b).add({.context = "History", .mechanism = "Initial trust", .outcome = "Collaboration",
                           .evidence = {{Slot::Context, h.id}, {Slot::Mechanism, t.id}, {Slot::Outcome, o.id}}});
    Cmoc n = Cmocs(b).add({.context = "History", .mechanism = "Trust", .outcome = "Collaboration",
                           .prior = m.guid});
    Cmocs(b).link(m.id, n.id);
    b.addTranscript({"i2.txt", "text", "R: Mandated, so we had to.\n", {{"R", 3, 26, {}, {}}}});
    Coding(b).apply("i2.txt", "History", 3, 11);
  }
  const std::string before = test::readFile(c.theirs);
  Project a = Project::open(c.mine);
  a.setCoder("ana");
  const MergeReport r = mergeProject(a, c.theirs);
  EXPECT_EQ(r.added.at("coders"), 1);  // ben
  EXPECT_EQ(r.added.at("codes"), 1);
  EXPECT_EQ(r.added.at("sources"), 1);
  EXPECT_EQ(r.added.at("codings"), 4);
  EXPECT_EQ(r.added.at("CMOCs"), 2);
  EXPECT_EQ(r.added.at("CMOC evidence"), 3);
  EXPECT_EQ(r.added.at("CMOC chains"), 1);
  EXPECT_EQ(r.present.at("codes"), 4);
  EXPECT_EQ(r.present.at("codings"), 1);  // ana's, in both copies
  EXPECT_TRUE(r.conflicts.empty());
  EXPECT_EQ(Coding(a).list({.coders = {"ben"}}).size(), 4u);
  const auto cmocs = Cmocs(a).list();
  ASSERT_EQ(cmocs.size(), 2u);
  EXPECT_EQ(cmocs[0].mechanism.codePath, "Trust/Initial trust");
  EXPECT_EQ(cmocs[0].excerptCount(), 3u);
  EXPECT_EQ(cmocs[1].priorId, cmocs[0].id);
  EXPECT_EQ(Cmocs(a).links().size(), 1u);
  EXPECT_EQ(a.turns(a.source("i2.txt").id).size(), 1u);
  EXPECT_EQ(a.search("mandated").size(), 1u);  // the added source is indexed
  EXPECT_EQ(test::readFile(c.theirs), before);  // read-only

  const MergeReport again = mergeProject(a, c.theirs);
  EXPECT_EQ(again.totalAdded(), 0);
  EXPECT_TRUE(again.conflicts.empty());
  EXPECT_EQ(count(c.mine, "SELECT count(*) FROM codings"), 5);
}

TEST(Merge, ParticipantsCasesAttributesAndMemosComeAlong) {
  TwoCopies c;
  const ParticipantSheet sheet{"people.csv",
                               {{"", "19", "R", false,
                                 {{"role", "director"}, {"case", "alliance 2"}, {"case_type", "alliance"}}, 2}}};
  {
    Project b = Project::open(c.theirs);
    b.setCoder("ben");
    b.addTranscript({"i2.txt", "text", "I: And then?\nR: Mandated.\n", {{"I", 3, 12, {}, {}}, {"R", 16, 25, {}, {}}}},
                    &sheet);
  }
  test::sqlExec(c.theirs, "INSERT INTO memos(guid, target_kind, target_guid, title, text, created_at, modified_at) "
                 "SELECT 'memo-1', 'code', guid, 'Why trust', 'Ben thinks trust comes first.', 'now', 'now' "
                 "FROM codes WHERE name = 'Trust'");
  test::sqlExec(c.theirs, "INSERT INTO entity_sets(guid, name, created_at) VALUES ('set-1', 'Key codes', 'now'); "
                 "INSERT INTO entity_set_members(set_id, member_kind, member_guid) SELECT s.id, 'code', "
                 "k.guid FROM entity_sets s, codes k WHERE k.name = 'Trust'; "
                 "INSERT INTO entity_links(guid, name, origin_guid, target_guid, created_at) SELECT "
                 "'link-1', 'supports', a.guid, b.guid, 'now' FROM codes a, codes b "
                 "WHERE a.name = 'History' AND b.name = 'Trust'");
  Project a = Project::open(c.mine);
  const MergeReport r = mergeProject(a, c.theirs);
  EXPECT_EQ(r.added.at("cases"), 1);
  EXPECT_EQ(r.added.at("participants"), 1);
  EXPECT_EQ(r.added.at("sources"), 1);
  EXPECT_EQ(r.added.at("memos"), 1);
  EXPECT_EQ(r.added.at("sets"), 1);
  EXPECT_EQ(r.added.at("links"), 1);
  EXPECT_EQ(count(c.mine, "SELECT count(*) FROM entity_set_members"), 1);
  const auto turns = a.turns(a.source("i2.txt").id);
  ASSERT_EQ(turns.size(), 2u);
  EXPECT_EQ(turns[1].participant, "19");
  EXPECT_EQ(count(c.mine, "SELECT count(*) FROM participant_attributes WHERE value = 'director'"), 1);
  EXPECT_EQ(count(c.mine, "SELECT count(*) FROM participants p JOIN cases k ON k.id = p.case_id "
                          "WHERE k.name = 'alliance 2' AND k.case_type = 'alliance'"), 1);
  EXPECT_EQ(count(c.mine, "SELECT count(*) FROM memos m JOIN codes k ON k.guid = m.target_guid "
                          "WHERE k.name = 'Trust'"), 1);
  EXPECT_EQ(mergeProject(a, c.theirs).totalAdded(), 0);
}

TEST(Merge, SameGuidWithOtherContentIsAConflictAndTheLocalVersionStays) {
  TwoCopies c;
  {
    Project b = Project::open(c.theirs);
    b.setCoder("ben");
    Codebook(b).edit("Trust", {.definition = std::string("Ben's wording"), .color = std::string("#FF0000")});
  }
  Project a = Project::open(c.mine);
  Codebook(a).edit("Trust", {.definition = std::string("Ana's wording")});
  const MergeReport r = mergeProject(a, c.theirs);
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].kind, "code");
  EXPECT_EQ(r.conflicts[0].name, "Trust");
  EXPECT_EQ(r.conflicts[0].guid, Codebook(a).find("Trust").guid);
  EXPECT_EQ(r.conflicts[0].fields, (std::vector<std::string>{"definition", "color"}));
  EXPECT_EQ(r.conflicted.at("codes"), 1);
  EXPECT_EQ(Codebook(a).find("Trust").definition, "Ana's wording");
  EXPECT_EQ(r.totalAdded(), 0);  // ben only edited a code, which makes him no coders row
}

TEST(Merge, ACodeWithTheSamePathUnderAnotherGuidIsTheSameCode) {
  TwoCopies c;
  {
    Project b = Project::open(c.theirs);
    b.setCoder("ben");
    Codebook(b).add({.name = "Quick wins", .parent = "Contexts", .kind = CodeKind::Context});
    Coding(b).apply("i1.txt", "Quick wins", 19, 30);
  }
  Project a = Project::open(c.mine);
  Codebook(a).add({.name = "Quick wins", .parent = "Contexts", .kind = CodeKind::Context});
  const MergeReport r = mergeProject(a, c.theirs);
  EXPECT_EQ(r.added.at("codes"), 0);
  EXPECT_EQ(r.present.at("codes"), 5);
  EXPECT_EQ(r.added.at("codings"), 1);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0], "1 code has another GUID in the other project but the same name under "
                       "the same parent; taken as the same code: 'Quick wins'");
  EXPECT_EQ(Coding(a).list({.codes = {"Contexts/Quick wins"}}).size(), 1u);
}

TEST(Merge, TwoProjectsMadeSeparatelyFromTheSameFilesMeetByTextNameAndPath) {
  test::TempDir dir;
  auto make = [&](const std::string& file, const std::string& coder) {
    Project p = Project::create(dir / file);
    p.addTranscript({"i1.txt", "text", "R: We trusted them.\n", {{"R", 3, 19, {}, {}}}});
    p.setCoder(coder);
    Codebook(p).add({.name = "Mechanisms"});
    Codebook(p).add({.name = "Trust", .parent = "Mechanisms"});
    Coding(p).apply("i1.txt", "Trust", 6, 13);
  };
  make("ana.cmoc", "ana");
  make("ben.cmoc", "ben");
  Project a = Project::open(dir / "ana.cmoc");
  const MergeReport r = mergeProject(a, dir / "ben.cmoc");
  EXPECT_EQ(r.added.at("sources"), 0);
  EXPECT_EQ(r.added.at("codes"), 0);
  EXPECT_EQ(r.added.at("codings"), 1);
  EXPECT_EQ(r.present.at("sources"), 1);
  EXPECT_EQ(r.notes, (std::vector<std::string>{
                         "2 codes have another GUID in the other project but the same name under "
                         "the same parent; taken as the same codes: 'Mechanisms', 'Trust'",
                         "1 source has another GUID in the other project but the same text; taken "
                         "as the same source: 'i1.txt'"}));
  EXPECT_EQ(Coding(a).list({.codes = {"Mechanisms/Trust"}}).size(), 2u);
}

TEST(Merge, UndoTakesTheWholeMergeBackAndItIsAudited) {
  TwoCopies c;
  {
    Project b = Project::open(c.theirs);
    b.setCoder("ben");
    Coding(b).apply("i1.txt", "History", 19, 49);
    b.addTranscript({"i2.txt", "text", "R: Mandated.\n", {{"R", 3, 12, {}, {}}}});
  }
  Project a = Project::open(c.mine);
  a.setCoder("ana");
  mergeProject(a, c.theirs);
  EXPECT_EQ(a.auditLog(1).at(0).action, "merge");
  EXPECT_NE(a.auditLog(1).at(0).detail.find("\"codings\":1"), std::string::npos);
  EXPECT_EQ(a.undo().value_or(""), "merge ben.cmoc");
  EXPECT_EQ(a.sources().size(), 1u);
  EXPECT_EQ(count(c.mine, "SELECT count(*) FROM codings"), 1);
  EXPECT_EQ(count(c.mine, "SELECT count(*) FROM coders WHERE name = 'ben'"), 0);
  EXPECT_TRUE(a.search("mandated").empty());
  a.redo();
  EXPECT_EQ(a.sources().size(), 2u);
  EXPECT_EQ(a.search("mandated").size(), 1u);
}

TEST(Merge, ASourceWhoseTextDiffersKeepsItsTextAndTheirCodingsStayOut) {
  TwoCopies c;
  test::sqlExec(c.theirs, "UPDATE source_text SET text = 'Different text entirely, fifty characters or so.'");
  {
    Project b = Project::open(c.theirs);
    b.setCoder("ben");
    Coding(b).apply("i1.txt", "History", 0, 9);
  }
  Project a = Project::open(c.mine);
  const MergeReport r = mergeProject(a, c.theirs);
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].kind, "source");
  EXPECT_EQ(r.conflicts[0].fields, std::vector<std::string>{"text"});
  EXPECT_EQ(r.added.at("codings"), 0);
  EXPECT_EQ(r.notes.at(0), "1 coding(s) of source 'i1.txt' left out: its text differs in this project");
}

TEST(Merge, RefusesBadInputWithClearMessages) {
  TwoCopies c;
  Project a = Project::open(c.mine);
  const std::size_t steps = a.history().size();
  auto message = [&](const fs::path& other) {
    try {
      mergeProject(a, other);
    } catch (const ProjectError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message(c.dir / "none.cmoc"), (c.dir / "none.cmoc").string() + ": no such project file");
  test::writeFile(c.dir / "notes.txt", "just some notes, not a database at all\n");
  EXPECT_EQ(message(c.dir / "notes.txt"),
            (c.dir / "notes.txt").string() + ": not a CMOC Workbench project");
  test::sqlExec(c.theirs, "PRAGMA user_version = 99");
  EXPECT_EQ(message(c.theirs), c.theirs.string() + ": made by a newer CMOC Workbench (schema 99, "
                               "this version reads up to " +
                               std::to_string(Project::schemaVersion()) + "); left untouched");
  test::sqlExec(c.theirs, "PRAGMA user_version = 2");
  EXPECT_EQ(message(c.theirs), c.theirs.string() + ": made by an older CMOC Workbench (schema 2); "
                               "open it once with this version (e.g. cmoc sources) to upgrade it, "
                               "then merge");
  EXPECT_EQ(message(c.mine), "cannot merge " + c.mine.string() + " into " + c.mine.string() +
                                 ": they are the same project file");
  fs::create_symlink(c.mine, c.dir / "link.cmoc");
  EXPECT_EQ(message(c.dir / "link.cmoc"), "cannot merge " + (c.dir / "link.cmoc").string() +
                                              " into " + c.mine.string() +
                                              ": they are the same project file");
  EXPECT_EQ(a.history().size(), steps);  // nothing was attempted
}

// SQLite enforces foreign keys on write, so only a damaged file points nowhere; the merge then
// names what is missing and changes nothing.
TEST(Merge, AnOtherProjectWhoseCodingNamesAMissingCodeIsRefusedByName) {
  TwoCopies c;
  test::sqlExec(c.theirs, "UPDATE codings SET code_id = 9999, guid = upper(hex(randomblob(16)))");
  Project a = Project::open(c.mine);
  const std::size_t steps = a.history().size();
  const std::string before = test::sqlValue(c.mine, "SELECT count(*) FROM codings");
  try {
    mergeProject(a, c.theirs);
    ADD_FAILURE() << "merged a project with a dangling code";
  } catch (const ProjectError& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot merge: the other project refers to a missing code (id 9999)");
  }
  EXPECT_EQ(a.history().size(), steps);
  EXPECT_EQ(test::sqlValue(c.mine, "SELECT count(*) FROM codings"), before);
}

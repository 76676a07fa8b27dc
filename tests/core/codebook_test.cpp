// Codebook: editing, moving, merging and deleting codes, CSV rows in and out, and undo of each.
#include "cmoc/codebook.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "test_support.h"
#include "transcript_builder.h"

using namespace cmoc;

namespace {

// What a UsageError/NotFound says, or how the call failed to throw one.
template <class E, class F>
std::string messageOf(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("other error: ") + e.what();
  }
  return "no error";
}

// A second connection to the project file, for what the API does not offer yet (CMOC rows)
// and for comparing every stored row before and after undo.
class Raw {
 public:
  explicit Raw(const std::filesystem::path& file) {
    sqlite3_open(file.c_str(), &db_);
    sqlite3_busy_timeout(db_, 5000);
  }
  ~Raw() { sqlite3_close(db_); }
  std::int64_t value(const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db_);
    const int rc = sqlite3_step(st);
    EXPECT_TRUE(rc == SQLITE_ROW || rc == SQLITE_DONE) << sqlite3_errmsg(db_);
    const std::int64_t v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return v;
  }
  // Every row of the tables a codebook change touches, as text.
  std::string dump() {
    std::string out;
    for (const char* table : {"codes", "codings", "cmocs", "cmoc_evidence", "memos"}) {
      sqlite3_stmt* st = nullptr;
      sqlite3_prepare_v2(db_, (std::string("SELECT * FROM ") + table + " ORDER BY 1, 2, 3").c_str(),
                         -1, &st, nullptr);
      out += std::string("== ") + table + "\n";
      while (sqlite3_step(st) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(st); ++c) {
          const unsigned char* t = sqlite3_column_text(st, c);
          out += (c ? "|" : "") + std::string(t ? reinterpret_cast<const char*>(t) : "NULL");
        }
        out += "\n";
      }
      sqlite3_finalize(st);
    }
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

struct Fixture {
  test::TempDir dir;
  Project project = Project::create(dir / "s.cmoc");
  Codebook book{project};
  Coding coding{project};
  Raw raw{dir / "s.cmoc"};
  Fixture() {
    project.setCoder("ana");
    for (const char* name : {"a.txt", "b.txt"}) {
      // b.txt's text goes on after its last turn: the two sources differ, their turns do not.
      project.addTranscript(
          test::TranscriptBuilder(name)
              .between("\n")
              .ending(name[0] == 'b' ? " Really." : "")
              .turns({{"Interviewer", "Why?"}, {"R", "Because trust grew after quick wins."}})
              .build());
    }
    book.add({.name = "Contexts", .kind = CodeKind::Context});
    book.add({.name = "Quick wins", .parent = "Contexts", .kind = CodeKind::Context});
    book.add({.name = "Mechanisms", .kind = CodeKind::Mechanism});
    book.add({.name = "Trust", .parent = "Mechanisms", .kind = CodeKind::Mechanism});
    book.add({.name = "Initial trust", .parent = "Trust", .kind = CodeKind::Mechanism});
    book.add({.name = "Faith", .parent = "Mechanisms", .kind = CodeKind::Mechanism});
    book.add({.name = "Outcomes", .kind = CodeKind::Outcome});
    book.add({.name = "Increased trust", .parent = "Outcomes", .kind = CodeKind::Outcome});
  }
  std::int64_t id(const std::string& code) { return book.find(code).id; }
  std::int64_t addCmoc(const std::string& c, const std::string& m, const std::string& o) {
    // Setting the coder writes nothing, so ana is added here as her first CMOC would add her.
    raw.value(
        "INSERT INTO coders(guid, name, created_at) VALUES (hex(randomblob(16)), 'ana', "
        "'2026-09-01T00:00:00Z') ON CONFLICT(name) DO NOTHING");
    return raw.value(
        "INSERT INTO cmocs(guid, context_code_id, mechanism_code_id, outcome_code_id, "
        "coder_id, created_at, modified_at) VALUES (hex(randomblob(16)), " +
        std::to_string(id(c)) + ", " + std::to_string(id(m)) + ", " + std::to_string(id(o)) +
        ", (SELECT id FROM coders WHERE name = 'ana'), '2026-09-01T00:00:00Z', "
        "'2026-09-01T00:00:00Z') RETURNING id");
  }
  std::vector<std::string> paths() {
    std::vector<std::string> out;
    for (const Code& c : book.list()) out.push_back(c.path);
    return out;
  }
  std::int64_t codingsOf(const std::string& code) {
    for (const Code& c : book.list())
      if (c.path == code) return c.codings;
    return -1;
  }
};

using Paths = std::vector<std::string>;

}  // namespace

// edit ----------------------------------------------------------------------------------------

TEST(Codebook, EditChangesOnlyTheGivenFieldsAndStampsModifiedAt) {
  Fixture f;
  f.raw.value("UPDATE codes SET modified_at = '2020-01-01T00:00:00Z'");
  const Code before = f.book.find("Faith");
  const Code c = f.book.edit("Faith", {.definition = "Belief the work is worthwhile.",
                                       .color = "#1f77B4",
                                       .origin = CodeOrigin::Inductive});
  EXPECT_EQ(c.name, "Faith");
  EXPECT_EQ(c.definition, "Belief the work is worthwhile.");
  EXPECT_EQ(c.color, "#1f77B4");
  EXPECT_EQ(c.origin, CodeOrigin::Inductive);
  EXPECT_EQ(c.kind, CodeKind::Mechanism);
  EXPECT_EQ(c.createdAt, before.createdAt);
  EXPECT_NE(c.modifiedAt, "2020-01-01T00:00:00Z");
  EXPECT_EQ(f.project.auditLog()[0].action, "edit-code");
}

TEST(Codebook, EditRenamesAndChangesKind) {
  Fixture f;
  const Code c =
      f.book.edit("Mechanisms/Faith", {.name = "Faith in the alliance", .kind = CodeKind::Other});
  EXPECT_EQ(c.path, "Mechanisms/Faith in the alliance");
  EXPECT_EQ(c.kind, CodeKind::Other);
  EXPECT_FALSE(f.book.tryFind("Faith"));
}

TEST(Codebook, EditWithNothingNewRecordsNoHistory) {
  Fixture f;
  const auto before = f.project.history().size();
  f.book.edit("Faith", {.name = "Faith", .kind = CodeKind::Mechanism});
  EXPECT_EQ(f.project.history().size(), before);
}

TEST(Codebook, EditRefusesASiblingsNameButNotACousins) {
  Fixture f;
  EXPECT_EQ(messageOf<UsageError>([&] { f.book.edit("Faith", {.name = "Trust"}); }),
            "a code named 'Trust' already exists under 'Mechanisms'");
  EXPECT_EQ(messageOf<UsageError>([&] { f.book.edit("Outcomes", {.name = "Contexts"}); }),
            "a code named 'Contexts' already exists at the top level");
  EXPECT_EQ(f.book.edit("Increased trust", {.name = "Faith"}).path, "Outcomes/Faith");
}

TEST(Codebook, EditRejectsBadNamesColoursAndKinds) {
  Fixture f;
  EXPECT_EQ(messageOf<UsageError>([&] { f.book.edit("Faith", {.color = "red"}); }),
            "colour 'red' is not #RRGGBB");
  EXPECT_EQ(messageOf<UsageError>([&] { f.book.edit("Faith", {.name = "  "}); }),
            "a code needs a name");
  EXPECT_EQ(messageOf<UsageError>([] { parseCodeKind("mech"); }),
            "unknown code kind 'mech' (context, mechanism, outcome or other)");
  EXPECT_EQ(f.book.find("Faith").color, "");
}

TEST(Codebook, UnknownAndAmbiguousCodesAreNamedInTheError) {
  Fixture f;
  EXPECT_EQ(messageOf<NotFound>([&] { f.book.edit("Hope", {.definition = "x"}); }),
            "no code named 'Hope'");
  f.book.add({.name = "Trust", .parent = "Outcomes"});
  EXPECT_EQ(messageOf<UsageError>([&] { f.book.move("Trust", std::nullopt); }),
            "several codes are named 'Trust'; name one by its path: Mechanisms/Trust, "
            "Outcomes/Trust");
  EXPECT_EQ(f.book.edit("Outcomes/Trust", {.memo = "outcome sense"}).memo, "outcome sense");
}

// move ----------------------------------------------------------------------------------------

TEST(Codebook, MoveAppendsUnderTheNewParentWithItsSubCodes) {
  Fixture f;
  const Code c = f.book.move("Trust", "Outcomes");
  EXPECT_EQ(c.path, "Outcomes/Trust");
  EXPECT_EQ(f.paths(),
            (Paths{"Contexts", "Contexts/Quick wins", "Mechanisms", "Mechanisms/Faith", "Outcomes",
                   "Outcomes/Increased trust", "Outcomes/Trust", "Outcomes/Trust/Initial trust"}));
  EXPECT_EQ(f.book.move("Initial trust", std::nullopt).path, "Initial trust");
  EXPECT_EQ(f.paths().back(), "Initial trust");
  EXPECT_EQ(f.project.auditLog()[0].action, "move-code");
}

TEST(Codebook, MoveRefusesItselfItsDescendantsAndANameClash) {
  Fixture f;
  EXPECT_EQ(messageOf<UsageError>([&] { f.book.move("Trust", "Trust"); }),
            "cannot move 'Mechanisms/Trust' under itself");
  EXPECT_EQ(messageOf<UsageError>([&] { f.book.move("Mechanisms", "Initial trust"); }),
            "cannot move 'Mechanisms' under 'Mechanisms/Trust/Initial trust': that is one of its "
            "own sub-codes");
  f.book.add({.name = "Faith", .parent = "Outcomes"});
  EXPECT_EQ(messageOf<UsageError>([&] { f.book.move("Mechanisms/Faith", "Outcomes"); }),
            "a code named 'Faith' already exists under 'Outcomes'");
  EXPECT_EQ(messageOf<NotFound>([&] { f.book.move("Trust", "Nowhere"); }),
            "no code named 'Nowhere'");
}

// merge ---------------------------------------------------------------------------------------

TEST(Codebook, MoveBeforePutsACodeAmongItsSiblingsAndListsThatOrder) {
  Fixture f;
  f.book.moveBefore("Faith", "Trust");
  EXPECT_EQ(f.paths(), (Paths{"Contexts", "Contexts/Quick wins", "Mechanisms", "Mechanisms/Faith",
                              "Mechanisms/Trust", "Mechanisms/Trust/Initial trust", "Outcomes",
                              "Outcomes/Increased trust"}));
  f.book.moveBefore("Outcomes", "Contexts");
  EXPECT_EQ(f.paths().front(), "Outcomes");
  f.book.moveBefore("Outcomes", std::nullopt);  // last among its siblings
  EXPECT_EQ(f.paths()[6], "Outcomes");
  EXPECT_EQ(f.project.auditLog(1)[0].action, "reorder-code");
}

TEST(Codebook, MoveBeforeASiblingElsewhereJoinsThatParent) {
  Fixture f;
  const Code moved = f.book.moveBefore("Quick wins", "Faith");
  EXPECT_EQ(moved.path, "Mechanisms/Quick wins");
  EXPECT_EQ(f.paths()[4], "Mechanisms/Quick wins");
  EXPECT_EQ(f.paths()[5], "Mechanisms/Faith");
}

TEST(Codebook, MoveBeforeRefusesItsOwnSubCodesAndANameClash) {
  Fixture f;
  EXPECT_THROW(f.book.moveBefore("Trust", "Initial trust"), UsageError);
  f.book.add({.name = "Faith", .parent = "Contexts"});
  EXPECT_THROW(f.book.moveBefore("Contexts/Faith", "Trust"), UsageError);
  const auto history = f.project.history().size();
  f.book.moveBefore("Trust", "Mechanisms/Faith");  // already there: nothing recorded
  EXPECT_EQ(f.project.history().size(), history);
}

TEST(Codebook, MergeMovesCodingsCmocSlotsAndSubCodesThenDeletesTheCode) {
  Fixture f;
  f.coding.apply("a.txt", "Trust", 29, 34);
  f.coding.apply("b.txt", "Trust", 21, 57);
  f.coding.apply("a.txt", "Faith", 21, 28);
  const std::int64_t cmoc = f.addCmoc("Quick wins", "Trust", "Increased trust");
  const Code into = f.book.merge("Trust", "Faith");
  EXPECT_EQ(into.path, "Mechanisms/Faith");
  EXPECT_FALSE(f.book.tryFind("Mechanisms/Trust"));
  EXPECT_EQ(f.book.find("Initial trust").path, "Mechanisms/Faith/Initial trust");
  EXPECT_EQ(f.codingsOf("Mechanisms/Faith"), 3);
  EXPECT_EQ(f.raw.value("SELECT mechanism_code_id FROM cmocs WHERE id = " + std::to_string(cmoc)),
            into.id);
  EXPECT_EQ(f.project.auditLog()[0].action, "merge-code");
}

TEST(Codebook, MergeDropsCodingsThatWouldDuplicateAndKeepsTheirEvidence) {
  Fixture f;
  const CodingRecord dup = f.coding.apply("a.txt", "Trust", 29, 34);
  const CodingRecord kept = f.coding.apply("a.txt", "Faith", 29, 34);
  const std::int64_t cmoc = f.addCmoc("Quick wins", "Faith", "Increased trust");
  f.raw.value("INSERT INTO cmoc_evidence VALUES (" + std::to_string(cmoc) + ", 'mechanism', " +
              std::to_string(dup.id) + ")");
  f.book.merge("Trust", "Faith");
  EXPECT_EQ(f.codingsOf("Mechanisms/Faith"), 1);
  EXPECT_EQ(f.raw.value("SELECT coding_id FROM cmoc_evidence"), kept.id);
}

TEST(Codebook, MergeJoinsSubCodesOfTheSameName) {
  Fixture f;
  f.book.add({.name = "Initial trust", .parent = "Faith"});
  f.coding.apply("a.txt", "Mechanisms/Trust/Initial trust", 29, 34);
  f.book.merge("Trust", "Faith");
  EXPECT_EQ(f.paths(),
            (Paths{"Contexts", "Contexts/Quick wins", "Mechanisms", "Mechanisms/Faith",
                   "Mechanisms/Faith/Initial trust", "Outcomes", "Outcomes/Increased trust"}));
  EXPECT_EQ(f.codingsOf("Mechanisms/Faith/Initial trust"), 1);
}

TEST(Codebook, MergeIntoTheParentWhenAChildSharesTheName) {
  Fixture f;
  f.book.add({.name = "Trust", .parent = "Trust"});
  f.book.add({.name = "Deep", .parent = "Mechanisms/Trust/Trust"});
  f.coding.apply("a.txt", "Mechanisms/Trust/Trust", 29, 34);
  f.book.merge("Mechanisms/Trust", "Mechanisms");
  EXPECT_EQ(f.paths(), (Paths{"Contexts", "Contexts/Quick wins", "Mechanisms", "Mechanisms/Faith",
                              "Mechanisms/Initial trust", "Mechanisms/Deep", "Outcomes",
                              "Outcomes/Increased trust"}));
  EXPECT_EQ(f.codingsOf("Mechanisms"), 1);
}

TEST(Codebook, MergeRefusesItselfAndItsOwnDescendants) {
  Fixture f;
  EXPECT_EQ(messageOf<UsageError>([&] { f.book.merge("Trust", "Mechanisms/Trust"); }),
            "cannot merge 'Mechanisms/Trust' into itself");
  EXPECT_EQ(messageOf<UsageError>([&] { f.book.merge("Trust", "Initial trust"); }),
            "cannot merge 'Mechanisms/Trust' into 'Mechanisms/Trust/Initial trust': that is one of "
            "its own sub-codes");
  EXPECT_EQ(messageOf<NotFound>([&] { f.book.merge("Trust", "Hope"); }), "no code named 'Hope'");
}

// remove --------------------------------------------------------------------------------------

TEST(Codebook, DeleteALeafWithoutCodings) {
  Fixture f;
  f.book.remove("Faith", DeleteMode::Refuse);
  EXPECT_FALSE(f.book.tryFind("Faith"));
  EXPECT_EQ(f.project.auditLog()[0].action, "delete-code");
}

TEST(Codebook, DeleteIsRefusedWithTheReasonAndWhatToDo) {
  Fixture f;
  f.coding.apply("a.txt", "Trust", 29, 34);
  f.coding.apply("b.txt", "Trust", 29, 34);
  EXPECT_EQ(messageOf<UsageError>([&] { f.book.remove("Trust", DeleteMode::Refuse); }),
            "cannot delete 'Mechanisms/Trust': it has 1 sub-code and 2 codings; use --move-up to "
            "move them to 'Mechanisms', or --with-codings to delete them too");
  EXPECT_EQ(messageOf<UsageError>([&] { f.book.remove("Contexts", DeleteMode::Refuse); }),
            "cannot delete 'Contexts': it has 1 sub-code; use --move-up to move it to the top "
            "level, or --with-codings to delete it too");
  f.coding.apply("a.txt", "Outcomes", 46, 56);
  EXPECT_EQ(messageOf<UsageError>([&] { f.book.remove("Outcomes", DeleteMode::Refuse); }),
            "cannot delete 'Outcomes': it has 1 sub-code and 1 coding; use --with-codings to "
            "delete them too, or merge it into another code (a top-level code has no parent to "
            "move codings to)");
  EXPECT_EQ(f.paths().size(), 8u);
}

TEST(Codebook, DeleteIsRefusedWhileACmocUsesTheCode) {
  Fixture f;
  const std::int64_t cmoc = f.addCmoc("Quick wins", "Faith", "Increased trust");
  const std::string n = std::to_string(cmoc);
  for (DeleteMode mode : {DeleteMode::Refuse, DeleteMode::MoveUp})
    EXPECT_EQ(messageOf<UsageError>([&] { f.book.remove("Faith", mode); }),
              "cannot delete 'Mechanisms/Faith': CMOC " + n +
                  " has 'Mechanisms/Faith' as its mechanism; merge it into another code, or "
                  "change those CMOCs first");
  EXPECT_EQ(messageOf<UsageError>([&] { f.book.remove("Mechanisms", DeleteMode::WithCodings); }),
            "cannot delete 'Mechanisms' with its codings: CMOC " + n +
                " has 'Mechanisms/Faith' as its mechanism; change or delete those CMOCs first");
}

TEST(Codebook, DeleteWithCodingsIsRefusedWhenACmocCitesOneOfThem) {
  Fixture f;
  const CodingRecord r = f.coding.apply("a.txt", "Initial trust", 29, 34);
  const std::int64_t cmoc = f.addCmoc("Quick wins", "Faith", "Increased trust");
  f.raw.value("INSERT INTO cmoc_evidence VALUES (" + std::to_string(cmoc) + ", 'mechanism', " +
              std::to_string(r.id) + ")");
  EXPECT_EQ(messageOf<UsageError>([&] { f.book.remove("Trust", DeleteMode::WithCodings); }),
            "cannot delete 'Mechanisms/Trust' with its codings: CMOC " + std::to_string(cmoc) +
                " cites a coding of 'Mechanisms/Trust/Initial trust'; change or delete those "
                "CMOCs first");
}

TEST(Codebook, DeleteMovingUpGivesSubCodesAndCodingsToTheParent) {
  Fixture f;
  f.coding.apply("a.txt", "Trust", 29, 34);
  f.book.remove("Trust", DeleteMode::MoveUp);
  EXPECT_EQ(f.paths(), (Paths{"Contexts", "Contexts/Quick wins", "Mechanisms", "Mechanisms/Faith",
                              "Mechanisms/Initial trust", "Outcomes", "Outcomes/Increased trust"}));
  EXPECT_EQ(f.codingsOf("Mechanisms"), 1);
}

TEST(Codebook, DeleteMovingUpATopLevelCodeMakesItsSubCodesTopLevel) {
  Fixture f;
  f.book.remove("Contexts", DeleteMode::MoveUp);
  EXPECT_EQ(f.book.find("Quick wins").path, "Quick wins");
}

TEST(Codebook, DeleteMovingUpRefusesWhenCodingsHaveNowhereToGoOrNamesClash) {
  Fixture f;
  f.coding.apply("a.txt", "Contexts", 46, 56);
  EXPECT_EQ(messageOf<UsageError>([&] { f.book.remove("Contexts", DeleteMode::MoveUp); }),
            "cannot move the codings of 'Contexts' up: it is a top-level code, so they have "
            "nowhere to go; merge it into another code, or use --with-codings to delete them");
  f.book.add({.name = "Faith", .parent = "Trust"});
  EXPECT_EQ(messageOf<UsageError>([&] { f.book.remove("Trust", DeleteMode::MoveUp); }),
            "cannot move the sub-codes of 'Mechanisms/Trust' up: a code named 'Faith' already "
            "exists under 'Mechanisms'; rename or merge one of them first");
}

TEST(Codebook, DeleteMovingUpWhenAChildHasTheSameName) {
  Fixture f;
  f.book.add({.name = "Trust", .parent = "Trust"});
  f.book.remove("Mechanisms/Trust", DeleteMode::MoveUp);
  EXPECT_EQ(f.book.find("Mechanisms/Trust").depth, 1);
  EXPECT_EQ(f.book.find("Initial trust").path, "Mechanisms/Initial trust");
}

TEST(Codebook, DeleteWithCodingsRemovesDescendantsAndAuditsEachCoding) {
  Fixture f;
  const CodingRecord a = f.coding.apply("a.txt", "Trust", 29, 34);
  const CodingRecord b = f.coding.apply("b.txt", "Initial trust", 29, 34);
  f.coding.apply("a.txt", "Faith", 29, 34);
  f.book.remove("Trust", DeleteMode::WithCodings);
  EXPECT_EQ(f.paths(), (Paths{"Contexts", "Contexts/Quick wins", "Mechanisms", "Mechanisms/Faith",
                              "Outcomes", "Outcomes/Increased trust"}));
  EXPECT_EQ(f.coding.list().size(), 1u);
  std::vector<std::string> deletedCodings, deletedCodes;
  for (const AuditEntry& e : f.project.auditLog()) {
    if (e.action == "delete-coding") deletedCodings.push_back(e.entityGuid);
    if (e.action == "delete-code") deletedCodes.push_back(e.detail);
  }
  EXPECT_EQ(deletedCodings, (std::vector<std::string>{b.guid, a.guid}));
  ASSERT_EQ(deletedCodes.size(), 2u);
  EXPECT_NE(deletedCodes[0].find("Mechanisms/Trust\""), std::string::npos) << deletedCodes[0];
}

// undo ----------------------------------------------------------------------------------------

class CodebookUndo : public ::testing::TestWithParam<int> {};

TEST_P(CodebookUndo, RestoresEveryRowExactly) {
  Fixture f;
  f.coding.apply("a.txt", "Trust", 29, 34);
  f.coding.apply("b.txt", "Initial trust", 21, 57);
  f.coding.apply("a.txt", "Faith", 29, 34);
  f.coding.apply("a.txt", "Mechanisms", 46, 56);
  f.addCmoc("Quick wins", "Faith", "Increased trust");
  f.book.add({.name = "Hope", .parent = "Mechanisms"});
  const std::string before = f.raw.dump();
  switch (GetParam()) {
    case 0:
      f.book.edit("Trust", {.name = "Trust in partners", .color = "#123456"});
      break;
    case 1:
      f.book.move("Trust", "Outcomes");
      break;
    case 2:
      f.book.merge("Trust", "Faith");
      break;
    case 3:
      f.book.remove("Trust", DeleteMode::MoveUp);
      break;
    case 4:
      f.book.remove("Trust", DeleteMode::WithCodings);
      break;
    case 5:
      f.book.remove("Hope", DeleteMode::Refuse);
      break;
    case 6:
      f.book.moveBefore("Hope", "Trust");
      break;
  }
  const std::string after = f.raw.dump();
  ASSERT_NE(after, before);
  ASSERT_TRUE(f.project.undo());
  EXPECT_EQ(f.raw.dump(), before);
  ASSERT_TRUE(f.project.redo());
  EXPECT_EQ(f.raw.dump(), after);
}

std::string undoCaseName(const ::testing::TestParamInfo<int>& info) {
  static const char* const kNames[] = {"Edit", "Move", "Merge", "MoveUp", "WithCodings", "Delete",
                                       "Reorder"};
  return kNames[info.param];
}

INSTANTIATE_TEST_SUITE_P(Codebook, CodebookUndo, ::testing::Range(0, 7), undoCaseName);

// CSV rows ------------------------------------------------------------------------------------

TEST(Codebook, ImportRowsCreatesParentsFirstAndUpdatesExistingPaths) {
  Fixture f;
  std::vector<CodebookRow> rows(3);
  rows[0] = {.line = 2,
             .path = "Domains/Cultural efficacy/Improved reputation",
             .draft = {.kind = CodeKind::Mechanism},
             .createdAt = "2026-09-01T00:00:00Z"};
  rows[1] = {
      .line = 3, .path = "Domains/Cultural efficacy", .draft = {.kind = CodeKind::Mechanism}};
  rows[2] = {.line = 4,
             .path = "Mechanisms/Faith",
             .draft = {.kind = CodeKind::Other, .definition = "new"},
             .keep = {"kind"}};
  EXPECT_EQ(f.book.importRows(rows, "c.csv"), std::make_pair(3, 1));
  const Code rep = f.book.find("Improved reputation");
  EXPECT_EQ(rep.path, "Domains/Cultural efficacy/Improved reputation");
  EXPECT_EQ(rep.createdAt, "2026-09-01T00:00:00Z");
  EXPECT_EQ(f.book.find("Domains").kind, CodeKind::Other);  // not listed: a plain group
  EXPECT_EQ(f.book.find("Cultural efficacy").kind, CodeKind::Mechanism);
  const Code faith = f.book.find("Faith");
  EXPECT_EQ(faith.definition, "new");
  EXPECT_EQ(faith.kind, CodeKind::Mechanism);
  // A bare top-level path never means a nested code of that name.
  EXPECT_EQ(f.book.importRows({{.line = 2, .path = "Faith"}}, "c.csv"), std::make_pair(1, 0));
  EXPECT_EQ(f.book.find("Faith").depth, 0);
}

// Issue 21 finding 11: a name+parent file's parent "Faith" made a second, top-level Faith.
TEST(Codebook, ImportRowsFindAParentNamedByANestedCodesUniqueName) {
  Fixture f;
  EXPECT_EQ(
      f.book.importRows({{.line = 2, .path = "Faith/Deep faith", .parentByName = true}}, "c.csv"),
      std::make_pair(1, 0));
  EXPECT_EQ(f.book.find("Deep faith").path, "Mechanisms/Faith/Deep faith");
  EXPECT_EQ(f.book.find("Faith").path, "Mechanisms/Faith");  // still the only Faith
}

TEST(Codebook, ImportRowsIsAllOrNoneWithTheLineOfTheProblem) {
  Fixture f;
  const auto before = f.paths();
  auto error = [&](std::vector<CodebookRow> rows) {
    return messageOf<InputError>([&] { f.book.importRows(rows, "c.csv"); });
  };
  EXPECT_EQ(
      error({{.line = 2, .path = "New"}, {.line = 3, .path = "Bad", .draft = {.color = "red"}}}),
      "c.csv: line 3: colour 'red' is not #RRGGBB");
  EXPECT_EQ(error({{.line = 2, .path = "A/B"}, {.line = 5, .path = "A / B"}}),
            "c.csv: line 5: duplicate path 'A/B' (also on line 2)");
  EXPECT_EQ(error({{.line = 7, .path = "A//B"}}), "c.csv: line 7: path 'A//B' has an empty part");
  EXPECT_EQ(error({{.line = 2, .path = "A", .createdAt = "yesterday"}}),
            "c.csv: line 2: created 'yesterday' is not an ISO 8601 UTC time");
  EXPECT_EQ(f.paths(), before);
}

TEST(Codebook, ExportWritesEveryFieldWithCsvQuoting) {
  Fixture f;
  f.book.edit("Faith", {.definition = "Belief, \"worth it\"\nsecond line", .color = "#00AA00"});
  f.book.add({.name = "Either/or", .parent = "Outcomes", .origin = CodeOrigin::Inductive});
  const std::string csv = f.book.exportCsv();
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "path,kind,definition,inclusion,exclusion,color,origin,created,memo");
  EXPECT_NE(csv.find("\nMechanisms/Faith,mechanism,\"Belief, \"\"worth it\"\"\nsecond line\",,,"
                     "#00AA00,deductive,"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\nOutcomes/Either\\/or,other,,,,,inductive,"), std::string::npos) << csv;
}

TEST(Codebook, CodePathsEscapeSlashesInNames) {
  EXPECT_EQ(splitCodePath("A / B\\/C"), (std::vector<std::string>{"A", "B/C"}));
  EXPECT_EQ(joinCodePath({"A", "B/C", "D\\E"}), "A/B\\/C/D\\\\E");
}

// Undo/redo through the project's history (DESIGN.md decision 5).
#include <gtest/gtest.h>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "test_support.h"
#include "transcript_builder.h"

using namespace cmoc;

namespace {
struct Fixture {
  test::TempDir dir;
  Project project = Project::create(dir / "s.cmoc");
  Fixture() {
    project.setCoder("ana");
    project.addTranscript(
        test::TranscriptBuilder("a.txt")
            .between("\n")
            .ending("")
            .turns({{"Interviewer", "Why?"}, {"R", "Because trust grew after quick wins."}})
            .build());
  }
};
}  // namespace

TEST(History, UndoRemovesACodingAndRedoBringsItBack) {
  Fixture f;
  Codebook(f.project).add({.name = "Trust", .kind = CodeKind::Mechanism});
  Coding coding(f.project);
  const CodingRecord r = coding.apply("a.txt", "Trust", 29, 34);
  EXPECT_EQ(coding.list().size(), 1u);
  EXPECT_EQ(f.project.undo(), "apply code Trust");
  EXPECT_TRUE(coding.list().empty());
  EXPECT_EQ(f.project.redo(), "apply code Trust");
  ASSERT_EQ(coding.list().size(), 1u);
  EXPECT_EQ(coding.list()[0].guid, r.guid);
  EXPECT_EQ(f.project.redo(), std::nullopt);
}

TEST(History, UndoWalksBackThroughActionsInOrder) {
  Fixture f;
  Codebook book(f.project);
  book.add({.name = "Trust", .kind = CodeKind::Mechanism});
  Coding(f.project).apply("a.txt", "Trust", 29, 34);
  EXPECT_EQ(f.project.undo(), "apply code Trust");
  EXPECT_EQ(f.project.undo(), "add code Trust");
  EXPECT_FALSE(book.tryFind("Trust"));
  EXPECT_EQ(f.project.undo(), std::nullopt);
}

TEST(History, ANewActionClearsTheRedoStack) {
  Fixture f;
  Codebook book(f.project);
  book.add({.name = "Trust"});
  f.project.undo();
  book.add({.name = "Faith"});
  EXPECT_EQ(f.project.redo(), std::nullopt);
}

TEST(History, EachCoderUndoesOnlyTheirOwnActions) {
  Fixture f;
  Codebook book(f.project);
  book.add({.name = "Trust"});
  f.project.setCoder("ben");
  EXPECT_EQ(f.project.undo(), std::nullopt);
  f.project.setCoder("ana");
  EXPECT_EQ(f.project.undo(), "add code Trust");
}

TEST(History, RemovingACodingIsAudited) {
  Fixture f;
  Codebook(f.project).add({.name = "Trust"});
  Coding coding(f.project);
  const CodingRecord r = coding.apply("a.txt", "Trust", 29, 34);
  coding.remove(r.id);
  const auto log = f.project.auditLog();
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log[0].action, "delete-coding");
  EXPECT_EQ(log[0].coder, "ana");
  EXPECT_EQ(log[0].entityGuid, r.guid);
}

// Undo replays with foreign-key actions off (history.cpp), so it must check the keys itself:
// undoing a code another coder has since used would leave their codings pointing nowhere.
TEST(History, UndoThatWouldOrphanAnotherCodersWorkIsRefusedAndChangesNothing) {
  Fixture f;
  Codebook book(f.project);
  book.add({.name = "Trust"});
  f.project.setCoder("ben");
  Coding(f.project).apply("a.txt", "Trust", 29, 34);
  f.project.setCoder("ana");
  try {
    f.project.undo();
    FAIL() << "undo went through";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "cannot undo 'add code Trust': it would leave rows in codings pointing at data "
                 "that no longer exists");
  }
  EXPECT_TRUE(book.tryFind("Trust"));
  EXPECT_EQ(Coding(f.project).list().size(), 1u);
  // Once ben takes his coding back, ana's undo goes through.
  f.project.setCoder("ben");
  EXPECT_EQ(f.project.undo(), "apply code Trust");
  f.project.setCoder("ana");
  EXPECT_EQ(f.project.undo(), "add code Trust");
  EXPECT_FALSE(book.tryFind("Trust"));
}

// Memos on sources: stored, audited, one undoable step each.
#include "cmoc/source_memo.h"

#include <gtest/gtest.h>

#include "cmoc/error.h"
#include "cmoc/project.h"
#include "test_support.h"

using namespace cmoc;

TEST(SourceMemo, SetIsAuditedAndUndoable) {
  test::TempDir dir;
  Project p = Project::create(dir / "m.cmoc");
  p.setCoder("ana");
  const auto id = p.addTranscript({"a.txt", "text", "R: Trust came late.", {{"R", 3, 19, {}, {}}}}).sourceId;
  EXPECT_EQ(sourceMemo(p, id), "");
  setSourceMemo(p, id, "Held over Teams; poor audio at 12:00.");
  EXPECT_EQ(sourceMemo(p, id), "Held over Teams; poor audio at 12:00.");
  EXPECT_EQ(p.auditLog(1)[0].action, "memo-source");
  setSourceMemo(p, id, "Second thoughts.");
  ASSERT_TRUE(p.undo());
  EXPECT_EQ(sourceMemo(p, id), "Held over Teams; poor audio at 12:00.");
  ASSERT_TRUE(p.undo());
  EXPECT_EQ(sourceMemo(p, id), "");
  ASSERT_TRUE(p.redo());
  EXPECT_EQ(sourceMemo(p, id), "Held over Teams; poor audio at 12:00.");
}

TEST(SourceMemo, SameTextRecordsNothingAndUnknownSourceIsNotFound) {
  test::TempDir dir;
  Project p = Project::create(dir / "m.cmoc");
  p.setCoder("ana");
  const auto id = p.addTranscript({"a.txt", "text", "R: Hi.", {{"R", 3, 6, {}, {}}}}).sourceId;
  const auto n = p.history().size();
  setSourceMemo(p, id, "");
  EXPECT_EQ(p.history().size(), n);
  EXPECT_THROW(setSourceMemo(p, 999, "x"), NotFound);
  EXPECT_THROW(sourceMemo(p, 999), NotFound);
}

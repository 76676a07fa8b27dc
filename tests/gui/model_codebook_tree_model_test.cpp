// CodebookTreeModel: rows in tree order with kind tags, colours and counts; blind counts;
// rename in place and drag to nest.
#include <gtest/gtest.h>

#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "gui_test_project.h"
#include "model/codebook_tree_model.h"

namespace cmoc::gui {
namespace {

TEST(CodebookTreeModel, RowsFollowTheTreeWithKindTagsColoursAndCounts) {
  Project p = Project::open(test::sharedDemoProject());
  CodebookTreeModel m;
  m.reload(p);
  ASSERT_FALSE(m.rows().empty());
  EXPECT_EQ(m.rows()[0].label, "[M] Mechanisms");
  EXPECT_EQ(m.rows()[0].depth, 0);
  EXPECT_TRUE(m.rows()[0].hasChildren);
  const CodebookRow* trust = nullptr;
  for (const auto& r : m.rows())
    if (r.name == "Trust") trust = &r;
  ASSERT_TRUE(trust);
  EXPECT_EQ(trust->depth, 1);
  EXPECT_EQ(trust->colour, (Rgb{0x2E, 0x7D, 0x32}));
  EXPECT_EQ(trust->counts, std::to_string(trust->codings) + " / " + std::to_string(trust->sources));
  EXPECT_GT(trust->codings, 0);
  EXPECT_NE(trust->tooltip.find("accept vulnerability"), std::string::npos);
  const CodebookRow* quick = m.row(Codebook(p).find("Quick wins").id);
  ASSERT_TRUE(quick);
  EXPECT_EQ(quick->label, "[C] Quick wins (inductive)");
  EXPECT_EQ(m.children(std::nullopt).size(), 3u);
}

TEST(CodebookTreeModel, BlindModeCountsOnlyTheCodersOwnCodings) {
  Project p = Project::open(test::sharedDemoProject());
  CodebookTreeModel all, rm;
  all.reload(p);
  rm.reload(p, std::string("RM"));
  const std::int64_t trustId = Codebook(p).find("Trust").id;
  CodingFilter f;
  f.coders = {"RM"};
  f.codes = {"Mechanisms/Trust"};
  EXPECT_EQ(rm.row(trustId)->codings, static_cast<std::int64_t>(Coding(p).list(f).size()));
  EXPECT_LT(rm.row(trustId)->codings, all.row(trustId)->codings);
  EXPECT_EQ(rm.row(Codebook(p).find("Faith").id)->codings, 0);
}

TEST(CodebookTreeModel, RenameInPlaceKeepsTheCodings) {
  test::TempDir dir;
  Project p = Project::open(test::copyDemoProject(dir));
  p.setCoder("AJ");
  const Code before = Codebook(p).find("Faith");
  CodebookTreeModel m;
  m.reload(p);
  const std::int64_t codings = m.row(before.id)->codings;
  EXPECT_GT(codings, 0);
  const Code after = CodebookTreeModel::rename(p, before.id, "Faith in the alliance");
  EXPECT_EQ(after.path, "Mechanisms/Faith in the alliance");
  m.reload(p);
  EXPECT_EQ(m.row(before.id)->codings, codings);
  EXPECT_EQ(m.row(before.id)->name, "Faith in the alliance");
  EXPECT_THROW(CodebookTreeModel::rename(p, before.id, "Trust"), UsageError);  // sibling clash
  EXPECT_THROW(CodebookTreeModel::rename(p, before.id, "  "), UsageError);
}

TEST(CodebookTreeModel, DragToNestMovesUnderTheTargetOrToTheTop) {
  test::TempDir dir;
  Project p = Project::open(test::copyDemoProject(dir));
  p.setCoder("AJ");
  Codebook book(p);
  const auto conflict = book.find("Conflict").id, trust = book.find("Trust").id;
  EXPECT_EQ(CodebookTreeModel::nest(p, conflict, trust).path, "Mechanisms/Trust/Conflict");
  EXPECT_EQ(CodebookTreeModel::nest(p, conflict, std::nullopt).path, "Conflict");
  // Onto itself or its own descendant: refused, nothing changes.
  EXPECT_THROW(CodebookTreeModel::nest(p, trust, book.find("Initial trust").id), Error);
  EXPECT_EQ(book.get(trust).path, "Mechanisms/Trust");
}

}  // namespace
}  // namespace cmoc::gui

// CodingController: Scintilla selections become codings in core, snapped to graphemes; turns,
// new inductive codes, uncode, edit span, memo, undo and redo.
#include <gtest/gtest.h>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "gui_test_project.h"
#include "model/coding_controller.h"

namespace cmoc::gui {
namespace {

class CodingControllerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = test::copyDemoProject(dir_);
    project_.emplace(Project::open(file_));
    project_->setCoder("KL");
    codes_ = makeCodeLookup(Codebook(*project_).list());
    const auto src = project_->source("interview-01-director-alliance2.txt");
    vm_.emplace(TranscriptViewModel::load(*project_, src.id, codes_));
  }
  std::int64_t code(const char* name) { return Codebook(*project_).find(name).id; }
  Selection select(std::string_view words) {
    const auto at = static_cast<std::int64_t>(vm_->displayText().find(words));
    EXPECT_GE(at, 0) << words;
    return {at, at + static_cast<std::int64_t>(words.size())};
  }
  std::string codedText(const CodingRecord& r) {
    return std::string(text::sliceCodePoints(vm_->sourceText(), r.start, r.end));
  }
  std::vector<CodingRecord> mine() {
    CodingFilter f;
    f.coders = {"KL"};
    return Coding(*project_).list(f);
  }

  test::TempDir dir_;
  std::filesystem::path file_;
  std::optional<Project> project_;
  CodeLookup codes_;
  std::optional<TranscriptViewModel> vm_;
};

TEST_F(CodingControllerTest, AppliesTheCodeToTheSelectedTextAsTheCurrentCoder) {
  CodingController c(*project_);
  const auto r = c.applyCode(*vm_, code("Trust"), select("we got a win early"));
  EXPECT_EQ(codedText(r), "we got a win early");
  EXPECT_EQ(r.coder, "KL");
  EXPECT_EQ(r.codePath, "Mechanisms/Trust");
  ASSERT_EQ(mine().size(), 1u);
}

TEST_F(CodingControllerTest, SelectionsWithAccentsMapToCodePoints) {
  CodingController c(*project_);
  const auto r = c.applyCode(*vm_, code("Faith"), select("a lot of déjà vu in the room"));
  EXPECT_EQ(codedText(r), "a lot of déjà vu in the room");
}

TEST_F(CodingControllerTest, AnEmptySelectionIsAnErrorAndCodesNothing) {
  CodingController c(*project_);
  EXPECT_THROW(c.applyCode(*vm_, code("Trust"), {100, 100}), UsageError);
  EXPECT_TRUE(mine().empty());
}

TEST_F(CodingControllerTest, CodesTheWholeTurnUnderTheCaret) {
  CodingController c(*project_);
  const auto sel = select("Oh, dreadful.");
  const auto r = c.codeTurn(*vm_, code("History of competition"), sel.from + 3);
  const auto turn = *vm_->turnAt(sel.from);
  EXPECT_EQ(r.start, vm_->turns()[turn].start);
  EXPECT_EQ(r.end, vm_->turns()[turn].end);
}

TEST_F(CodingControllerTest, NewCodeFromSelectionIsInductiveUnderTheParentWithItsKind) {
  CodingController c(*project_);
  const auto sel = select("perform collaboration");
  EXPECT_EQ(CodingController::suggestedName(*vm_, sel), "perform collaboration");
  const auto made = c.newCodeFromSelection(*vm_, sel, "", code("Outcomes"));
  EXPECT_EQ(made.code.path, "Outcomes/perform collaboration");
  EXPECT_EQ(made.code.origin, CodeOrigin::Inductive);
  EXPECT_EQ(made.code.kind, CodeKind::Outcome);
  EXPECT_EQ(codedText(made.coding), "perform collaboration");
}

TEST_F(CodingControllerTest, UncodeThenUndoBringsTheCodingBackAndRedoRemovesItAgain) {
  CodingController c(*project_);
  const auto r = c.applyCode(*vm_, code("Trust"), select("we got a win early"));
  c.uncode(r.id);
  EXPECT_TRUE(mine().empty());
  EXPECT_TRUE(c.undo());
  ASSERT_EQ(mine().size(), 1u);
  EXPECT_EQ(mine()[0].start, r.start);
  EXPECT_TRUE(c.redo());
  EXPECT_TRUE(mine().empty());
}

TEST_F(CodingControllerTest, UndoRevertsTheLastApply) {
  CodingController c(*project_);
  c.applyCode(*vm_, code("Trust"), select("we got a win early"));
  const auto label = c.undo();
  ASSERT_TRUE(label);
  EXPECT_TRUE(mine().empty());
}

TEST_F(CodingControllerTest, EditSpanMovesTheCodingToTheNewSelection) {
  CodingController c(*project_);
  const auto r = c.applyCode(*vm_, code("Trust"), select("we got a win"));
  const auto moved = c.setSpan(*vm_, r.id, select("we got a win early. We didn't plan it"));
  EXPECT_EQ(codedText(moved), "we got a win early. We didn't plan it");
  EXPECT_EQ(moved.id, r.id);
}

TEST_F(CodingControllerTest, MemoIsStoredOnTheCoding) {
  CodingController c(*project_);
  const auto r = c.applyCode(*vm_, code("Trust"), select("we got a win early"));
  c.setMemo(r.id, "luck, not plan");
  EXPECT_EQ(Coding(*project_).get(r.id).memo, "luck, not plan");
}

TEST_F(CodingControllerTest, ReloadedViewShowsOnlyMyCodingsInBlindMode) {
  CodingController c(*project_);
  c.applyCode(*vm_, code("Trust"), select("we got a win early"));
  vm_->reloadCodings(*project_, codes_, {.onlyCoder = "KL"});
  ASSERT_EQ(vm_->stripes().size(), 1u);
  EXPECT_EQ(vm_->stripes()[0].coder, "KL");
  vm_->reloadCodings(*project_, codes_, {});
  EXPECT_GT(vm_->stripes().size(), 1u);
}

TEST_F(CodingControllerTest, FixTextReplacesTheSpanAndSaysWhichCodingsMovedOrWentAway) {
  CodingController c(*project_);
  const auto inside = c.applyCode(*vm_, code("Trust"), select("we got a win early"));
  const auto src = vm_->source().id;
  const auto before = Coding(*project_).list(CodingFilter{}).size();
  // Replace the coded words and one letter either side: that coding's text is gone.
  const std::string text = "(we won something early on)";
  const auto fix = c.fixText(*vm_, inside.start - 1, inside.end + 1, text);
  EXPECT_EQ(fix.sourceId, src);
  EXPECT_EQ(fix.start, inside.start - 1);
  EXPECT_EQ(fix.end, inside.start - 1 + text::codePointCount(text));
  EXPECT_GE(fix.removed, 1u);
  EXPECT_GT(fix.reanchored, 0u);  // the codings after the edit moved with the text
  EXPECT_EQ(Coding(*project_).list(CodingFilter{}).size(), before - fix.removed);
  const auto view = TranscriptViewModel::load(*project_, src, codes_);
  EXPECT_EQ(text::sliceCodePoints(view.sourceText(), fix.start, fix.end), text);
}

}  // namespace
}  // namespace cmoc::gui

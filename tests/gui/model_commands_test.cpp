// The models behind the window's commands: when a command may run (command_gate), the chain
// link choices (chain_links) and what Auto-code makes of the typed text (autocode_dialog_model).
#include <gtest/gtest.h>

#include "cmoc/cmocs.h"
#include "cmoc/codebook.h"
#include "cmoc/project.h"
#include "model/autocode_dialog_model.h"
#include "model/chain_links.h"
#include "model/command_gate.h"
#include "test_support.h"

namespace cmoc::gui {
namespace {

TEST(CommandGate, TheFirstUnmetRequirementSaysWhy) {
  const std::vector<Requirement> needs = {{Needs::Source, "Open a source first"},
                                          {Needs::Code, "Choose a code in the codebook first"}};
  EXPECT_EQ(refusal(needs, {}), "Open a source first");
  EXPECT_EQ(refusal(needs, {.project = true, .source = true}),
            "Choose a code in the codebook first");
  EXPECT_EQ(refusal(needs, {.project = true, .source = true, .code = true}), std::nullopt);
  EXPECT_EQ(refusal({}, {}), std::nullopt);
}

TEST(CommandGate, ASourceOrCodingCountsOnlyInsideAProject) {
  EXPECT_EQ(refusal({{Needs::Source, "no source"}}, {.source = true}), "no source");
  EXPECT_EQ(refusal({{Needs::Coding, "no coding"}}, {.coding = true}), "no coding");
  EXPECT_EQ(refusal({{Needs::Coding, "no coding"}}, {.project = true, .coding = true}),
            std::nullopt);
  // A quiet requirement refuses with an empty text: the command does nothing and says nothing.
  EXPECT_EQ(refusal({{Needs::Project, ""}}, {}), "");
}

// CMOC 1's outcome is CMOC 2's context, so the codes suggest linking 1 -> 2.
struct ChainStudy {
  test::TempDir dir;
  Project project = Project::create(dir / "c.cmoc");
  ChainStudy() {
    project.setCoder("AJ");
    Codebook book(project);
    book.add({.name = "Slow pace", .kind = CodeKind::Context});
    book.add({.name = "Conflict", .kind = CodeKind::Mechanism});
    book.add({.name = "Reduced trust", .kind = CodeKind::Context});
    book.add({.name = "Withdrawal", .kind = CodeKind::Outcome});
    Cmocs cmocs(project);
    cmocs.add({.context = "Slow pace", .mechanism = "Conflict", .outcome = "Reduced trust"},
              KindCheck::Force);
    cmocs.add({.context = "Reduced trust", .mechanism = "Conflict", .outcome = "Withdrawal"});
  }
};

TEST(ChainLinks, SuggestedChainsAreListedAndTheChosenOnesLinked) {
  ChainStudy s;
  const ChainChoices suggested = suggestedChains(s.project);
  ASSERT_EQ(suggested.labels, std::vector<std::string>{"CMOC 1 -> CMOC 2, through Reduced trust"});
  EXPECT_EQ(linkChosen(s.project, suggested, {}), 0u);
  EXPECT_TRUE(Cmocs(s.project).links().empty());
  EXPECT_EQ(linkChosen(s.project, suggested, {0}), 1u);
  EXPECT_TRUE(suggestedChains(s.project).labels.empty());  // linked: no longer a suggestion

  const ChainChoices links = existingChains(s.project);
  ASSERT_EQ(links.labels,
            std::vector<std::string>{"CMOC 1 (Reduced trust) -> CMOC 2 (Reduced trust)"});
  EXPECT_EQ(unlinkChosen(s.project, links, {0}), 1u);
  EXPECT_TRUE(Cmocs(s.project).links().empty());
  EXPECT_THROW(unlinkChosen(s.project, links, {1}), std::out_of_range);
}

TEST(AutocodeDialogModel, OneWordIsAWordAndMoreArePhrasesCodedBySentence) {
  const AutocodeSpec word = autocodeSpecFor("Mechanisms/Trust", "  trust \n");
  EXPECT_EQ(word.code, "Mechanisms/Trust");
  EXPECT_EQ(word.pattern, "trust");
  EXPECT_EQ(word.kind, PatternKind::Word);
  EXPECT_EQ(word.scope, AutocodeScope::Sentence);
  const AutocodeSpec phrase = autocodeSpecFor("Quick wins", " quick win ");
  EXPECT_EQ(phrase.pattern, "quick win");
  EXPECT_EQ(phrase.kind, PatternKind::Phrase);
}

TEST(AutocodeDialogModel, SummariesSayWhatWasDone) {
  EXPECT_EQ(autocodeSummary({.hits = 9, .coded = 7, .alreadyCoded = 2, .sources = 3}),
            "Auto-coded 7 excerpts in 3 sources (coder 'auto'; Ctrl+Z undoes)");
  EXPECT_EQ(reviewSummary(true, {.codings = 5, .merged = 1}, "AJ"),
            "Accepted 5 auto codings as AJ (1 merged with yours)");
  EXPECT_EQ(reviewSummary(false, {.codings = 5, .merged = 0}, "AJ"), "Rejected 5 auto codings");
}

}  // namespace
}  // namespace cmoc::gui

// The realist view-models: CMOC builder, demiregularity table and drill-down, causal web
// (node boxes for clicks), agreement rows, disagreements and adjudication.
#include <gtest/gtest.h>

#include "cmoc/cmocs.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "gui_test_project.h"
#include "model/agreement_presenter.h"
#include "model/causal_web_presenter.h"
#include "model/cmoc_builder_model.h"
#include "model/demi_presenter.h"

namespace cmoc::gui {
namespace {

std::int64_t firstCodingOf(Project& p, const std::string& code, const std::string& coder = "AJ") {
  CodingFilter f;
  f.codes = {code};
  f.coders = {coder};
  return Coding(p).list(f).at(0).id;
}

TEST(CmocBuilderModel, RendersTheSentenceLiveWithPlaceholdersForEmptySlots) {
  Project p = Project::open(test::sharedDemoProject());
  Codebook book(p);
  CmocBuilderModel b;
  EXPECT_EQ(b.missing(), "choose a context, a mechanism and an outcome");
  b.setCode(Slot::Mechanism, book.find("Trust"));
  EXPECT_EQ(b.sentence(), "\xE2\x80\xA6 (context) triggers trust (mechanism), leading to \xE2\x80\xA6 (outcome)");
  b.setCode(Slot::Context, book.find("Quick wins"));
  b.setCode(Slot::Outcome, book.find("Collaborative behaviour"));
  EXPECT_TRUE(b.complete());
  EXPECT_EQ(b.actionStatement(), "If quick wins, then collaborative behaviour, because trust");
  EXPECT_EQ(b.slotText(Slot::Context), "Quick wins  (0 excerpts)");
  EXPECT_TRUE(b.wrongKind().empty());
}

TEST(CmocBuilderModel, EvidenceFillsAnEmptySlotWithItsCodeAndSavesThroughCore) {
  test::TempDir dir;
  Project p = Project::open(test::copyDemoProject(dir));
  p.setCoder("KL");
  Codebook book(p);
  CmocBuilderModel b;
  const auto quick = firstCodingOf(p, "Contexts/Quick wins");
  const auto trust = firstCodingOf(p, "Mechanisms/Trust");
  b.addEvidence(Slot::Context, book.find("Quick wins"), quick);
  b.addEvidence(Slot::Context, book.find("Quick wins"), quick);  // once only
  b.addEvidence(Slot::Mechanism, book.find("Trust"), trust);
  b.setCode(Slot::Outcome, book.find("Collaborative behaviour"));
  b.setStatus(CmocStatus::Refines);
  EXPECT_EQ(b.slotText(Slot::Context), "Quick wins  (1 excerpt)");
  const Cmoc saved = b.save(p);
  EXPECT_EQ(saved.coder, "KL");
  EXPECT_EQ(saved.status, CmocStatus::Refines);
  ASSERT_EQ(saved.context.evidence.size(), 1u);
  EXPECT_EQ(saved.context.evidence[0].codingId, quick);
  EXPECT_EQ(saved.mechanism.evidence[0].codingId, trust);
}

TEST(CmocBuilderModel, ChainToNextStartsFromTheOutcomeAndLinksOnSave) {
  test::TempDir dir;
  Project p = Project::open(test::copyDemoProject(dir));
  p.setCoder("KL");
  Codebook book(p);
  CmocBuilderModel b;
  b.setCode(Slot::Context, book.find("Slow pace of development"));
  b.setCode(Slot::Mechanism, book.find("Conflict"));
  b.setCode(Slot::Outcome, book.find("Reduced faith"));
  const Cmoc first = b.save(p);
  b.chainNext(first);
  EXPECT_EQ(b.slot(Slot::Context).name, "Reduced faith");
  EXPECT_EQ(b.chainFrom(), first.id);
  // An outcome code in the context slot is another kind: core refuses it unless forced.
  EXPECT_EQ(b.wrongKind(), std::vector<Slot>{Slot::Context});
  b.setCode(Slot::Mechanism, book.find("Faith"));
  b.setCode(Slot::Outcome, book.find("Reduced faith"));
  EXPECT_THROW(b.save(p), UsageError);
  const Cmoc second = b.save(p, KindCheck::Force);
  bool linked = false;
  for (const CmocLink& l : Cmocs(p).links()) linked = linked || (l.from == first.id && l.to == second.id);
  EXPECT_TRUE(linked);
  EXPECT_FALSE(b.chainFrom());
}

TEST(CmocBuilderModel, SavingAnIncompleteCmocSaysWhatIsMissing) {
  test::TempDir dir;
  Project p = Project::open(test::copyDemoProject(dir));
  CmocBuilderModel b;
  b.setCode(Slot::Mechanism, Codebook(p).find("Trust"));
  try {
    b.save(p);
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "to save the CMOC, choose a context and an outcome");
  }
}

TEST(DemiPresenter, RowsPerMechanismFlagCmocsBelowTheMultipleSourcesRule) {
  test::TempDir dir;
  Project p = Project::open(test::copyDemoProject(dir));
  p.setCoder("KL");
  Codebook book(p);
  // A CMOC backed by one source only fails the rule.
  CmocBuilderModel b;
  b.addEvidence(Slot::Mechanism, book.find("Trust"), firstCodingOf(p, "Mechanisms/Trust"));
  b.setCode(Slot::Context, book.find("Interoperable IT"));
  b.setCode(Slot::Outcome, book.find("Cost savings"));
  b.save(p);
  DemiPresenter d;
  d.reload(p);
  ASSERT_FALSE(d.rows().empty());
  const DemiRow* trust = nullptr;
  for (const auto& r : d.rows())
    if (r.mechanism == "Trust") trust = &r;
  ASSERT_TRUE(trust);
  EXPECT_TRUE(trust->warn);
  EXPECT_EQ(trust->belowRule, "1 CMOC (1 source)");
  EXPECT_EQ(trust->cmocs, 4);
}

TEST(DemiPresenter, DrillDownQuotesEachExcerptWithItsAttribution) {
  Project p = Project::open(test::sharedDemoProject());
  DemiPresenter d;
  d.reload(p);
  std::size_t trustRow = 0;
  for (std::size_t i = 0; i < d.rows().size(); ++i)
    if (d.rows()[i].mechanism == "Trust") trustRow = i;
  const auto cmocs = d.drill(p, trustRow);
  ASSERT_FALSE(cmocs.empty());
  std::size_t quotes = 0;
  for (const DrillCmoc& c : cmocs) {
    EXPECT_NE(c.sentence.find("triggers trust (mechanism)"), std::string::npos) << c.sentence;
    EXPECT_TRUE(c.statement.starts_with("If "));
    for (const Quote& q : c.quotes) {
      ++quotes;
      EXPECT_FALSE(q.text.empty());
      EXPECT_FALSE(q.attribution.empty());
      EXPECT_EQ(std::string(text::sliceCodePoints(p.sourceText(q.sourceId), q.start, q.end)), q.text);
    }
  }
  EXPECT_GT(quotes, 5u);
}

TEST(CausalWebPresenter, RendersAndFindsTheNodeUnderAClick) {
  Project p = Project::open(test::sharedDemoProject());
  CausalWebPresenter w;
  w.reload(p);
  ASSERT_FALSE(w.png().empty());
  EXPECT_EQ(w.png().substr(1, 3), "PNG");
  ASSERT_EQ(w.boxes().size(), w.web().nodes.size());
  for (const NodeBox& b : w.boxes()) {
    EXPECT_GE(b.x0, 0.0);
    EXPECT_LE(b.x1, 1.0);
    EXPECT_LT(b.y0, b.y1);
    EXPECT_EQ(w.nodeAt((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2), b.codeId);
  }
  EXPECT_FALSE(w.nodeAt(-0.5, -0.5));
  const std::int64_t trust = Codebook(p).find("Trust").id;
  const auto cmocs = w.cmocsOf(p, trust);
  EXPECT_EQ(cmocs.size(), 3u);
  EXPECT_NE(w.summary().find("6 CMOCs"), std::string::npos);
}

TEST(CausalWebPresenter, ParsesGraphvizNodeBoxesInImageFractions) {
  const std::string svg = R"svg(<svg width="200pt" height="100pt" viewBox="0.00 0.00 200.00 100.00">
    <g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(4 96)">
      <g id="node1" class="node"><title>code7</title>
        <ellipse cx="46" cy="-46" rx="40" ry="20"/><text x="46" y="-42">Trust</text></g>
      <g id="edge1" class="edge"><title>code7&#45;&gt;code9</title><path d="M0,0 C1,1 2,2 3,3"/></g>
    </g></svg>)svg";
  const auto boxes = CausalWebPresenter::parseNodeBoxes(svg);
  ASSERT_EQ(boxes.size(), 1u);
  EXPECT_EQ(boxes[0].codeId, 7);
  EXPECT_DOUBLE_EQ(boxes[0].x0, (6 + 4) / 200.0);
  EXPECT_DOUBLE_EQ(boxes[0].x1, (86 + 4) / 200.0);
  EXPECT_DOUBLE_EQ(boxes[0].y0, (-66 + 96) / 100.0);
  EXPECT_DOUBLE_EQ(boxes[0].y1, (-26 + 96) / 100.0);
  EXPECT_TRUE(CausalWebPresenter::parseNodeBoxes("not svg").empty());
}

TEST(AgreementPresenter, RowsPerCodeAndOverallFromCoresReport) {
  Project p = Project::open(test::sharedDemoProject());
  EXPECT_EQ(knownCoders(p), (std::vector<std::string>{"AJ", "RM"}));
  AgreementOptions o;
  o.coders = {"AJ", "RM"};
  o.codes = {"Mechanisms/Trust"};
  AgreementPresenter a;
  a.show(AgreementPresenter::compute(test::sharedDemoProject(), o));
  ASSERT_EQ(a.rows().size(), 2u);
  EXPECT_EQ(a.rows()[0].code, "Mechanisms/Trust");
  EXPECT_TRUE(a.rows()[1].overall);
  EXPECT_NE(a.rows()[0].kappa, "n/a");
  EXPECT_NE(a.heading().find("coders AJ, RM"), std::string::npos);
  EXPECT_FALSE(a.method().empty());
  EXPECT_EQ(AgreementPresenter::formatCoefficient(agreement::Coefficient::of(0.8456)), "0.85");
  EXPECT_EQ(AgreementPresenter::formatCoefficient(agreement::Coefficient::undefined("x")), "n/a");
}

TEST(AgreementPresenter, DisagreementsSideBySideAndAdjudicationIntoAConsensusCoder) {
  test::TempDir dir;
  Project p = Project::open(test::copyDemoProject(dir));
  p.setCoder("AJ");
  AgreementPresenter a;
  DisagreementOptions o;
  o.coders = {"AJ", "RM"};
  o.codes = {"Mechanisms/Trust"};
  a.loadDisagreements(p, o);
  ASSERT_FALSE(a.disagreements().empty());
  const DisagreementRow d = a.disagreements()[0];
  EXPECT_NE(d.appliedA, d.appliedB);
  EXPECT_EQ(d.code, "Trust");
  EXPECT_FALSE(d.text.empty());
  const auto res = AgreementPresenter::adjudicateOne(p, "AJ", "RM", "consensus", d.id,
                                                     d.appliedA ? Decision::A : Decision::B);
  EXPECT_EQ(res.decisions, 1);
  CodingFilter f;
  f.coders = {"consensus"};
  EXPECT_FALSE(Coding(p).list(f).empty());
}

}  // namespace
}  // namespace cmoc::gui

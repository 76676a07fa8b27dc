// Disagreements between coders and adjudicating them into a consensus coder's codings.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "cmoc/adjudication.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "test_support.h"

using namespace cmoc;

namespace {

using Spans = std::vector<std::pair<std::int64_t, std::int64_t>>;

// 100 characters; ana codes Trust [0, 40); ben codes Trust [20, 60) and Faith [50, 70).
struct Fixture {
  test::TempDir dir;
  Project project = Project::create(dir / "a.cmoc");
  Fixture(const std::string& source = "s.txt") {
    std::string text;
    for (int i = 0; i < 10; ++i) text += "abcdefghij";
    project.addTranscript({source, "text", text, {{"P", 0, 100, {}, {}}}});
    project.setCoder("ana");
    Codebook(project).add({.name = "Trust"});
    Codebook(project).add({.name = "Faith"});
    Coding(project).apply(source, "Trust", 0, 40);
    project.setCoder("ben");
    Coding(project).apply(source, "Trust", 20, 60);
    Coding(project).apply(source, "Faith", 50, 70);
    project.setCoder("lead");  // who adjudicates
  }
  Spans consensus(const std::string& code) {
    Spans out;
    for (const CodingRecord& r : Coding(project).list({.codes = {code}, .coders = {"agreed"}}))
      out.emplace_back(r.start, r.end);
    return out;
  }
  AdjudicationResult run(std::optional<AdjudicationRule> rule,
                         std::vector<std::pair<std::string, Decision>> decisions = {}) {
    AdjudicationRequest r{"ana", "ben", "agreed", rule, std::move(decisions)};
    return adjudicate(project, r);
  }
};

std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST(Disagreements, CharacterLevelRunsWithSourceSpanTextAndEachCodersCodes) {
  Fixture f;
  const auto list = listDisagreements(f.project, {.coders = {"ana", "ben"}});
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].id, "s.txt:0-20:Trust");
  EXPECT_EQ(list[0].text, "abcdefghijabcdefghij");
  EXPECT_EQ(list[0].applied, (std::vector<bool>{true, false}));
  EXPECT_EQ(list[0].codesByCoder[0], std::vector<std::string>{"Trust"});
  EXPECT_TRUE(list[0].codesByCoder[1].empty());
  EXPECT_EQ(list[1].id, "s.txt:40-60:Trust");
  EXPECT_EQ(list[1].applied, (std::vector<bool>{false, true}));
  EXPECT_EQ(list[1].codesByCoder[1], (std::vector<std::string>{"Trust", "Faith"}));
  EXPECT_EQ(list[2].id, "s.txt:50-70:Faith");
  EXPECT_EQ(list[2].source, "s.txt");
  EXPECT_EQ(list[2].start, 50);
  EXPECT_EQ(list[2].end, 70);
  EXPECT_TRUE(list[2].unit.empty());
  // Only the codes asked for.
  EXPECT_EQ(listDisagreements(f.project, {.coders = {"ana", "ben"}, .codes = {"Faith"}}).size(), 1u);
}

TEST(Disagreements, UnitLevelListsUnitsSomeCodersCoded) {
  test::TempDir dir;
  Project p = Project::create(dir / "u.cmoc");
  p.addTranscript({"u.txt", "text", "First one. Second one. Third one.", {{"P", 0, 33, {}, {}}}});
  Codebook(p).add({.name = "Trust"});
  p.setCoder("ana");
  Coding(p).apply("u.txt", "Trust", 0, 5);
  Coding(p).apply("u.txt", "Trust", 12, 14);
  p.setCoder("ben");
  Coding(p).apply("u.txt", "Trust", 2, 3);
  const auto list = listDisagreements(p, {.coders = {"ana", "ben"}, .unit = AgreementUnit::Sentence});
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].unit, "sentence 2");
  EXPECT_EQ(list[0].id, "u.txt:11-22:Trust");
  EXPECT_EQ(list[0].text, "Second one.");
}

TEST(Adjudication, RulesKeepAgreedTextAndResolveTheRest) {
  const std::vector<std::tuple<AdjudicationRule, Spans, Spans>> cases = {
      {AdjudicationRule::AcceptA, {{0, 40}}, {}},
      {AdjudicationRule::AcceptB, {{20, 60}}, {{50, 70}}},
      {AdjudicationRule::Union, {{0, 60}}, {{50, 70}}},
      {AdjudicationRule::Intersection, {{20, 40}}, {}},
      {AdjudicationRule::Drop, {{20, 40}}, {}},
  };
  for (const auto& [rule, trust, faith] : cases) {
    Fixture f;
    const AdjudicationResult r = f.run(rule);
    EXPECT_EQ(r.decisions, 3) << toString(rule);
    EXPECT_EQ(f.consensus("Trust"), trust) << toString(rule);
    EXPECT_EQ(f.consensus("Faith"), faith) << toString(rule);
  }
}

TEST(Adjudication, IsOneUndoableActionWithEveryDecisionAudited) {
  Fixture f;
  f.run(AdjudicationRule::Union);
  EXPECT_EQ(f.project.history(1).at(0).label, "adjudicate ana and ben as agreed (union)");
  int decisions = 0;
  for (const AuditEntry& e : f.project.auditLog())
    if (e.action == "adjudicate") {
      ++decisions;
      EXPECT_EQ(e.coder, "lead");
      EXPECT_EQ(e.entityKind, "disagreement");
      EXPECT_NE(e.detail.find("\"decision\":\"both\""), std::string::npos) << e.detail;
    }
  EXPECT_EQ(decisions, 3);
  EXPECT_EQ(Coding(f.project).list().size(), 5u);
  EXPECT_EQ(f.project.undo(), "adjudicate ana and ben as agreed (union)");
  EXPECT_EQ(Coding(f.project).list().size(), 3u);  // only ana's and ben's
}

TEST(Adjudication, RunningARuleAgainKeepsWhatIsThere) {
  Fixture f;
  f.run(AdjudicationRule::Union);
  const AdjudicationResult again = f.run(AdjudicationRule::Union);
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.removed, 0);
  EXPECT_EQ(again.kept, 2);
  const AdjudicationResult other = f.run(AdjudicationRule::Intersection);
  EXPECT_EQ(other.removed, 2);
  EXPECT_EQ(other.added, 1);
  EXPECT_EQ(f.consensus("Trust"), (Spans{{20, 40}}));
}

TEST(Adjudication, DecisionsOneByOne) {
  Fixture f;
  AdjudicationResult r = f.run(std::nullopt, {{"s.txt:0-20:Trust", Decision::A}});
  EXPECT_EQ(r.decisions, 1);
  EXPECT_EQ(f.consensus("Trust"), (Spans{{0, 40}}));  // A's part plus the agreed part
  EXPECT_TRUE(f.consensus("Faith").empty());         // not decided: untouched
  r = f.run(std::nullopt, {{"s.txt:40-60:Trust", Decision::B}, {"s.txt:50-70:Faith", Decision::None}});
  EXPECT_EQ(f.consensus("Trust"), (Spans{{0, 60}}));
  EXPECT_TRUE(f.consensus("Faith").empty());
  // A decision overrides the rule where it applies.
  Fixture g;
  g.run(AdjudicationRule::Union, {{"s.txt:0-20:Trust", Decision::None}});
  EXPECT_EQ(g.consensus("Trust"), (Spans{{20, 60}}));
  EXPECT_EQ(g.consensus("Faith"), (Spans{{50, 70}}));
}

TEST(Adjudication, IdsWorkForAwkwardAndRepeatedSourceNames) {
  Fixture f("focus group: 2.txt");
  f.run(std::nullopt, {{"focus group: 2.txt:0-20:Trust", Decision::A}});
  EXPECT_EQ(f.consensus("Trust"), (Spans{{0, 40}}));
  // A second source with the same name: ids name sources by id.
  f.project.addTranscript({"focus group: 2.txt", "text", std::string(50, 'z'), {}});
  f.project.setCoder("ana");
  Coding(f.project).apply("2", "Trust", 0, 10);
  f.project.setCoder("ben");
  Coding(f.project).apply("2", "Faith", 0, 10);
  const auto list = listDisagreements(f.project, {.coders = {"ana", "ben"}, .sources = {"2"}});
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, "2:0-10:Trust");
  f.project.setCoder("lead");
  f.run(std::nullopt, {{"2:0-10:Trust", Decision::A}});
  EXPECT_EQ(Coding(f.project).list({.sources = {"2"}, .coders = {"agreed"}}).size(), 1u);
}

TEST(Adjudication, BadRequestsAreRefused) {
  Fixture f;
  EXPECT_EQ(errorOf([&] { adjudicate(f.project, {"ana", "ben", "ana", AdjudicationRule::Union}); }),
            "the consensus coder 'ana' must be someone other than the coders adjudicated");
  EXPECT_EQ(errorOf([&] { f.run(std::nullopt); }),
            "nothing to adjudicate: give a --rule or --decide ID=a|b|both|none");
  EXPECT_EQ(errorOf([&] { f.run(std::nullopt, {{"s.txt:20-40:Trust", Decision::A}}); }),
            "no disagreement between ana and ben at 's.txt:20-40:Trust' (list the current ones "
            "with `cmoc disagreements`)");
  EXPECT_EQ(errorOf([&] { f.run(std::nullopt, {{"nonsense", Decision::A}}); }),
            "'nonsense' is not a disagreement id (SOURCE:START-END:CODE, as listed by "
            "`cmoc disagreements`)");
  EXPECT_EQ(errorOf([&] { adjudicate(f.project, {"ana", "zed", "agreed", AdjudicationRule::Union}); }),
            "no coder named 'zed'; the project's coders are ana, ben");
  EXPECT_THROW(parseAdjudicationRule("majority"), UsageError);
  EXPECT_THROW(parseDecision("maybe"), UsageError);
  EXPECT_EQ(Coding(f.project).list().size(), 3u);  // nothing was written
}

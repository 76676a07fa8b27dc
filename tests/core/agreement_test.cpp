// computeAgreement() through a real project: sources whose turns, sentences and lines are the
// units, codes (a group's children as categories), and codings per coder, the way `cmoc agree`
// computes them. Published reference values, hand-computed character-level cases, properties.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "cmoc/agreement.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "test_support.h"

using namespace cmoc;

namespace {

constexpr int M = -1;  // a coder who gave the unit no value

struct Study {
  test::TempDir dir;
  Project project = Project::create(dir / "study.cmoc");

  // `n` lines "P: <name> statement k.", each one turn, one sentence and one paragraph.
  void addStatements(const std::string& name, int n) {
    Transcript t{name, "text", "", {}};
    for (int k = 1; k <= n; ++k) {
      const std::string said = name + " statement " + std::to_string(k) + ".";
      const auto start = static_cast<std::int64_t>(t.text.size()) + 3;
      t.text += "P: " + said + "\n";
      t.turns.push_back({"P", start, start + static_cast<std::int64_t>(said.size()), {}, {}});
    }
    project.addTranscript(t);
  }
  // One turn holding all of `text` (code points count, not bytes).
  void addText(const std::string& name, const std::string& body) {
    project.addTranscript({name, "text", body, {{"P", 0, text::codePointCount(body), {}, {}}}});
  }
  void addCode(const std::string& name, std::optional<std::string> parent = std::nullopt) {
    Codebook(project).add({.name = name, .parent = parent});
  }
  void addGroup(const std::string& parent, const std::vector<std::string>& children) {
    addCode(parent);
    for (const auto& c : children) addCode(c, parent);
  }
  void code(const std::string& coder, const std::string& source, const std::string& code,
            std::int64_t start, std::int64_t end) {
    project.setCoder(coder);
    Coding(project).apply(source, code, start, end);
  }
  void codeTurn(const std::string& coder, const std::string& source, int turn, const std::string& code) {
    project.setCoder(coder);
    Coding(project).applyToTurn(source, turn, code);
  }
  // Coder c gives unit u (turn u + 1) the category values[c][u] of group `parent`.
  void codeTable(const std::string& source, const std::string& parent,
                 const std::vector<std::string>& coders, const std::vector<std::vector<int>>& values) {
    for (std::size_t c = 0; c < coders.size(); ++c)
      for (std::size_t u = 0; u < values[c].size(); ++u)
        if (values[c][u] != M)
          codeTurn(coders[c], source, static_cast<int>(u + 1), parent + "/" + std::to_string(values[c][u]));
  }
  AgreementReport agree(AgreementOptions o) { return computeAgreement(project, o); }
};

double value(const agreement::Coefficient& c) {
  EXPECT_TRUE(c.value) << c.reason;
  return c.value.value_or(-99);
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", nominal example.
const std::vector<std::vector<int>> kKrippendorff = {
    {1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M},
    {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3},
    {M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M},
    {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M},
};

}  // namespace

TEST(Agreement, KrippendorffWorkedExampleThroughAGroupGivesPublishedAlpha) {
  Study s;
  s.addStatements("k.txt", 12);
  s.addGroup("Value", {"1", "2", "3", "4", "5"});
  s.codeTable("k.txt", "Value", {"A", "B", "C", "D"}, kKrippendorff);
  for (AgreementUnit unit : {AgreementUnit::Turn, AgreementUnit::Sentence, AgreementUnit::Paragraph}) {
    const AgreementReport r =
        s.agree({.coders = {"A", "B", "C", "D"}, .group = "Value", .unit = unit});
    EXPECT_TRUE(r.overall.nominal);
    EXPECT_EQ(r.overall.units, 12) << toString(unit);
    EXPECT_NEAR(value(r.overall.alpha), 0.743, 0.0005) << toString(unit);
    EXPECT_NEAR(value(r.overall.alpha), 0.7434210526, 1e-9);
    EXPECT_EQ(r.codes.size(), 5u);  // one coded / not coded row per category
    EXPECT_EQ(r.overall.pairs.size(), 6u);
    EXPECT_EQ(r.overall.pairs[0].counts.units, 9);  // A and B both categorised units 1-9
  }
}

TEST(Agreement, FleissDiagnosesThroughAGroupGivePublishedKappa) {
  // Fleiss (1971): 30 patients, 6 ratings each, 5 diagnoses (irr's `diagnoses`), by patient.
  const std::vector<std::vector<int>> byPatient = {
      {4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5},
      {2, 2, 2, 4, 4, 4}, {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4},
      {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5}, {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4},
      {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5}, {3, 3, 3, 3, 3, 5},
      {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
      {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4},
      {1, 4, 4, 4, 4, 5}, {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4},
      {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5}};
  std::vector<std::vector<int>> byRater(6);
  for (const auto& patient : byPatient) {
    ASSERT_EQ(patient.size(), 6u);
    for (std::size_t r = 0; r < 6; ++r) byRater[r].push_back(patient[r]);
  }
  Study s;
  s.addStatements("patients.txt", 30);
  s.addGroup("Diagnosis", {"1", "2", "3", "4", "5"});
  const std::vector<std::string> raters = {"r1", "r2", "r3", "r4", "r5", "r6"};
  s.codeTable("patients.txt", "Diagnosis", raters, byRater);
  const AgreementReport r = s.agree({.coders = raters, .group = "Diagnosis", .unit = AgreementUnit::Turn});
  EXPECT_NEAR(value(r.overall.fleissKappa), 0.430, 0.0005);
  EXPECT_EQ(r.overall.units, 30);
  EXPECT_FALSE(r.overall.cohenKappa.value);  // six coders: Cohen's kappa is per pair
}

TEST(Agreement, CohenTextbookExampleThroughOneCode) {
  // 50 units: both coded 20, only A 5, only B 10, neither 15 -> kappa 0.4 (Wikipedia,
  // "Cohen's kappa"). As a code applied or not, and as a group of two categories.
  Study s;
  s.addStatements("proposals.txt", 50);
  s.addCode("Fund");
  s.addGroup("Decision", {"Yes", "No"});
  for (int u = 1; u <= 50; ++u) {
    const bool a = u <= 25, b = u <= 20 || (u > 25 && u <= 35);
    if (a) s.codeTurn("ana", "proposals.txt", u, "Fund");
    if (b) s.codeTurn("ben", "proposals.txt", u, "Fund");
    s.codeTurn("ana", "proposals.txt", u, a ? "Decision/Yes" : "Decision/No");
    s.codeTurn("ben", "proposals.txt", u, b ? "Decision/Yes" : "Decision/No");
  }
  const AgreementReport r =
      s.agree({.coders = {"ana", "ben"}, .codes = {"Fund"}, .unit = AgreementUnit::Turn});
  ASSERT_EQ(r.codes.size(), 1u);
  const CodeAgreement& fund = r.codes[0];
  EXPECT_EQ(fund.code, "Fund");
  EXPECT_EQ(fund.units, 50);
  const agreement::PairCounts& c = fund.pairs.at(0).counts;
  EXPECT_EQ(c.both, 20);
  EXPECT_EQ(c.aOnly, 5);
  EXPECT_EQ(c.bOnly, 10);
  EXPECT_EQ(c.neither, 15);
  EXPECT_NEAR(value(fund.percent), 0.7, 1e-12);
  EXPECT_NEAR(value(fund.cohenKappa), 0.4, 1e-12);
  EXPECT_NEAR(value(fund.alpha), 0.4, 1e-12);
  EXPECT_NEAR(value(r.overall.cohenKappa), 0.4, 1e-12);  // one code: pooled is the same

  const AgreementReport g =
      s.agree({.coders = {"ana", "ben"}, .group = "Decision", .unit = AgreementUnit::Turn});
  EXPECT_NEAR(value(g.overall.cohenKappa), 0.4, 1e-12);
  EXPECT_NEAR(value(g.overall.alpha), 0.4, 1e-12);
}

TEST(Agreement, CharacterLevelCountsEachCodePoint) {
  // 100 code points (200 bytes). ana codes [0, 40), ben [20, 60):
  // both 20, ana only 20, ben only 20, neither 40. p_o = 0.6, p_e = 0.4*0.4 + 0.6*0.6 = 0.52,
  // kappa = 0.08 / 0.48; alpha = 1 - 199 * 80 / (200^2 - 80^2 - 120^2).
  Study s;
  std::string text;
  for (int i = 0; i < 100; ++i) text += "\xC3\xA9";  // é
  s.addText("e.txt", text);
  s.addCode("Trust");
  s.code("ana", "e.txt", "Trust", 0, 40);
  s.code("ben", "e.txt", "Trust", 20, 60);
  const AgreementReport r = s.agree({.coders = {"ana", "ben"}});
  ASSERT_EQ(r.codes.size(), 1u);
  const CodeAgreement& t = r.codes[0];
  EXPECT_EQ(t.units, 100);
  const agreement::PairCounts& c = t.pairs[0].counts;
  EXPECT_EQ(c.both, 20);
  EXPECT_EQ(c.aOnly, 20);
  EXPECT_EQ(c.bOnly, 20);
  EXPECT_EQ(c.neither, 40);
  EXPECT_NEAR(value(t.percent), 0.6, 1e-12);
  EXPECT_NEAR(value(t.cohenKappa), 0.08 / 0.48, 1e-12);
  EXPECT_NEAR(value(t.alpha), 1 - 199.0 * 80 / (40000 - 6400 - 14400), 1e-12);

  // Counting only what someone coded: 60 characters, none "neither";
  // p_o = 1/3, p_e = 4/9 + 1/9, kappa = (1/3 - 5/9) / (4/9) = -0.5.
  const AgreementReport only = s.agree({.coders = {"ana", "ben"}, .codedOnly = true});
  EXPECT_EQ(only.codes[0].units, 60);
  EXPECT_EQ(only.codes[0].pairs[0].counts.neither, 0);
  EXPECT_NEAR(value(only.codes[0].cohenKappa), -0.5, 1e-12);
  EXPECT_NE(only.method().find("Only units that at least one coder coded"), std::string::npos);
  EXPECT_NE(r.method().find("All units were counted"), std::string::npos);
}

TEST(Agreement, OverlappingAndSplitCodingsOfOneCoderCountOnceInAnyOrder) {
  Study s;
  s.addText("a.txt", std::string(100, 'a'));
  s.addText("b.txt", std::string(100, 'b'));
  s.addCode("Trust");
  // a.txt: ana's [0, 40) as one coding; b.txt: the same coverage in three overlapping pieces
  // applied out of order.
  s.code("ana", "a.txt", "Trust", 0, 40);
  s.code("ana", "b.txt", "Trust", 30, 40);
  s.code("ana", "b.txt", "Trust", 0, 20);
  s.code("ana", "b.txt", "Trust", 10, 35);
  s.code("ben", "b.txt", "Trust", 20, 60);
  s.code("ben", "a.txt", "Trust", 20, 60);
  const auto a = s.agree({.coders = {"ana", "ben"}, .sources = {"a.txt"}});
  const auto b = s.agree({.coders = {"ana", "ben"}, .sources = {"b.txt"}});
  EXPECT_EQ(a.codes[0].pairs[0].counts.aOnly, b.codes[0].pairs[0].counts.aOnly);
  EXPECT_EQ(a.codes[0].pairs[0].counts.both, b.codes[0].pairs[0].counts.both);
  EXPECT_DOUBLE_EQ(value(a.codes[0].cohenKappa), value(b.codes[0].cohenKappa));
  EXPECT_DOUBLE_EQ(value(a.codes[0].alpha), value(b.codes[0].alpha));
}

TEST(Agreement, IsSymmetricInTheCoders) {
  Study s;
  s.addText("a.txt", std::string(200, 'x'));
  s.addCode("Trust");
  s.addCode("Faith");
  s.code("ana", "a.txt", "Trust", 0, 50);
  s.code("ana", "a.txt", "Faith", 100, 150);
  s.code("ben", "a.txt", "Trust", 30, 70);
  s.code("ben", "a.txt", "Faith", 90, 120);
  const auto ab = s.agree({.coders = {"ana", "ben"}}), ba = s.agree({.coders = {"ben", "ana"}});
  ASSERT_EQ(ab.codes.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_DOUBLE_EQ(value(ab.codes[i].cohenKappa), value(ba.codes[i].cohenKappa));
    EXPECT_DOUBLE_EQ(value(ab.codes[i].alpha), value(ba.codes[i].alpha));
    EXPECT_EQ(ab.codes[i].pairs[0].counts.aOnly, ba.codes[i].pairs[0].counts.bOnly);
  }
  EXPECT_DOUBLE_EQ(value(ab.overall.cohenKappa), value(ba.overall.cohenKappa));
}

TEST(Agreement, IdenticalCodingGivesOne) {
  Study s;
  s.addStatements("s.txt", 6);
  s.addCode("Trust");
  s.addCode("Faith");
  for (const char* coder : {"ana", "ben", "cy"}) {
    s.codeTurn(coder, "s.txt", 1, "Trust");
    s.codeTurn(coder, "s.txt", 4, "Faith");
    s.code(coder, "s.txt", "Trust", 5, 9);
  }
  for (AgreementUnit unit : {AgreementUnit::Character, AgreementUnit::Sentence, AgreementUnit::Turn}) {
    const auto two = s.agree({.coders = {"ana", "ben"}, .unit = unit});
    for (const CodeAgreement& c : two.codes) {
      EXPECT_DOUBLE_EQ(value(c.percent), 1);
      EXPECT_DOUBLE_EQ(value(c.cohenKappa), 1);
      EXPECT_DOUBLE_EQ(value(c.alpha), 1);
    }
    const auto three = s.agree({.coders = {"ana", "ben", "cy"}, .unit = unit});
    EXPECT_DOUBLE_EQ(value(three.overall.fleissKappa), 1);
    EXPECT_DOUBLE_EQ(value(three.overall.alpha), 1);
  }
}

TEST(Agreement, AUnitCountsAsCodedWhenAnyPartOfItIs) {
  Study s;
  // Sentences: [0, 10) "First one.", [11, 22) "Second one.", [23, 33), [34, 45).
  s.addText("s.txt", "First one. Second one. Third one. Fourth one.");
  s.addCode("Trust");
  s.code("ana", "s.txt", "Trust", 2, 4);    // sentence 1
  s.code("ana", "s.txt", "Trust", 15, 16);  // sentence 2
  s.code("ben", "s.txt", "Trust", 12, 30);  // sentences 2 and 3
  s.code("ben", "s.txt", "Trust", 33, 34);  // only the space between 3 and 4: no sentence
  const auto r = s.agree({.coders = {"ana", "ben"}, .unit = AgreementUnit::Sentence});
  const agreement::PairCounts& c = r.codes[0].pairs[0].counts;
  EXPECT_EQ(r.codes[0].units, 4);
  EXPECT_EQ(c.both, 1);
  EXPECT_EQ(c.aOnly, 1);
  EXPECT_EQ(c.bOnly, 1);
  EXPECT_EQ(c.neither, 1);
  const auto coded = s.agree({.coders = {"ana", "ben"}, .unit = AgreementUnit::Sentence, .codedOnly = true});
  EXPECT_EQ(coded.codes[0].units, 3);
}

TEST(Agreement, SourcesCodedByOneCoderAreReportedAndLeftOutUnlessAsked) {
  Study s;
  s.addStatements("both.txt", 4);
  s.addStatements("only-ana.txt", 4);
  s.addStatements("nobody.txt", 4);
  s.addCode("Trust");
  s.codeTurn("ana", "both.txt", 1, "Trust");
  s.codeTurn("ben", "both.txt", 1, "Trust");
  s.codeTurn("ana", "only-ana.txt", 2, "Trust");
  const auto r = s.agree({.coders = {"ana", "ben"}, .unit = AgreementUnit::Turn});
  EXPECT_EQ(r.sourcesCompared, 1);
  EXPECT_EQ(r.sourcesUncoded, 1);
  ASSERT_EQ(r.partialSources.size(), 1u);
  EXPECT_EQ(r.partialSources[0].source, "only-ana.txt");
  EXPECT_EQ(r.partialSources[0].codedBy, std::vector<std::string>{"ana"});
  EXPECT_FALSE(r.partialSources[0].compared);
  EXPECT_EQ(r.codes[0].units, 4);
  EXPECT_EQ(r.codes[0].pairs[0].counts.aOnly, 0);
  EXPECT_NE(r.method().find("1 source coded by only one coder was left out"), std::string::npos);

  const auto all = s.agree({.coders = {"ana", "ben"}, .unit = AgreementUnit::Turn,
                            .includeSingleCoderSources = true});
  EXPECT_EQ(all.sourcesCompared, 2);
  EXPECT_EQ(all.codes[0].units, 8);
  EXPECT_EQ(all.codes[0].pairs[0].counts.aOnly, 1);
  EXPECT_TRUE(all.partialSources[0].compared);
}

TEST(Agreement, ACoderMissingFromASourceIsMissingNotDisagreeing) {
  Study s;
  s.addStatements("one.txt", 4);
  s.addStatements("two.txt", 4);
  s.addCode("Trust");
  for (const char* c : {"ana", "ben", "cy"}) s.codeTurn(c, "one.txt", 1, "Trust");
  s.codeTurn("ana", "two.txt", 1, "Trust");
  s.codeTurn("ben", "two.txt", 1, "Trust");  // cy did not code two.txt
  const auto r = s.agree({.coders = {"ana", "ben", "cy"}, .unit = AgreementUnit::Turn});
  EXPECT_EQ(r.sourcesCompared, 2);
  EXPECT_DOUBLE_EQ(value(r.codes[0].alpha), 1);
  ASSERT_EQ(r.codes[0].pairs.size(), 3u);
  EXPECT_EQ(r.codes[0].pairs[0].counts.units, 8);  // ana, ben: both sources
  EXPECT_EQ(r.codes[0].pairs[1].counts.units, 4);  // ana, cy: one.txt only
  EXPECT_EQ(r.codes[0].cohenKappa.reason, "Cohen's kappa compares two coders; see the pairs");
}

TEST(Agreement, TheOverallRowPoolsTheCodes) {
  Study s;
  s.addStatements("s.txt", 10);
  s.addCode("Trust");
  s.addCode("Faith");
  s.codeTurn("ana", "s.txt", 1, "Trust");
  s.codeTurn("ben", "s.txt", 1, "Trust");
  s.codeTurn("ana", "s.txt", 2, "Faith");
  s.codeTurn("ben", "s.txt", 3, "Faith");
  const auto r = s.agree({.coders = {"ana", "ben"}, .unit = AgreementUnit::Turn});
  const agreement::PairCounts& c = r.overall.pairs[0].counts;
  EXPECT_EQ(r.overall.units, 20);
  EXPECT_EQ(c.both, 1);
  EXPECT_EQ(c.aOnly, 1);
  EXPECT_EQ(c.bOnly, 1);
  EXPECT_EQ(c.neither, 17);
  EXPECT_EQ(r.overall.code, "All codes (pooled)");
}

TEST(Agreement, ACodeNobodyAppliedIsNotApplicableWithAReason) {
  Study s;
  s.addStatements("s.txt", 3);
  s.addCode("Trust");
  s.addCode("Faith");
  for (int turn = 1; turn <= 3; ++turn) {
    s.codeTurn("ana", "s.txt", turn, "Trust");
    s.codeTurn("ben", "s.txt", turn, "Trust");
  }
  const auto r = s.agree({.coders = {"ana", "ben"}, .codes = {"Faith"}, .unit = AgreementUnit::Turn});
  EXPECT_DOUBLE_EQ(value(r.codes[0].percent), 1);
  EXPECT_FALSE(r.codes[0].cohenKappa.value);
  EXPECT_EQ(r.codes[0].cohenKappa.reason, "no variation: no coder applied this code in the units compared");
  EXPECT_EQ(r.codes[0].alpha.reason, r.codes[0].cohenKappa.reason);
  // By default only codes someone applied are compared.
  const auto d = s.agree({.coders = {"ana", "ben"}, .unit = AgreementUnit::Turn});
  ASSERT_EQ(d.codes.size(), 1u);
  EXPECT_EQ(d.codes[0].code, "Trust");
  EXPECT_EQ(d.codes[0].cohenKappa.reason, "no variation: every coder coded every unit compared with this code");
}

TEST(Agreement, TwoCategoriesFromOneCoderOnOneUnitAreAnError) {
  Study s;
  s.addStatements("s.txt", 3);
  s.addGroup("Tone", {"Warm", "Cold"});
  s.codeTurn("ana", "s.txt", 1, "Tone/Warm");
  s.codeTurn("ben", "s.txt", 1, "Tone/Warm");
  s.code("ana", "s.txt", "Tone/Warm", 27, 30);  // turn 2 is [25, 43)
  s.code("ana", "s.txt", "Tone/Cold", 32, 37);
  try {
    s.agree({.coders = {"ana", "ben"}, .group = "Tone", .unit = AgreementUnit::Turn});
    FAIL() << "expected an error";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(),
                 "coder 'ana' applied two categories of group 'Tone' to s.txt turn 2 [25, 43): "
                 "'Tone/Warm' and 'Tone/Cold'; the group's codes must be mutually exclusive");
  }
  // At the character level they do not overlap, so each character has one category...
  EXPECT_NO_THROW(s.agree({.coders = {"ana", "ben"}, .group = "Tone"}));
  // ...until they do.
  s.code("ana", "s.txt", "Tone/Cold", 28, 33);
  try {
    s.agree({.coders = {"ana", "ben"}, .group = "Tone"});
    FAIL() << "expected an error";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(),
                 "coder 'ana' applied two categories of group 'Tone' to s.txt [28, 30): "
                 "'Tone/Warm' and 'Tone/Cold'; the group's codes must be mutually exclusive");
  }
}

TEST(Agreement, AGroupCountsCodingsOfACategorysDescendants) {
  Study s;
  s.addStatements("s.txt", 2);
  s.addGroup("Tone", {"Warm", "Cold"});
  s.addCode("Very warm", "Tone/Warm");
  s.codeTurn("ana", "s.txt", 1, "Tone/Warm/Very warm");
  s.codeTurn("ben", "s.txt", 1, "Tone/Warm");
  s.codeTurn("ana", "s.txt", 2, "Tone/Cold");
  s.codeTurn("ben", "s.txt", 2, "Tone/Cold");
  const auto r = s.agree({.coders = {"ana", "ben"}, .group = "Tone", .unit = AgreementUnit::Turn});
  EXPECT_DOUBLE_EQ(value(r.overall.percent), 1);
  EXPECT_DOUBLE_EQ(value(r.overall.cohenKappa), 1);
}

TEST(Agreement, BadInputIsRefusedWithAClearMessage) {
  Study s;
  s.addStatements("s.txt", 3);
  s.addGroup("Tone", {"Warm"});
  s.addCode("Trust");
  s.codeTurn("ana", "s.txt", 1, "Trust");
  s.codeTurn("ben", "s.txt", 1, "Trust");
  s.codeTurn("cy", "s.txt", 2, "Trust");  // a coder whose only coding was removed
  Coding(s.project).remove(Coding(s.project).list({.coders = {"cy"}}).at(0).id);
  Codebook(s.project).add({.name = "Faith"});
  auto message = [&](AgreementOptions o) -> std::string {
    try {
      s.agree(o);
    } catch (const Error& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_THROW(s.agree({.coders = {"ana", "zed"}}), NotFound);
  EXPECT_EQ(message({.coders = {"ana", "zed"}}),
            "no coder named 'zed'; the project's coders are ana, ben, cy");
  EXPECT_EQ(message({.coders = {"ana"}}),
            "agreement needs at least two coders: name them with --coders A,B");
  EXPECT_EQ(message({.coders = {"ana", "ana"}}), "coder 'ana' is named twice");
  EXPECT_EQ(message({.coders = {"ana", "cy"}}), "coder 'cy' has no codings to compare");
  EXPECT_EQ(message({.coders = {"ana", "ben"}, .codes = {"Nope"}}), "no code named 'Nope'");
  EXPECT_EQ(message({.coders = {"ana", "ben"}, .group = "Nope"}), "no code named 'Nope'");
  EXPECT_EQ(message({.coders = {"ana", "ben"}, .group = "Tone"}),
            "group 'Tone' needs at least two child codes to compare as categories; it has 1");
  EXPECT_EQ(message({.coders = {"ana", "ben"}, .codes = {"Trust"}, .group = "Tone"}),
            "compare either --codes or a --group, not both");
  EXPECT_EQ(message({.coders = {"ana", "ben"}, .sources = {"nope.txt"}}), "no source named 'nope.txt'");
  // Fits an int64 but is no source's id: a name no source has.
  EXPECT_THROW(s.agree({.coders = {"ana", "ben"}, .sources = {"1234567890123456789"}}), NotFound);
  EXPECT_EQ(message({.coders = {"ana", "ben"}, .sources = {"1234567890123456789"}}),
            "no source named '1234567890123456789'");
}

TEST(Agreement, NoSourceCodedByTwoCodersIsAnError) {
  Study s;
  s.addStatements("a.txt", 2);
  s.addStatements("b.txt", 2);
  s.addCode("Trust");
  s.codeTurn("ana", "a.txt", 1, "Trust");
  s.codeTurn("ben", "b.txt", 1, "Trust");
  try {
    s.agree({.coders = {"ana", "ben"}});
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "no source was coded by two of the coders ana and ben; "
                           "--include-single-coder-sources compares sources one coder coded");
  }
}

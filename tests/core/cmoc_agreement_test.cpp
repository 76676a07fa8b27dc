// Agreement on CMOCs: hand-computed matches, the one-to-one matching, and the figures.
#include <gtest/gtest.h>

#include "cmoc/cmoc_agreement.h"
#include "cmoc/cmocs.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "test_support.h"

using namespace cmoc;

namespace {

// A CMOC with codes (c, m, o) and evidence spans in source 1.
Cmoc made(std::int64_t id, std::int64_t c, std::int64_t m, std::int64_t o,
          std::vector<std::pair<std::int64_t, std::int64_t>> spans = {}) {
  Cmoc x;
  x.id = id;
  x.context.codeId = c;
  x.mechanism.codeId = m;
  x.outcome.codeId = o;
  std::int64_t coding = id * 100;
  for (const auto& [start, end] : spans)
    x.context.evidence.push_back({.codingId = ++coding, .codeId = c, .sourceId = 1, .start = start, .end = end});
  return x;
}

}  // namespace

TEST(CmocAgreement, MatchesSameCodesWithOverlappingEvidenceOrNoneOnEitherSide) {
  const std::vector<Cmoc> a = {made(1, 10, 20, 30, {{0, 10}}), made(2, 11, 20, 30),
                               made(3, 10, 20, 30, {{50, 60}})};
  const std::vector<Cmoc> b = {made(4, 10, 20, 30, {{5, 15}}), made(5, 11, 20, 30),
                               made(6, 10, 20, 30, {{70, 80}}), made(7, 12, 20, 30, {{0, 10}})};
  const CmocAgreementReport r = matchCmocs("ana", a, "ben", b);
  ASSERT_EQ(r.matched.size(), 2u);
  EXPECT_EQ(r.matched[0].first.id, 1);
  EXPECT_EQ(r.matched[0].second.id, 4);
  EXPECT_EQ(r.matched[1].first.id, 2);
  EXPECT_EQ(r.matched[1].second.id, 5);
  ASSERT_EQ(r.aOnly.size(), 1u);
  EXPECT_EQ(r.aOnly[0].cmoc.id, 3);
  EXPECT_EQ(r.aOnly[0].reason, "ben's CMOC #4, #6 links these codes, but the evidence does not overlap");
  ASSERT_EQ(r.bOnly.size(), 2u);
  EXPECT_EQ(r.bOnly[0].reason, "ana's CMOC #1, #3 links these codes, but the evidence does not overlap");
  EXPECT_EQ(r.bOnly[1].reason, "no CMOC of ana links these codes");
  // 2 matched, 1 + 2 unmatched: 2 / 5 = 0.4; Dice 4 / 7.
  EXPECT_DOUBLE_EQ(r.proportion.value.value(), 0.4);
  EXPECT_DOUBLE_EQ(r.positive.value.value(), 4.0 / 7.0);
  EXPECT_EQ(r.counts.neither, 0);
  EXPECT_NE(r.method().find("Cohen's kappa is not reported"), std::string::npos);
}

TEST(CmocAgreement, MatchingIsOneToOneAndAsLargeAsPossible) {
  // A1 could take B4 or B5, A2 and A3 only B4: a greedy A1-B4 would leave both out.
  const std::vector<Cmoc> a = {made(1, 10, 20, 30, {{0, 10}, {40, 50}}), made(2, 10, 20, 30, {{0, 5}}),
                               made(3, 10, 20, 30, {{1, 2}})};
  const std::vector<Cmoc> b = {made(4, 10, 20, 30, {{0, 10}}), made(5, 10, 20, 30, {{45, 46}})};
  const CmocAgreementReport r = matchCmocs("ana", a, "ben", b);
  ASSERT_EQ(r.matched.size(), 2u);
  EXPECT_EQ(r.matched[0].second.id, 5);
  EXPECT_EQ(r.matched[1].second.id, 4);
  ASSERT_EQ(r.aOnly.size(), 1u);
  EXPECT_EQ(r.aOnly[0].reason,
            "ben's CMOC #4 with these codes and overlapping evidence is matched to another CMOC");
}

TEST(CmocAgreement, EvidenceOnOneSideOnlyOrTouchingSpansDoNotMatch) {
  const CmocAgreementReport r = matchCmocs("ana", {made(1, 10, 20, 30), made(2, 10, 20, 30, {{0, 10}})},
                                           "ben", {made(3, 10, 20, 30, {{10, 20}})});
  EXPECT_EQ(r.matched.size(), 0u);
  EXPECT_DOUBLE_EQ(r.proportion.value.value(), 0.0);
  const CmocAgreementReport none = matchCmocs("ana", {}, "ben", {});
  EXPECT_FALSE(none.proportion.value);
  EXPECT_EQ(none.proportion.reason, "neither coder has any CMOCs");
}

TEST(CmocAgreement, ComputedFromAProjectsCoders) {
  test::TempDir dir;
  Project p = Project::create(dir / "p.cmoc");
  p.addTranscript({"s.txt", "text", std::string(100, 'x'), {{"P", 0, 100, {}, {}}}});
  p.setCoder("ana");
  Codebook(p).add({.name = "Mandate", .kind = CodeKind::Context});
  Codebook(p).add({.name = "Trust", .kind = CodeKind::Mechanism});
  Codebook(p).add({.name = "Collaboration", .kind = CodeKind::Outcome});
  auto add = [&](const std::string& coder, std::int64_t start, std::int64_t end) {
    p.setCoder(coder);
    const auto e = Coding(p).apply("s.txt", "Mandate", start, end);
    return Cmocs(p).add({.context = "Mandate", .mechanism = "Trust", .outcome = "Collaboration",
                         .evidence = {{Slot::Context, e.id}}});
  };
  add("ana", 0, 10);
  add("ana", 50, 60);
  add("ben", 5, 15);
  const CmocAgreementReport r = computeCmocAgreement(p, "ana", "ben");
  EXPECT_EQ(r.matched.size(), 1u);
  EXPECT_EQ(r.aOnly.size(), 1u);
  EXPECT_EQ(r.bOnly.size(), 0u);
  EXPECT_DOUBLE_EQ(r.proportion.value.value(), 0.5);
  EXPECT_THROW(computeCmocAgreement(p, "ana", "zoe"), NotFound);
  EXPECT_THROW(computeCmocAgreement(p, "ana", "ana"), UsageError);
}

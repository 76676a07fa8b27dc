// Krippendorff's unitized alpha (alpha-u) against the published worked examples and edge cases.
// The examples are those DKPro Statistics' Krippendorff1995Test and Krippendorff2004Test
// (org.dkpro.statistics.agreement.unitizing) reproduce.
#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "cmoc/unitized_alpha.h"

using namespace cmoc::agreement;

namespace {

UnitizedDisagreement one(std::int64_t length, std::vector<CodedSpans> byCoder) {
  return unitizedDisagreement({UnitizedContinuum{length, std::move(byCoder)}});
}

double alphaOf(const UnitizedDisagreement& d) {
  const Coefficient c = unitizedAlpha({d});
  EXPECT_TRUE(c.value.has_value()) << c.reason;
  return c.value.value_or(-99);
}

// Krippendorff (2004), Content Analysis, 2nd ed., p. 254 (the unitizing example of ch. 11):
// two observers i and j on the continuum [150, 450), categories c and k. Shifted to start at 0.
UnitizedDisagreement example2004c() {
  return one(300, {{{75, 145}, {220, 250}}, {{70, 150}, {205, 225}, {250, 270}}});
}
UnitizedDisagreement example2004k() {
  return one(300, {{{30, 90}, {150, 200}}, {{30, 90}, {150, 200}}});
}

TEST(UnitizedAlpha, Krippendorff2004WorkedExamplePerCategory) {
  const UnitizedDisagreement c = example2004c();
  EXPECT_NEAR(c.observed, 0.0144, 0.00005);
  EXPECT_NEAR(c.expected, 0.0532, 0.00005);
  EXPECT_NEAR(alphaOf(c), 0.7286, 0.0005);  // alpha_c = .7286
  const UnitizedDisagreement k = example2004k();
  EXPECT_DOUBLE_EQ(k.observed, 0);
  EXPECT_NEAR(k.expected, 0.0490, 0.00005);
  EXPECT_DOUBLE_EQ(alphaOf(k), 1.0);  // alpha_k = 1
}

TEST(UnitizedAlpha, Krippendorff2004WorkedExampleOverAllCategories) {
  const Coefficient all = unitizedAlpha({example2004c(), example2004k()});
  ASSERT_TRUE(all.value) << all.reason;
  // Published .8591 is 1 - (.0144 + 0) / (.0532 + .0490), from the rounded disagreements; the
  // unrounded figure is .8587. Both are .859 to 3 decimals.
  EXPECT_NEAR(*all.value, 0.859, 0.0005);
  EXPECT_NEAR(*all.value, 0.8587, 0.00005);
}

// Krippendorff (1995), Sociological Methodology 25, p. 57: four pairs of coders on a continuum
// of 24, e.g. Bertha / Bill (A) and John / Jill (B). The observed disagreements are exact; the
// 1995 expected disagreement differs from the corrected 2004 formula used here, so only D_o is
// checked to 5 decimals.
TEST(UnitizedAlpha, Krippendorff1995ObservedDisagreement) {
  EXPECT_NEAR(one(24, {{{2, 10}, {14, 20}}, {{4, 8}, {15, 17}}}).observed, 0.03125, 0.000005);
  // Jill's touching units stay separate units: her segmenting is what disagrees with John.
  EXPECT_NEAR(one(24, {{{0, 18}}, {{0, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {6, 9}, {9, 10}}}).observed,
              2.26736, 0.000005);
  EXPECT_NEAR(one(24, {{{2, 8}, {10, 12}, {14, 18}, {20, 22}},
                       {{0, 2}, {4, 8}, {10, 14}, {16, 18}, {20, 22}}}).observed,
              0.02777, 0.00001);
  EXPECT_NEAR(one(24, {{{0, 2}, {2, 10}, {10, 14}, {14, 20}, {20, 24}},
                       {{0, 4}, {4, 8}, {8, 15}, {15, 17}, {17, 24}}}).observed,
              0.38715, 0.000005);
}

// The 1995 example C stretched (DKPro's testVaryingLengths): as the continuum grows, the 2004
// expected disagreement approaches the 1995 paper's, and alpha-u its .679, within .02.
TEST(UnitizedAlpha, Krippendorff1995StretchedApproachesPublishedAlpha) {
  const std::int64_t s = 50000;
  std::vector<CodedSpans> c = {{{2, 8}, {10, 12}, {14, 18}, {20, 22}},
                               {{0, 2}, {4, 8}, {10, 14}, {16, 18}, {20, 22}}};
  for (CodedSpans& coder : c)
    for (CodedSpan& u : coder) u = {u.start * s, u.end * s};
  const UnitizedDisagreement d = one(24 * s, c);
  EXPECT_NEAR(d.observed, 0.02777, 0.00001);  // D_o does not depend on the scale
  EXPECT_NEAR(d.expected, 0.08642, 0.005);
  EXPECT_NEAR(alphaOf(d), 0.679, 0.02);
}

TEST(UnitizedAlpha, PerfectAgreementIsOne) {
  EXPECT_DOUBLE_EQ(alphaOf(one(100, {{{10, 20}, {50, 80}}, {{10, 20}, {50, 80}}})), 1.0);
}

TEST(UnitizedAlpha, ACoderWhoCodedNothingDisagreesWithEveryUnit) {
  const UnitizedDisagreement d = one(100, {{{10, 20}, {50, 80}}, {}});
  // Each unit lies inside the other coder's one gap: (10^2 + 30^2) * 2 / (2 * 1 * 100^2).
  EXPECT_DOUBLE_EQ(d.observed, 0.1);
  EXPECT_LT(alphaOf(d), 0.5);
}

TEST(UnitizedAlpha, DisjointUnitsDisagreeAsEachInTheOthersGap) {
  const UnitizedDisagreement d = one(100, {{{0, 10}}, {{50, 60}}});
  EXPECT_DOUBLE_EQ(d.observed, (100.0 + 100.0) / 10000);
  EXPECT_LT(alphaOf(d), 0);
}

TEST(UnitizedAlpha, ThreeCodersAverageTheirPairs) {
  // Two agree exactly, the third shifts one unit by 2: pairs (A,C) and (B,C) each add 2^2 + 2^2.
  const UnitizedDisagreement d = one(100, {{{10, 30}}, {{10, 30}}, {{12, 32}}});
  EXPECT_DOUBLE_EQ(d.observed, 2 * (8.0 + 8.0) / (3 * 2 * 100.0 * 100.0));
  const double a = alphaOf(d);
  EXPECT_GT(a, 0.9);
  EXPECT_LT(a, 1.0);
}

TEST(UnitizedAlpha, EmptyContinuumOrNoUnitsIsUndefined) {
  const Coefficient empty = unitizedAlpha({one(0, {{}, {}})});
  EXPECT_FALSE(empty.value);
  EXPECT_EQ(empty.reason, "no text to compare: the continuum is empty");
  const Coefficient none = unitizedAlpha({one(50, {{}, {}})});
  EXPECT_FALSE(none.value);
  EXPECT_EQ(none.reason, "no units: no coder coded this in the sources compared");
  EXPECT_FALSE(unitizedAlpha({}).value);
}

TEST(UnitizedAlpha, OverlappingCodingsOfOneCoderMergeButTouchingOnesDoNot) {
  EXPECT_EQ(unitsOf({{30, 40}, {10, 25}, {20, 32}, {40, 45}, {90, 200}}, 100),
            (CodedSpans{{10, 40}, {40, 45}, {90, 100}}));
  // Merged overlaps agree with the coder who coded the union as one passage.
  EXPECT_DOUBLE_EQ(alphaOf(one(100, {{{10, 25}, {20, 40}}, {{10, 40}}})), 1.0);
}

TEST(UnitizedAlpha, SourcesAreSeparateStretchesOfOneContinuum) {
  // Sections stop at a source's end: the same units in two sources give the sum of D_o terms.
  const UnitizedDisagreement two = unitizedDisagreement(
      {UnitizedContinuum{50, {{{0, 10}}, {{0, 12}}}}, UnitizedContinuum{50, {{{5, 10}}, {{5, 10}}}}});
  EXPECT_EQ(two.length, 100);
  EXPECT_EQ(two.units, 4);
  EXPECT_DOUBLE_EQ(two.observed, 2 * 4.0 / (2 * 100.0 * 100.0));
}

TEST(UnitizedAlpha, NeedsTwoCodersInEveryContinuum) {
  EXPECT_THROW(one(10, {{{0, 1}}}), std::invalid_argument);
  EXPECT_THROW(unitizedDisagreement({UnitizedContinuum{10, {{}, {}}}, UnitizedContinuum{10, {{}}}}),
               std::invalid_argument);
}

}  // namespace

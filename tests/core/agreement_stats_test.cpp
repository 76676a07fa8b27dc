// The agreement coefficients on their own, against published values and hand computations.
// (agreement_test.cpp runs the same reference data through a project and `computeAgreement`.)
#include <gtest/gtest.h>

#include <vector>

#include "cmoc/agreement.h"
#include "cmoc/error.h"

using namespace cmoc::agreement;

namespace {

constexpr int M = kMissing;

Ratings fromRows(const std::vector<std::vector<int>>& rows) {
  Ratings r(static_cast<int>(rows.at(0).size()));
  for (const auto& row : rows) r.add(row);
  return r;
}

// Two coders, yes (1) / no (0): both yes, A only, B only, neither.
Ratings twoByTwo(double both, double aOnly, double bOnly, double neither) {
  Ratings r(2);
  r.add(std::vector<int>{1, 1}, both);
  r.add(std::vector<int>{1, 0}, aOnly);
  r.add(std::vector<int>{0, 1}, bOnly);
  r.add(std::vector<int>{0, 0}, neither);
  return r;
}

}  // namespace

// Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), the nominal example:
// 4 observers, 12 units, values 1-5, missing values. Published alpha = 0.743.
TEST(AgreementStats, KrippendorffWorkedExampleGivesPublishedAlpha) {
  const std::vector<std::vector<int>> byCoder = {
      {1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M},
      {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3},
      {M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M},
      {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M},
  };
  Ratings r(4);
  for (std::size_t u = 0; u < 12; ++u)
    r.add(std::vector<int>{byCoder[0][u], byCoder[1][u], byCoder[2][u], byCoder[3][u]});
  const Coefficient alpha = krippendorffAlpha(r);
  ASSERT_TRUE(alpha.value) << alpha.reason;
  EXPECT_NEAR(*alpha.value, 0.743, 0.0005);
  // Unrounded, from the paper's coincidences: n = 40 pairable values, margins 9, 13, 10, 5, 3,
  // 8 disagreeing coincidences: 1 - 39 * 8 / (40^2 - 384) = 0.743421.
  EXPECT_NEAR(*alpha.value, 0.7434210526, 1e-9);
}

// Fleiss (1971), psychiatric diagnoses: 30 subjects, 6 ratings each, 5 categories
// (the irr package's `diagnoses`). Published kappa = 0.430.
TEST(AgreementStats, FleissDiagnosesGivePublishedKappa) {
  const std::vector<std::vector<int>> rows = {
      {4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5},
      {2, 2, 2, 4, 4, 4}, {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4},
      {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5}, {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4},
      {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5}, {3, 3, 3, 3, 3, 5},
      {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
      {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4},
      {1, 4, 4, 4, 4, 5}, {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4},
      {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5}};
  // The published column totals (each row holds 6 ratings): 26, 26, 30, 55, 43 = 180.
  std::vector<int> totals(6, 0);
  for (const auto& row : rows)
    for (int v : row) ++totals[static_cast<std::size_t>(v)];
  EXPECT_EQ(totals, (std::vector<int>{0, 26, 26, 30, 55, 43}));
  const Coefficient kappa = fleissKappa(fromRows(rows));
  ASSERT_TRUE(kappa.value) << kappa.reason;
  EXPECT_NEAR(*kappa.value, 0.430, 0.0005);
}

// The textbook 2x2 example (Wikipedia, "Cohen's kappa"): 50 proposals, both yes 20, A yes
// B no 5, A no B yes 10, both no 15: p_o = 0.7, p_e = 0.5, kappa = 0.4.
TEST(AgreementStats, CohenTextbookExampleGivesPointFour) {
  const Ratings r = twoByTwo(20, 5, 10, 15);
  EXPECT_DOUBLE_EQ(*percentAgreement(r).value, 0.7);
  EXPECT_NEAR(*cohenKappa(r).value, 0.4, 1e-12);
  // By hand: n = 100 values, margins 55 / 45, 70 agreeing coincidences:
  // alpha = 1 - 99 * 30 / (100^2 - 55^2 - 45^2) = 0.4.
  EXPECT_NEAR(*krippendorffAlpha(r).value, 0.4, 1e-12);
  // Fleiss with two raters is Scott's pi: (0.7 - 0.505) / 0.495.
  EXPECT_NEAR(*fleissKappa(r).value, 0.195 / 0.495, 1e-12);
  const PairCounts c = pairCounts(r, 0, 1);
  EXPECT_EQ(c.units, 50);
  EXPECT_EQ(c.both, 20);
  EXPECT_EQ(c.aOnly, 5);
  EXPECT_EQ(c.bOnly, 10);
  EXPECT_EQ(c.neither, 15);
  EXPECT_NEAR(*positiveAgreement(c).value, 40.0 / 55.0, 1e-12);
}

TEST(AgreementStats, AWeightIsTheSameAsRepeatedUnits) {
  Ratings weighted(3), repeated(3);
  weighted.add(std::vector<int>{1, 1, 0}, 3);
  weighted.add(std::vector<int>{0, M, 0}, 2);
  weighted.add(std::vector<int>{1, 1, 1});
  for (int i = 0; i < 3; ++i) repeated.add(std::vector<int>{1, 1, 0});
  for (int i = 0; i < 2; ++i) repeated.add(std::vector<int>{0, M, 0});
  repeated.add(std::vector<int>{1, 1, 1});
  EXPECT_DOUBLE_EQ(*krippendorffAlpha(weighted).value, *krippendorffAlpha(repeated).value);
  EXPECT_DOUBLE_EQ(*percentAgreement(weighted).value, *percentAgreement(repeated).value);
  EXPECT_DOUBLE_EQ(*fleissKappa(weighted).value, *fleissKappa(repeated).value);
  EXPECT_EQ(weighted.units(), 6);
  EXPECT_EQ(weighted.patterns().size(), 3u);
}

TEST(AgreementStats, IdenticalRatingsGiveOne) {
  const Ratings r = fromRows({{1, 1, 1}, {2, 2, 2}, {3, 3, 3}, {1, 1, 1}});
  EXPECT_DOUBLE_EQ(*percentAgreement(r).value, 1);
  EXPECT_DOUBLE_EQ(*cohenKappa(r, 0, 2).value, 1);
  EXPECT_DOUBLE_EQ(*fleissKappa(r).value, 1);
  EXPECT_DOUBLE_EQ(*krippendorffAlpha(r).value, 1);
}

TEST(AgreementStats, CoefficientsAreSymmetricInTheCoders) {
  const Ratings ab = twoByTwo(7, 3, 1, 20), ba = twoByTwo(7, 1, 3, 20);
  EXPECT_DOUBLE_EQ(*cohenKappa(ab).value, *cohenKappa(ba).value);
  EXPECT_DOUBLE_EQ(*krippendorffAlpha(ab).value, *krippendorffAlpha(ba).value);
  EXPECT_DOUBLE_EQ(*cohenKappa(ab, 0, 1).value, *cohenKappa(ab, 1, 0).value);
}

TEST(AgreementStats, NoVariationIsUndefinedWithAReasonNotNaN) {
  const Ratings r = twoByTwo(0, 0, 0, 40);
  EXPECT_DOUBLE_EQ(*percentAgreement(r).value, 1);
  for (const Coefficient& c : {cohenKappa(r), fleissKappa(r), krippendorffAlpha(r)}) {
    EXPECT_FALSE(c.value);
    EXPECT_EQ(c.reason, "no variation: every rating is the same value");
  }
  EXPECT_EQ(r.onlyValue(), 0);
}

TEST(AgreementStats, UnitsWithoutPairableValuesAreUndefined) {
  const Ratings r = fromRows({{1, M}, {M, 2}, {M, M}});
  EXPECT_EQ(percentAgreement(r).reason, "no unit was rated by two coders");
  EXPECT_EQ(cohenKappa(r).reason, "no unit was rated by both coders");
  EXPECT_EQ(fleissKappa(r).reason, "no unit was rated by every coder");
  EXPECT_EQ(krippendorffAlpha(r).reason, "no unit has values from two coders");
  EXPECT_EQ(percentAgreement(PairCounts{}).reason, "no units to compare");
}

TEST(AgreementStats, CompleteDisagreementIsBelowZero) {
  const Ratings r = twoByTwo(0, 10, 10, 0);
  EXPECT_DOUBLE_EQ(*percentAgreement(r).value, 0);
  EXPECT_DOUBLE_EQ(*cohenKappa(r).value, -1);
  EXPECT_LT(*krippendorffAlpha(r).value, 0);
}

TEST(AgreementStats, PairKeepsTheTwoCodersValues) {
  const Ratings r = fromRows({{1, 2, 3}, {1, M, 1}});
  const Ratings p = r.pair(0, 2);
  EXPECT_EQ(p.coders(), 2);
  EXPECT_EQ(p.patterns().count({1, 3}), 1u);
  EXPECT_EQ(p.patterns().count({1, 1}), 1u);
}

TEST(AgreementStats, MisuseIsAnError) {
  Ratings r(2);
  EXPECT_THROW(r.add(std::vector<int>{1, 0, 1}), cmoc::UsageError);
  EXPECT_THROW(Ratings(0), cmoc::UsageError);
}

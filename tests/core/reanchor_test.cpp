// The re-anchoring rules of src/sources/reanchor.h, one test per case, on spans and on turns.
#include <gtest/gtest.h>

#include <string>

#include "cmoc/text.h"
#include "src/sources/reanchor.h"  // white-box: the pure arithmetic

using namespace cmoc;

namespace {
// Replace [a, b) by n code points.
TextEdit replace(std::int64_t a, std::int64_t b, std::int64_t n) { return {a, b, n}; }

// The span [10, 20) throughout.
constexpr Span kSpan{10, 20};
}  // namespace

TEST(Reanchor, AnEditBeforeTheSpanShiftsIt) {
  EXPECT_EQ(reanchorSpan(kSpan, replace(2, 5, 7)), (Span{14, 24}));  // grows the text by 4
  EXPECT_EQ(reanchorSpan(kSpan, replace(2, 5, 0)), (Span{7, 17}));   // deletes 3
}

TEST(Reanchor, AnEditEndingExactlyAtTheSpanStartShiftsIt) {
  EXPECT_EQ(reanchorSpan(kSpan, replace(6, 10, 1)), (Span{7, 17}));
}

TEST(Reanchor, AnEditAfterTheSpanLeavesItAlone) {
  EXPECT_EQ(reanchorSpan(kSpan, replace(25, 30, 1)), kSpan);
  EXPECT_EQ(reanchorSpan(kSpan, replace(20, 23, 9)), kSpan);  // starting exactly at its end
}

TEST(Reanchor, AnEditInsideTheSpanResizesIt) {
  EXPECT_EQ(reanchorSpan(kSpan, replace(12, 14, 5)), (Span{10, 23}));
  EXPECT_EQ(reanchorSpan(kSpan, replace(12, 18, 1)), (Span{10, 15}));
}

TEST(Reanchor, AnEditSharingTheSpanStartOrEndCountsAsInside) {
  EXPECT_EQ(reanchorSpan(kSpan, replace(10, 12, 4)), (Span{10, 22}));
  EXPECT_EQ(reanchorSpan(kSpan, replace(17, 20, 1)), (Span{10, 18}));
}

TEST(Reanchor, ExactReplacementKeepsTheSpanOnTheNewText) {
  // Fixing a misspelt coded word ("trsut" -> "trust") keeps its coding.
  EXPECT_EQ(reanchorSpan(kSpan, replace(10, 20, 10)), kSpan);
  EXPECT_EQ(reanchorSpan(kSpan, replace(10, 20, 3)), (Span{10, 13}));
}

TEST(Reanchor, ExactDeletionRemovesTheSpan) {
  EXPECT_EQ(reanchorSpan(kSpan, replace(10, 20, 0)), std::nullopt);
}

TEST(Reanchor, ASpanInsideTheReplacedTextIsRemoved) {
  EXPECT_EQ(reanchorSpan(kSpan, replace(5, 25, 3)), std::nullopt);   // around it
  EXPECT_EQ(reanchorSpan(kSpan, replace(10, 25, 3)), std::nullopt);  // sharing its start
  EXPECT_EQ(reanchorSpan(kSpan, replace(5, 20, 30)), std::nullopt);  // sharing its end
  EXPECT_EQ(reanchorSpan(kSpan, replace(0, 100, 0)), std::nullopt);  // deleted with much more
}

TEST(Reanchor, OverlapAtTheStartClipsToTheSurvivingText) {
  // [5, 15) becomes 2 new code points: the span keeps "15..20", now at [7, 12).
  EXPECT_EQ(reanchorSpan(kSpan, replace(5, 15, 2)), (Span{7, 12}));
  EXPECT_EQ(reanchorSpan(kSpan, replace(5, 15, 0)), (Span{5, 10}));  // deletion
}

TEST(Reanchor, OverlapAtTheEndClipsToTheSurvivingText) {
  EXPECT_EQ(reanchorSpan(kSpan, replace(15, 25, 8)), (Span{10, 15}));
  EXPECT_EQ(reanchorSpan(kSpan, replace(15, 25, 0)), (Span{10, 15}));
}

TEST(Reanchor, InsertionAtTheSpanStartGoesBeforeIt) {
  EXPECT_EQ(reanchorSpan(kSpan, replace(10, 10, 4)), (Span{14, 24}));
}

TEST(Reanchor, InsertionAtTheSpanEndGoesAfterIt) {
  EXPECT_EQ(reanchorSpan(kSpan, replace(20, 20, 4)), kSpan);
}

TEST(Reanchor, InsertionInsideTheSpanGrowsIt) {
  EXPECT_EQ(reanchorSpan(kSpan, replace(15, 15, 4)), (Span{10, 24}));
}

TEST(Reanchor, InsertionBeforeOrAfterTheSpan) {
  EXPECT_EQ(reanchorSpan(kSpan, replace(3, 3, 2)), (Span{12, 22}));
  EXPECT_EQ(reanchorSpan(kSpan, replace(30, 30, 2)), kSpan);
}

TEST(Reanchor, PureDeletionInsideTheSpanShrinksIt) {
  EXPECT_EQ(reanchorSpan(kSpan, replace(12, 15, 0)), (Span{10, 17}));
  EXPECT_EQ(reanchorSpan(kSpan, replace(10, 19, 0)), (Span{10, 11}));
}

TEST(Reanchor, TheDeltaFollowsTheNewLength) {
  EXPECT_EQ(replace(5, 8, 3).delta(), 0);
  EXPECT_EQ(replace(5, 8, 0).delta(), -3);
  EXPECT_EQ(replace(5, 5, 2).delta(), 2);
}

namespace {
std::int64_t cps(const std::string& s) { return text::codePointCount(s); }

// Applies the edit to the text, as editText does, by code points.
std::string splice(const std::string& text, const TextEdit& edit, const std::string& insert) {
  return std::string(text::sliceCodePoints(text, 0, edit.start)) + insert +
         std::string(text::sliceCodePoints(text, edit.end, cps(text)));
}

std::string cut(const std::string& text, Span s) {
  return std::string(text::sliceCodePoints(text, s.start, s.end));
}
}  // namespace

TEST(Reanchor, MultiByteCharactersAndEmojiAroundTheEditKeepTheCodedWords) {
  // Positions are code points, so two-, three- and four-byte characters (and an emoji with a
  // skin-tone modifier, two code points) before, inside and after the edit count one each.
  const std::string text = "Zoë said 👍🏽 — trust grew in Tarnbeck’s café, 信任 too.";
  const Span trust{cps("Zoë said 👍🏽 — "), cps("Zoë said 👍🏽 — trust")};
  const Span cafe{cps("Zoë said 👍🏽 — trust grew in Tarnbeck’s "),
                  cps("Zoë said 👍🏽 — trust grew in Tarnbeck’s café")};
  const Span xinren{cps("Zoë said 👍🏽 — trust grew in Tarnbeck’s café, "),
                    cps("Zoë said 👍🏽 — trust grew in Tarnbeck’s café, 信任")};
  ASSERT_EQ(cut(text, trust), "trust");
  ASSERT_EQ(cut(text, cafe), "café");
  ASSERT_EQ(cut(text, xinren), "信任");

  // "said 👍🏽" -> "nodded 🙂🙂": before all three spans.
  const TextEdit before{cps("Zoë "), cps("Zoë said 👍🏽"), cps("nodded 🙂🙂")};
  const std::string t1 = splice(text, before, "nodded 🙂🙂");
  EXPECT_EQ(cut(t1, *reanchorSpan(trust, before)), "trust");
  EXPECT_EQ(cut(t1, *reanchorSpan(cafe, before)), "café");
  EXPECT_EQ(cut(t1, *reanchorSpan(xinren, before)), "信任");

  // "grew" -> "grëw 🌱" between the spans.
  const TextEdit between{trust.end + 1, trust.end + 5, cps("grëw 🌱")};
  const std::string t2 = splice(text, between, "grëw 🌱");
  EXPECT_EQ(cut(t2, *reanchorSpan(trust, between)), "trust");
  EXPECT_EQ(cut(t2, *reanchorSpan(cafe, between)), "café");

  // Inside "café": "caf" -> "cafféé" grows the coding over the fixed word.
  const TextEdit inside{cafe.start, cafe.start + 3, cps("cafféé")};
  const std::string t3 = splice(text, inside, "cafféé");
  EXPECT_EQ(cut(t3, *reanchorSpan(cafe, inside)), "caffééé");
  EXPECT_EQ(cut(t3, *reanchorSpan(xinren, inside)), "信任");
}

TEST(ReanchorTurn, FollowsTheSpanRulesAwayFromItsEdges) {
  EXPECT_EQ(reanchorTurn(kSpan, replace(2, 5, 7)), (Span{14, 24}));
  EXPECT_EQ(reanchorTurn(kSpan, replace(25, 30, 1)), kSpan);
  EXPECT_EQ(reanchorTurn(kSpan, replace(12, 14, 5)), (Span{10, 23}));
  EXPECT_EQ(reanchorTurn(kSpan, replace(5, 15, 2)), (Span{7, 12}));
  EXPECT_EQ(reanchorTurn(kSpan, replace(15, 25, 8)), (Span{10, 15}));
  EXPECT_EQ(reanchorTurn(kSpan, replace(15, 15, 4)), (Span{10, 24}));
  EXPECT_EQ(reanchorTurn(kSpan, replace(10, 20, 3)), (Span{10, 13}));
}

TEST(ReanchorTurn, NeverDisappearsButBecomesEmptyAtTheEditStart) {
  EXPECT_EQ(reanchorTurn(kSpan, replace(5, 25, 3)), (Span{5, 5}));
  EXPECT_EQ(reanchorTurn(kSpan, replace(10, 20, 0)), (Span{10, 10}));
}

TEST(ReanchorTurn, AnEmptyTurnKeepsItsPlaceOrShifts) {
  EXPECT_EQ(reanchorTurn({4, 4}, replace(10, 12, 5)), (Span{4, 4}));
  EXPECT_EQ(reanchorTurn({40, 40}, replace(10, 12, 5)), (Span{43, 43}));
  EXPECT_EQ(reanchorTurn({40, 40}, replace(40, 40, 5)), (Span{40, 45}));
}

TEST(ReanchorTurn, InsertionAtItsEndJoinsIt) {
  EXPECT_EQ(reanchorTurn(kSpan, replace(20, 20, 4)), (Span{10, 24}));
}

TEST(ReanchorTurn, InsertionAtItsStartJoinsItUnlessAnotherTurnEndsThere) {
  EXPECT_EQ(reanchorTurn(kSpan, replace(10, 10, 4)), (Span{10, 24}));
  EXPECT_EQ(reanchorTurn(kSpan, replace(10, 10, 4), false), (Span{14, 24}));
}

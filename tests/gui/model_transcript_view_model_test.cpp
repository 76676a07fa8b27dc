// TranscriptViewModel: layout, display byte <-> source code point conversion, lanes, hover.
#include <gtest/gtest.h>

#include "cmoc/text.h"
#include "model/transcript_view_model.h"

namespace cmoc::gui {
namespace {

// "Interviewer: " label, then a turn with multi-byte text and an emoji with a skin tone.
const std::string kText =
    "Interviewer: Where did it stall?\n\n"
    "Zoë: Café talk 👍🏽 built trust. Η ισχύς εν τη ενώσει.\n";

std::int64_t cp(std::string_view needle) {
  const auto at = kText.find(needle);
  return text::codePointCount(std::string_view(kText).substr(0, at));
}

TranscriptViewModel sample(const std::vector<CodingRecord>& codings = {}) {
  SourceSummary s;
  s.id = 7;
  s.name = "interview-08.vtt";
  s.format = "vtt";
  s.participants = "27";
  std::vector<TurnView> turns(2);
  turns[0].seq = 1;
  turns[0].speaker = "Interviewer";
  turns[0].participant = "INT1";
  turns[0].interviewer = true;
  turns[0].start = cp("Where");
  turns[0].end = cp("?\n") + 1;
  turns[0].startMs = 760000;
  turns[1].seq = 2;
  turns[1].speaker = "Zoë";
  turns[1].participant = "27";
  turns[1].start = cp("Café");
  turns[1].end = text::codePointCount(kText) - 1;
  turns[1].startMs = 766000;
  turns[1].endMs = 3130000;
  CodeLookup codes;
  Code trust;
  trust.id = 1;
  trust.name = "Trust";
  trust.kind = CodeKind::Mechanism;
  trust.color = "#2E7D32";
  codes[1] = trust;
  return TranscriptViewModel::build(s, kText, turns, codings, codes);
}

CodingRecord coding(std::int64_t id, std::int64_t start, std::int64_t end, std::string coder = "AJ") {
  CodingRecord r;
  r.id = id;
  r.codeId = 1;
  r.codePath = "Mechanisms/Trust";
  r.coder = std::move(coder);
  r.start = start;
  r.end = end;
  r.createdAt = "2026-11-12T09:30:00Z";
  return r;
}

TEST(TranscriptViewModel, LaysOutTurnsUnderSpeakerHeadersWithTimes) {
  const auto vm = sample();
  EXPECT_EQ(vm.displayText(),
            "Interviewer  \xC2\xB7  INT1    00:12:40\nWhere did it stall?\n\n"
            "Zoë  \xC2\xB7  27    00:12:46\nCafé talk 👍🏽 built trust. Η ισχύς εν τη ενώσει.\n");
  ASSERT_EQ(vm.turns().size(), 2u);
  EXPECT_EQ(vm.turns()[1].seq, 2);
  EXPECT_NE(vm.title().find("00:52:10"), std::string::npos);
  EXPECT_NE(vm.title().find("2 turns"), std::string::npos);
}

TEST(TranscriptViewModel, StylesSpeakerNamesAndTimes) {
  const auto vm = sample();
  ASSERT_EQ(vm.styles().size(), 4u);
  EXPECT_EQ(vm.styles()[0].style, TextStyle::Interviewer);
  EXPECT_EQ(vm.displayText().substr(vm.styles()[1].start, vm.styles()[1].length), "00:12:40");
  EXPECT_EQ(vm.styles()[2].style, TextStyle::Speaker);
  EXPECT_EQ(vm.displayText().substr(vm.styles()[2].start, vm.styles()[2].length), "Zoë  \xC2\xB7  27");
}

TEST(TranscriptViewModel, EveryShownCodePointRoundTripsThroughDisplayBytes) {
  const auto vm = sample();
  for (const auto& t : vm.turns())
    for (std::int64_t c = t.start; c < t.end; ++c) {
      const std::int64_t b = vm.displayByteOf(c);
      EXPECT_EQ(vm.sourceCpOf(b), c) << "code point " << c;
      // The character at that byte is the source's character.
      EXPECT_EQ(vm.displayText().substr(b, 1), std::string(text::sliceCodePoints(kText, c, c + 1)).substr(0, 1));
    }
}

TEST(TranscriptViewModel, SelectionInDisplayBytesBecomesTheSourceSpan) {
  const auto vm = sample();
  const auto b0 = static_cast<std::int64_t>(vm.displayText().find("Café"));
  const auto b1 = static_cast<std::int64_t>(vm.displayText().find(" built"));
  const auto span = vm.sourceSpanOf(b1, b0);  // either order
  ASSERT_TRUE(span);
  EXPECT_EQ(text::sliceCodePoints(kText, span->first, span->second), "Café talk 👍🏽");
}

TEST(TranscriptViewModel, SelectionEndingInsideAnEmojiSnapsToTheWholeGrapheme) {
  const auto vm = sample();
  const auto thumb = vm.displayText().find("👍");
  const auto b0 = static_cast<std::int64_t>(vm.displayText().find("talk"));
  // Scintilla can put the caret between the thumb and its skin-tone modifier.
  const auto span = vm.sourceSpanOf(b0, static_cast<std::int64_t>(thumb + 4));
  ASSERT_TRUE(span);
  EXPECT_EQ(text::sliceCodePoints(kText, span->first, span->second), "talk 👍🏽");
}

TEST(TranscriptViewModel, SelectionAcrossTurnsSpansTheSourceBetweenThemButAHeaderAloneIsEmpty) {
  const auto vm = sample();
  const auto b0 = static_cast<std::int64_t>(vm.displayText().find("stall"));
  const auto b1 = static_cast<std::int64_t>(vm.displayText().find(" talk"));
  const auto span = vm.sourceSpanOf(b0, b1);
  ASSERT_TRUE(span);
  // The source's own "Zoë:" label between the turns is inside the span, as core stores it.
  EXPECT_EQ(text::sliceCodePoints(kText, span->first, span->second), "stall?\n\nZoë: Café");
  // A selection holding only a header holds no text.
  const auto h0 = static_cast<std::int64_t>(vm.displayText().find("Zoë"));
  EXPECT_FALSE(vm.sourceSpanOf(h0, h0 + 4));
  EXPECT_FALSE(vm.sourceSpanOf(b0, b0));
}

TEST(TranscriptViewModel, CodingsBecomeStripesInDisplayBytesWithHoverText) {
  const auto vm = sample({coding(5, cp("built"), cp(" Η"))});
  ASSERT_EQ(vm.stripes().size(), 1u);
  const CodingStripe& s = vm.stripes()[0];
  EXPECT_EQ(vm.displayText().substr(s.startByte, s.endByte - s.startByte), "built trust.");
  EXPECT_EQ(s.hover, "Trust - AJ - 2026-11-12");
  EXPECT_EQ(s.colour, (Rgb{0x2E, 0x7D, 0x32}));
  EXPECT_EQ(s.codeName, "Trust");
}

TEST(TranscriptViewModel, OverlappingCodingsGetSeparateLanesAndDisjointOnesShareOne) {
  const auto vm = sample({coding(1, cp("Café"), cp(" Η")), coding(2, cp("talk"), cp(" built")),
                          coding(3, cp("ισχύς"), cp(" τη")), coding(4, cp("built"), cp("trust"))});
  ASSERT_EQ(vm.laneCount(), 2);
  auto lane = [&](std::int64_t id) { return vm.stripe(id)->lane; };
  EXPECT_EQ(lane(1), 0);
  EXPECT_EQ(lane(2), 1);
  EXPECT_EQ(lane(4), 1);  // after 2 ends
  EXPECT_EQ(lane(3), 0);  // after 1 ends
}

TEST(TranscriptViewModel, CodingsAtAPositionListTheInnermostFirst) {
  const auto vm = sample({coding(1, cp("Café"), cp(" Η")), coding(2, cp("talk"), cp(" built"))});
  const auto at = vm.stripesAt(static_cast<std::int64_t>(vm.displayText().find("alk")));
  ASSERT_EQ(at.size(), 2u);
  EXPECT_EQ(at[0]->codingId, 2);
  EXPECT_EQ(at[1]->codingId, 1);
  EXPECT_TRUE(vm.stripesAt(0).empty());
}

TEST(TranscriptViewModel, TurnAtFindsTheTurnOfAHeaderOrBody) {
  const auto vm = sample();
  EXPECT_EQ(vm.turnAt(0), 0u);
  EXPECT_EQ(vm.turnAt(static_cast<std::int64_t>(vm.displayText().find("Zoë"))), 1u);
  EXPECT_EQ(vm.turnAt(static_cast<std::int64_t>(vm.displayText().find("ενώσει"))), 1u);
}

TEST(TranscriptViewModel, ASourceWithoutTurnsIsShownWhole) {
  SourceSummary s;
  s.id = 1;
  s.name = "memo.txt";
  const auto vm = TranscriptViewModel::build(s, "Just text, no speakers.", {}, {}, {});
  EXPECT_EQ(vm.displayText(), "Just text, no speakers.");
  EXPECT_EQ(vm.sourceCpOf(5), 5);
  EXPECT_EQ(vm.displayByteOf(23), 23);
}

}  // namespace
}  // namespace cmoc::gui

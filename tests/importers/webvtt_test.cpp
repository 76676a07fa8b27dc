#include <gtest/gtest.h>

#include "cmoc/importers/importer.h"
#include "cmoc/text.h"
#include "malformed_case.h"
#include "test_support.h"

using namespace cmoc;
using test::bytesCase;
using test::MalformedCase;
using test::TempDir;

namespace {

std::vector<MalformedCase> vttCases() {
  const std::string head = "WEBVTT\n\n";
  const std::string n = "x.vtt";
  std::vector<MalformedCase> cases = test::encodingCases(n, head);
  const std::vector<MalformedCase> more = {
      bytesCase("MissingHeader", n, "1\n00:00:01.000 --> 00:00:02.000\nHi\n",
                n + ": line 1: missing the 'WEBVTT' header line"),
      bytesCase("HeaderWordRunningOn", n, "WEBVTTX\n\n00:01.000 --> 00:02.000\nHi\n",
                n + ": line 1: missing the 'WEBVTT' header line"),
      bytesCase("SrtRenamedVtt", n, "1\n00:00:01,000 --> 00:00:02,000\nHi\n",
                n + ": line 1: missing the 'WEBVTT' header line"),
      bytesCase("BrokenStartTime", n, head + "00:00:0x.000 --> 00:00:02.000\nHi\n",
                n + ": cue 1 (line 3): malformed start time '00:00:0x.000'"),
      bytesCase(
          "BrokenEndTimeInALaterCue", n,
          head + "1\n00:00:01.000 --> 00:00:02.000\nHi\n\n2\n00:00:03.000 --> 00:61:00.000\nBye\n",
          n + ": cue 2 (line 8): malformed end time '00:61:00.000'"),
      bytesCase("TooManyFractionDigits", n, head + "00:00:01.0000 --> 00:00:02.000\nHi\n",
                n + ": cue 1 (line 3): malformed start time '00:00:01.0000'"),
      bytesCase("EndBeforeStart", n,
                head + "NOTE a note first\n\n00:00:05.000 --> 00:00:04.250\nHi\n",
                n + ": cue 1 (line 5): end time 00:00:04.250 is before start time 00:00:05.000"),
      bytesCase("MissingArrow", n, head + "00:00:01.000 00:00:02.000\nHi\n",
                n + ": cue 1 (line 3): missing '-->' between the start and end times"),
      bytesCase("MissingArrowAfterAnIdentifier", n, head + "7\n00:00:01.000 - 00:00:02.000\nHi\n",
                n + ": cue 1 (line 4): missing '-->' between the start and end times"),
      bytesCase("MissingEndTime", n, head + "00:00:01.000 -->\nHi\n",
                n + ": cue 1 (line 3): missing end time after '-->'"),
      bytesCase("MissingStartTime", n, head + " --> 00:00:02.000\nHi\n",
                n + ": cue 1 (line 3): missing start time before '-->'"),
      bytesCase("IdentifierFollowedByText", n, head + "intro\nHello there\n",
                n + ": cue 1 (line 4): expected a timing line like '00:00:01.000 --> "
                    "00:00:04.000', found 'Hello there'"),
      bytesCase("IdentifierAlone", n, head + "intro\n\n00:01.000 --> 00:02.000\nHi\n",
                n + ": cue 1 (line 3): expected a timing line like '00:00:01.000 --> 00:00:04.000' "
                    "after cue identifier 'intro'"),
      bytesCase("NoCues", n, "WEBVTT\nKind: captions\n\nNOTE nothing was said\n",
                n + ": file: no cues"),
      bytesCase("CuesWithoutText", n, head + "00:01.000 --> 00:02.000\n<c> </c>\n",
                n + ": file: no text"),
  };
  cases.insert(cases.end(), more.begin(), more.end());
  return cases;
}

Transcript loadVtt(const std::string& bytes) {
  TempDir dir;
  test::writeFile(dir / "t.vtt", bytes);
  return importers::loadTranscript(dir / "t.vtt");
}

std::string said(const Transcript& t, std::size_t turn) {
  return std::string(text::sliceCodePoints(t.text, t.turns.at(turn).start, t.turns.at(turn).end));
}

}  // namespace

class VttMalformed : public testing::TestWithParam<MalformedCase> {};
TEST_P(VttMalformed, FailsWithTheExactMessage) {
  EXPECT_EQ(test::importError(GetParam()), GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Vtt, VttMalformed, testing::ValuesIn(vttCases()), test::caseName);

TEST(VttImporter, ZoomNameLabelsMergeConsecutiveCuesOfOneSpeaker) {
  const Transcript t = loadVtt(
      "WEBVTT\n\n"
      "1\n00:00:03.120 --> 00:00:10.206\nTom Brennan: So, the café \xF0\x9F\x98\x80 came\n\n"
      "2\n00:00:10.300 --> 00:00:12.000\nTom Brennan: first?\n\n"
      "3\n00:00:12.500 --> 00:00:15.053\nSiobhán Kearney: Yes, naïvely.\n\n"
      "4\n00:00:16.000 --> 00:00:17.000\nTom Brennan: Right.\n");
  EXPECT_EQ(t.format, "vtt");
  EXPECT_EQ(t.text,
            "Tom Brennan: So, the café 😀 came first?\n\nSiobhán Kearney: Yes, naïvely.\n\nTom "
            "Brennan: Right.");
  ASSERT_EQ(t.turns.size(), 3u);
  EXPECT_EQ(t.turns[0].speaker, "Tom Brennan");
  EXPECT_EQ(said(t, 0), "So, the café 😀 came first?");
  EXPECT_EQ(t.turns[0].startMs, 3120);
  EXPECT_EQ(t.turns[0].endMs, 12000);
  EXPECT_EQ(t.turns[1].speaker, "Siobhán Kearney");
  EXPECT_EQ(said(t, 1), "Yes, naïvely.");
  EXPECT_EQ(t.turns[1].startMs, 12500);
  EXPECT_EQ(t.turns[1].endMs, 15053);
  EXPECT_EQ(said(t, 2), "Right.");
}

TEST(VttImporter, TeamsVoiceTagsWithGuidIdentifiersMerge) {
  const Transcript t = loadVtt(
      "WEBVTT\n\n"
      "3f1c9a2e-7b4d-4e8a-9c61-2d5e8f0a4b17/9-0\n00:00:01.234 --> 00:00:04.279\n<v Helen Okafor>Hi "
      "Zoë, can you hear me?</v>\n\n"
      "a1b2c3d4-58e6-4f1a-b7c9-0d2e4f6a8b90/12-0\n00:00:05.859 --> 00:00:07.759\n<v Zoë "
      "Adebayo-Müller>Yes, I can.</v>\n\n"
      "a1b2c3d4-58e6-4f1a-b7c9-0d2e4f6a8b90/12-1\n00:00:07.759 --> 00:00:09.353\n<v Zoë "
      "Adebayo-Müller>Can you hear me?</v>\n");
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(t.turns[0].speaker, "Helen Okafor");
  EXPECT_EQ(t.turns[0].endMs, 4279);
  EXPECT_EQ(t.turns[1].speaker, "Zoë Adebayo-Müller");
  EXPECT_EQ(said(t, 1), "Yes, I can. Can you hear me?");
  EXPECT_EQ(t.turns[1].startMs, 5859);
  EXPECT_EQ(t.turns[1].endMs, 9353);
  EXPECT_EQ(
      t.text,
      "Helen Okafor: Hi Zoë, can you hear me?\n\nZoë Adebayo-Müller: Yes, I can. Can you hear me?");
}

TEST(VttImporter, VoiceTagsWithClassesAndWithoutClosingTags) {
  const Transcript t = loadVtt(
      "WEBVTT\n\n00:01.000 --> 00:02.000\n<v.loud.first Bernard Cole>Loud and clear\n\n"
      "00:02.000 --> 00:03.000\n<v Dot Lomas>Sorry?\n");
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(t.turns[0].speaker, "Bernard Cole");
  EXPECT_EQ(said(t, 0), "Loud and clear");
  EXPECT_EQ(t.turns[1].speaker, "Dot Lomas");
}

TEST(VttImporter, TwoVoicesInOneCueAreTwoTurns) {
  const Transcript t =
      loadVtt("WEBVTT\n\n00:01.000 --> 00:04.000\n<v Ann>Ready?</v>\n<v Bob>Yes.</v>\n");
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(t.turns[0].speaker, "Ann");
  EXPECT_EQ(said(t, 0), "Ready?");
  EXPECT_EQ(t.turns[1].speaker, "Bob");
  EXPECT_EQ(said(t, 1), "Yes.");
}

TEST(VttImporter, StripsMarkupAndDecodesCharacterReferences) {
  const Transcript t = loadVtt(
      "WEBVTT\n\n00:01.000 --> 00:04.000\n<c.yellow>Fish</c> &amp; <i>chips</i> "
      "<00:00:02.000><b>&lt;3</b>&nbsp;caf&#233; "
      "&#x1F642; &bogus; <ruby>漢<rt>kan</rt></ruby>\n");
  EXPECT_EQ(t.text, "Fish & chips <3 café 🙂 &bogus; 漢kan");
}

TEST(VttImporter, SkipsHeaderMetadataNotesStylesAndRegions) {
  const Transcript t = loadVtt(
      "WEBVTT - a title\nKind: captions\nLanguage: en\n\n"
      "STYLE\n::cue { color: red }\n\n"
      "REGION\nid:fred width:40%\n\n"
      "NOTE\nThis is a comment\nover two lines\n\n"
      "00:01.000 --> 00:02.000 align:start position:10%\nOnly this.\n\n"
      "NOTE trailing\n");
  EXPECT_EQ(t.text, "Only this.");
  ASSERT_EQ(t.turns.size(), 1u);
  EXPECT_EQ(t.turns[0].startMs, 1000);
  EXPECT_EQ(t.turns[0].endMs, 2000);
}

TEST(VttImporter, WrappedCueLinesJoinWithASpace) {
  EXPECT_EQ(loadVtt("WEBVTT\n\n00:01.000 --> 00:02.000\nwrapped over\n  two lines\n").text,
            "wrapped over two lines");
}

TEST(VttImporter, ACueWithoutABlankLineBeforeItStillStarts) {
  const Transcript t =
      loadVtt("WEBVTT\n\n00:01.000 --> 00:02.000\nfirst\n00:02.000 --> 00:03.000\nsecond\n");
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(t.turns[1].startMs, 2000);
}

TEST(VttImporter, AcceptsABomCrLfAndHoursOverNinetyNine) {
  const Transcript t =
      loadVtt("\xEF\xBB\xBFWEBVTT\r\n\r\n100:00:01.000 --> 100:00:02.000\r\nLate.\r\n");
  EXPECT_EQ(t.text, "Late.");
  EXPECT_EQ(t.turns[0].startMs, 360001000);
}

TEST(VttImporter, DecodesUtf16WithABom) {
  EXPECT_EQ(loadVtt(test::utf16("WEBVTT\n\n00:01.000 --> 00:02.000\nR: caf\xE9\n", true)).text,
            "R: café");
}

TEST(VttImporter, AOneOffLabelInACaptionIsText) {
  const Transcript t = loadVtt(
      "WEBVTT\n\n00:01.000 --> 00:02.000\nNote: this is recorded\n\n"
      "00:02.000 --> 00:03.000\nfine by me\n");
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(t.turns[0].speaker, "");
  EXPECT_EQ(said(t, 0), "Note: this is recorded");
}

TEST(VttImporter, AVoiceTagIsASpeakerEvenOnce) {
  const Transcript t = loadVtt(
      "WEBVTT\n\n00:01.000 --> 00:02.000\n<v guest 2>hello</v>\n\n"
      "00:02.000 --> 00:03.000\n<v Ann>hi</v>\n");
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(t.turns[0].speaker, "guest 2");
}

// Issue 21 A3: the cue text rules, where a '<' that starts no tag is text (see parsePayload).
namespace {
std::string cueText(const std::string& payload) {
  return loadVtt("WEBVTT\n\n00:01.000 --> 00:02.000\n" + payload + "\n").text;
}
}  // namespace

TEST(VttCueText, BareLessThanKept) {
  EXPECT_EQ(cueText("costs went < 5 million and we were pleased"),
            "costs went < 5 million and we were pleased");
  EXPECT_EQ(cueText("a<b and I <3 it, it took <12 minutes"),
            "a<b and I <3 it, it took <12 minutes");
}

TEST(VttCueText, UnclosedVoiceTagKeepsTheCue) {
  const Transcript t = loadVtt(
      "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Bob hello there\n\n"
      "00:02.000 --> 00:03.000\n<v Ann>fine</v>\n");
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(t.turns[0].speaker, "");  // where "Bob" ends without a '>' is a guess
  EXPECT_EQ(said(t, 0), "<v Bob hello there");
  EXPECT_EQ(t.turns[1].speaker, "Ann");
}

TEST(VttCueText, ATagDoesNotRunOverALineBreak) {
  EXPECT_EQ(cueText("less <than\nmore> than that"), "less <than more> than that");
}

TEST(VttCueText, BoldTagsStripped) { EXPECT_EQ(cueText("<b>very</b> much"), "very much"); }

TEST(VttCueText, ItalicTagsStripped) {
  EXPECT_EQ(cueText("<i>sotto voce</i>, yes"), "sotto voce, yes");
}

TEST(VttCueText, ClassTagsStripped) {
  EXPECT_EQ(cueText("<c.classname>green</c> and <c.a.b>blue</c> <u>under</u> <lang en>en</lang>"),
            "green and blue under en");
}

TEST(VttCueText, TimestampsStripped) {
  EXPECT_EQ(cueText("one <00:00:01.000>two <00:01.500>three"), "one two three");
  EXPECT_EQ(cueText("not a time <00:0x> kept"), "not a time <00:0x> kept");
}

TEST(VttCueText, ClassOnVoiceIsNotPartOfTheSpeaker) {
  const Transcript t = loadVtt("WEBVTT\n\n00:01.000 --> 00:02.000\n<v.loud Bob>Hi there</v>\n");
  ASSERT_EQ(t.turns.size(), 1u);
  EXPECT_EQ(t.turns[0].speaker, "Bob");
  EXPECT_EQ(said(t, 0), "Hi there");
}

TEST(VttCueText, ClosingVoiceTagEndsTheVoice) {
  const Transcript t =
      loadVtt("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann>Ready?</v> the line went quiet\n");
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(t.turns[0].speaker, "Ann");
  EXPECT_EQ(said(t, 0), "Ready?");
  EXPECT_EQ(t.turns[1].speaker, "");
  EXPECT_EQ(said(t, 1), "the line went quiet");
}

TEST(VttCueText, EntitiesDecoded) {
  EXPECT_EQ(cueText("&lt;3 &amp; &gt;&nbsp;x caf&#233; &#x1F642; &bogus; & alone"),
            "<3 & > x café 🙂 &bogus; & alone");
  const Transcript t = loadVtt("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann &amp; Bob>Both</v>\n");
  EXPECT_EQ(t.turns.at(0).speaker, "Ann & Bob");
}

TEST(VttCueText, LessThanAtTheEndOfACueKept) {
  const Transcript t = loadVtt(
      "WEBVTT\n\n00:01.000 --> 00:02.000\nsee you <\n\n00:02.000 --> 00:03.000\nlater </\n");
  EXPECT_EQ(t.text, "see you <\n\nlater </");
}

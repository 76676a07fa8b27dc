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

std::vector<MalformedCase> srtCases() {
  const std::string first = "1\n00:00:01,000 --> 00:00:02,000\nHi\n\n";
  const std::string n = "x.srt";
  std::vector<MalformedCase> cases = test::encodingCases(n, first);
  const std::vector<MalformedCase> more = {
      bytesCase("BrokenStartTimeNamesTheCue", n, first + "2\n00:00:0x,000 --> 00:00:04,000\nBye\n",
                n + ": cue 2 (line 6): malformed start time '00:00:0x,000'"),
      bytesCase("BrokenEndTime", n, "1\n00:00:01,000 --> 00:00:02;000\nHi\n",
                n + ": cue 1 (line 2): malformed end time '00:00:02;000'"),
      bytesCase("EndBeforeStart", n, first + "2\n00:01:00,000 --> 00:00:59,999\nBye\n",
                n + ": cue 2 (line 6): end time 00:00:59.999 is before start time 00:01:00.000"),
      bytesCase("MissingArrow", n, "1\n00:00:01,000 00:00:02,000\nHi\n",
                n + ": cue 1 (line 2): missing '-->' between the start and end times"),
      bytesCase("MissingArrowWithoutACueNumber", n, first + "00:00:03,000 00:00:04,000\nBye\n",
                n + ": cue 2 (line 5): missing '-->' between the start and end times"),
      bytesCase("NumberFollowedByText", n, "1\nHello\n",
                n + ": cue 1 (line 2): expected a timing line like '00:00:01,000 --> "
                    "00:00:04,000', found 'Hello'"),
      bytesCase("NumberWithoutTimingAtTheEnd", n, first + "2\n",
                n + ": cue 2 (line 5): cue number without a timing line like '00:00:01,000 --> "
                    "00:00:04,000'"),
      bytesCase("TextWhereACueShouldStart", n, "Hello\n",
                n + ": cue 1 (line 1): expected a cue number, found 'Hello'"),
      bytesCase("VttRenamedSrt", n, "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n",
                n + ": cue 1 (line 1): expected a cue number, found 'WEBVTT'"),
      bytesCase("CuesWithoutText", n, "1\n00:00:01,000 --> 00:00:02,000\n<i></i>\n",
                n + ": file: no text"),
  };
  cases.insert(cases.end(), more.begin(), more.end());
  return cases;
}

Transcript loadSrt(const std::string& bytes, const std::string& encoding = "") {
  TempDir dir;
  test::writeFile(dir / "t.srt", bytes);
  importers::Options options;
  options.encoding = encoding;
  return importers::loadTranscript(dir / "t.srt", options);
}

std::string said(const Transcript& t, std::size_t turn) {
  return std::string(text::sliceCodePoints(t.text, t.turns.at(turn).start, t.turns.at(turn).end));
}

}  // namespace

class SrtMalformed : public testing::TestWithParam<MalformedCase> {};
TEST_P(SrtMalformed, FailsWithTheExactMessage) {
  EXPECT_EQ(test::importError(GetParam()), GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Srt, SrtMalformed, testing::ValuesIn(srtCases()), test::caseName);

TEST(SrtImporter, NameLabelsGiveSpeakersAndConsecutiveCuesMerge) {
  const Transcript t = loadSrt(
      "1\n00:00:04,000 --> 00:00:09,429\nHelen Okafor: Okay, I think\nwe're all here.\n\n"
      "2\n00:00:09,507 --> 00:00:11,996\nHelen Okafor: Can everyone hear me?\n\n"
      "3\n00:00:12,945 --> 00:00:14,224\nRenée Fournier: Loud and clear 👍\n\n"
      "4\n00:00:15,000 --> 00:00:16,000\nGrace Chau: [chat] 三个臭皮匠 🙂\n");
  EXPECT_EQ(t.format, "srt");
  ASSERT_EQ(t.turns.size(), 3u);
  EXPECT_EQ(t.turns[0].speaker, "Helen Okafor");
  EXPECT_EQ(said(t, 0), "Okay, I think we're all here. Can everyone hear me?");
  EXPECT_EQ(t.turns[0].startMs, 4000);
  EXPECT_EQ(t.turns[0].endMs, 11996);
  EXPECT_EQ(t.turns[1].speaker, "Renée Fournier");
  EXPECT_EQ(said(t, 1), "Loud and clear 👍");
  EXPECT_EQ(t.turns[2].speaker, "Grace Chau");
  EXPECT_EQ(said(t, 2), "[chat] 三个臭皮匠 🙂");
}

TEST(SrtImporter, StripsFormattingTagsButKeepsOtherAngleBrackets) {
  const Transcript t = loadSrt(
      "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>Quiet</i> <font color=\"#fff\">please</font>, I "
      "<3 it\n");
  EXPECT_EQ(t.text, "Quiet please, I <3 it");
}

// The same rule as WebVTT (issue 21 A3): a tag closes before the next '<' or line break, or
// it is text.
TEST(SrtImporter, KeepsALessThanThatStartsNoTagAsWebVttDoes) {
  EXPECT_EQ(loadSrt("1\n00:00:01,000 --> 00:00:02,000\ncosts went < 5 million and we were "
                    "pleased\n")
                .text,
            "costs went < 5 million and we were pleased");
  EXPECT_EQ(loadSrt("1\n00:00:01,000 --> 00:00:02,000\n<i hello <b>there</b>\nand <\n").text,
            "<i hello there and <");
}

// Subtitle editors (Aegisub, Subtitle Edit) and YouTube's SRT export escape text as HTML does.
TEST(SrtImporter, DecodesCharacterReferences) {
  EXPECT_EQ(
      loadSrt("1\n00:00:01,000 --> 00:00:02,000\nR: Tom &amp; Jerry &lt;3 &gt; &quot;hi&quot; "
              "it&#39;s caf&#233; &#x1F600;&nbsp;ok\n")
          .text,
      "R: Tom & Jerry <3 > \"hi\" it's café 😀 ok");
}

// One pass: an escaped tag is text the speaker typed, not markup to drop.
TEST(SrtImporter, AnEscapedTagIsKeptAsText) {
  EXPECT_EQ(loadSrt("1\n00:00:01,000 --> 00:00:02,000\nuse &lt;i&gt; for <i>italics</i>\n").text,
            "use <i> for italics");
}

TEST(SrtImporter, AnAmpersandThatStartsNoReferenceIsText) {
  EXPECT_EQ(loadSrt("1\n00:00:01,000 --> 00:00:02,000\nQ&A: AT&T &bogus; &amp &#0; & done\n").text,
            "Q&A: AT&T &bogus; &amp &#0; & done");
}

TEST(SrtImporter, DropsNestedFormattingTagsAndKeepsTheirWords) {
  EXPECT_EQ(loadSrt("1\n00:00:01,000 --> 00:00:02,000\n<b><i>Helen</i></b> <font face=\"Arial\" "
                    "size=\"12\"><u>we</u> said &quot;no&quot;</font>\n")
                .text,
            "Helen we said \"no\"");
}

TEST(SrtImporter, ToleratesMissingNumbersMissingBlankLinesAndPeriods) {
  const Transcript t = loadSrt(
      "00:00:01.000 --> 00:00:02.000\none\n2\n00:00:03,000 --> 00:00:04,000 X1:10 X2:20\ntwo\n");
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(said(t, 0), "one");
  EXPECT_EQ(said(t, 1), "two");
  EXPECT_EQ(t.turns[1].startMs, 3000);
}

TEST(SrtImporter, DecodesANamedEncoding) {
  EXPECT_EQ(loadSrt("1\r\n00:00:01,000 --> 00:00:02,000\r\nR: caf\xE9\r\n", "windows-1252").text,
            "R: café");
}

TEST(SrtImporter, DecodesUtf16BigEndianWithABom) {
  EXPECT_EQ(loadSrt(test::utf16("1\n00:00:01,000 --> 00:00:02,000\nna\xEFve\n", false)).text,
            "naïve");
}

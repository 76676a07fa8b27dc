#include "../../importers/src/turn_builder.h"

#include <gtest/gtest.h>

#include "../../importers/src/caption_turns.h"
#include "cmoc/text.h"
#include "expect_error.h"

using namespace cmoc;
using namespace cmoc::importers;

namespace {

Transcript build(std::vector<std::string> paragraphs) {
  std::vector<Block> blocks;
  for (std::string& p : paragraphs) blocks.push_back(Block{std::move(p)});
  return buildTranscript("t.txt", "text", std::move(blocks));
}

// Caption cues through the two passes the caption readers make.
Transcript captions(const std::vector<Block>& cues) {
  return buildCaptionTranscript("t.vtt", "vtt", [&](auto&& visit) {
    for (const Block& cue : cues) visit(cue);
  });
}

std::string said(const Transcript& t, std::size_t turn) {
  return std::string(text::sliceCodePoints(t.text, t.turns.at(turn).start, t.turns.at(turn).end));
}

struct Said {
  std::string speaker, speech;
  bool operator==(const Said&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Said& s) {
  return os << s.speaker << ": " << s.speech;
}

std::vector<Said> turns(const Transcript& t) {
  std::vector<Said> out;
  for (std::size_t i = 0; i < t.turns.size(); ++i) out.push_back({t.turns[i].speaker, said(t, i)});
  return out;
}

}  // namespace

TEST(TurnBuilder, RepeatedNameLabelsAreSpeakers) {
  const Transcript t =
      build({"Gwen Pritchard: Oh, dreadful.", "Dev Sharma: Quite.", "Gwen Pritchard: Déjà vu 😀."});
  EXPECT_EQ(turns(t), (std::vector<Said>{{"Gwen Pritchard", "Oh, dreadful."},
                                         {"Dev Sharma", "Quite."},
                                         {"Gwen Pritchard", "Déjà vu 😀."}}));
  EXPECT_EQ(t.text,
            "Gwen Pritchard: Oh, dreadful.\nDev Sharma: Quite.\nGwen Pritchard: Déjà vu 😀.");
}

TEST(TurnBuilder, KnownRoleLabelsCountEvenOnce) {
  for (const char* label :
       {"INTERVIEWER", "Interviewer", "I", "R", "P19", "INT1", "Respondent", "Moderator"}) {
    SCOPED_TRACE(label);
    const Transcript t = build({std::string(label) + ": Zoë's café?"});
    ASSERT_EQ(t.turns.size(), 1u);
    EXPECT_EQ(t.turns[0].speaker, label);
    EXPECT_EQ(said(t, 0), "Zoë's café?");
  }
}

TEST(TurnBuilder, InterviewWithSingleLetterLabels) {
  const Transcript t = build({"I: How did it start?", "R: With a rôle paper.", "I: And then?"});
  EXPECT_EQ(turns(t),
            (std::vector<Said>{
                {"I", "How did it start?"}, {"R", "With a rôle paper."}, {"I", "And then?"}}));
}

TEST(TurnBuilder, TimestampedLabelsGiveSpeakerAndStartTime) {
  const Transcript t =
      build({"[00:01:02] Helen Okafor: Hi Rosa.", "[00:01:05] Rosa Delgado: Hola 👋.",
             "[00:01:09] Helen Okafor: Shall we start?"});
  EXPECT_EQ(turns(t), (std::vector<Said>{{"Helen Okafor", "Hi Rosa."},
                                         {"Rosa Delgado", "Hola 👋."},
                                         {"Helen Okafor", "Shall we start?"}}));
  EXPECT_EQ(t.turns[0].startMs, 62000);
  EXPECT_EQ(t.turns[0].endMs, 65000);  // a turn ends where the next begins
  EXPECT_EQ(t.turns[1].startMs, 65000);
}

TEST(TurnBuilder, OtterHeaderLinesGiveTheSpeakerOfTheFollowingParagraphs) {
  const Transcript t = build(
      {"Tom Brennan  00:00:03", "Thanks for joining.", "", "Deborah Linwood  00:00:07", "Pleasure.",
       "Recruitment was the naïve hope.", "", "Tom Brennan  01:02:03", "Right."});
  EXPECT_EQ(turns(t),
            (std::vector<Said>{{"Tom Brennan", "Thanks for joining."},
                               {"Deborah Linwood", "Pleasure.\nRecruitment was the naïve hope."},
                               {"Tom Brennan", "Right."}}));
  EXPECT_EQ(t.turns[0].startMs, 3000);
  EXPECT_EQ(t.turns[2].startMs, 3723000);
}

TEST(TurnBuilder, AOneOffNoteIsNotASpeaker) {
  const Transcript alone = build({"Note: the recorder failed.", "We talked about trust."});
  EXPECT_EQ(turns(alone), (std::vector<Said>{{"", "Note: the recorder failed."},
                                             {"", "We talked about trust."}}));
  const Transcript amongSpeakers =
      build({"I: Hello.", "R: Hi.", "Note: the recorder failed here.", "I: Bye."});
  EXPECT_EQ(turns(amongSpeakers),
            (std::vector<Said>{
                {"I", "Hello."}, {"R", "Hi.\nNote: the recorder failed here."}, {"I", "Bye."}}));
}

TEST(TurnBuilder, TextWithoutSpeakersIsOneTurnPerParagraph) {
  const Transcript t = build({"First thought.", "", "Second, with café 😀.", "Third"});
  EXPECT_EQ(turns(t), (std::vector<Said>{
                          {"", "First thought."}, {"", "Second, with café 😀."}, {"", "Third"}}));
  EXPECT_EQ(t.text, "First thought.\n\nSecond, with café 😀.\nThird");
}

TEST(TurnBuilder, UnlabelledParagraphsContinueTheCurrentSpeaker) {
  const Transcript t = build({"I: Tell me.", "R: Well.", "", "It went on.", "I: Thanks."});
  EXPECT_EQ(turns(t), (std::vector<Said>{
                          {"I", "Tell me."}, {"R", "Well.\n\nIt went on."}, {"I", "Thanks."}}));
}

TEST(TurnBuilder, ConsecutiveParagraphsOfOneSpeakerAreOneTurn) {
  const Transcript t = build({"R: One.", "R: Two.", "I: Three."});
  EXPECT_EQ(turns(t), (std::vector<Said>{{"R", "One.\nR: Two."}, {"I", "Three."}}));
}

TEST(TurnBuilder, AMarkedSpeakerSkipsItsLabelInTheText) {
  std::vector<Block> blocks{{"Dr Priya Raman: We merged.", "Dr Priya Raman"},
                            {"Plain.", "Tom Brennan"}};
  const Transcript t = buildTranscript("t.docx", "docx", std::move(blocks));
  EXPECT_EQ(turns(t),
            (std::vector<Said>{{"Dr Priya Raman", "We merged."}, {"Tom Brennan", "Plain."}}));
}

TEST(TurnBuilder, ALabelAloneOnItsLineIntroducesTheFollowingParagraphs) {
  std::vector<Block> blocks{
      {"Interviewer:", "Interviewer"}, {"How did it start?"}, {"Priya:", "Priya"}, {"Slowly."}};
  const Transcript t = buildTranscript("t.docx", "docx", std::move(blocks));
  EXPECT_EQ(turns(t),
            (std::vector<Said>{{"Interviewer", "How did it start?"}, {"Priya", "Slowly."}}));
}

TEST(TurnBuilder, CaptionCuesOfOneSpeakerMergeWithTheirTimes) {
  std::vector<Block> blocks{{"Hi Zoë,", "Helen Okafor", 1000, 2000},
                            {"can you hear me?", "Helen Okafor", 2000, 3500},
                            {"Yes 👍", "Zoë Adebayo-Müller", 4000, 5000}};
  const Transcript t = captions(blocks);
  EXPECT_EQ(t.text, "Helen Okafor: Hi Zoë, can you hear me?\n\nZoë Adebayo-Müller: Yes 👍");
  EXPECT_EQ(turns(t), (std::vector<Said>{{"Helen Okafor", "Hi Zoë, can you hear me?"},
                                         {"Zoë Adebayo-Müller", "Yes 👍"}}));
  EXPECT_EQ(t.turns[0].startMs, 1000);
  EXPECT_EQ(t.turns[0].endMs, 3500);
  EXPECT_EQ(t.turns[1].startMs, 4000);
  EXPECT_EQ(t.turns[1].endMs, 5000);
}

TEST(TurnBuilder, CaptionCuesWithNameLabelsAreRecognised) {
  std::vector<Block> blocks{{"Tom Brennan: So,", "", 0, 1000},
                            {"Tom Brennan: tell me.", "", 1000, 2000},
                            {"Siobhán Kearney: Sure.", "", 2500, 3000}};
  const Transcript t = captions(blocks);
  EXPECT_EQ(turns(t),
            (std::vector<Said>{{"Tom Brennan", "So, tell me."}, {"Siobhán Kearney", "Sure."}}));
  EXPECT_EQ(t.text, "Tom Brennan: So, tell me.\n\nSiobhán Kearney: Sure.");
}

TEST(TurnBuilder, RefusesATranscriptWithoutText) {
  EXPECT_EQ(test::inputErrorOf([] { build({"", "  ", "\t"}); }), "t.txt: file: no text");
}

TEST(TurnBuilder, ParsesClockTimes) {
  EXPECT_EQ(parseClock("01:02:03"), 3723000);
  EXPECT_EQ(parseClock("1:02:03.450"), 3723450);
  EXPECT_EQ(parseClock("01:02"), 62000);
  EXPECT_EQ(parseClock("00:00:01,5"), 1500);
  EXPECT_EQ(parseClock("00:60"), std::nullopt);
  EXPECT_EQ(parseClock("1"), std::nullopt);
  EXPECT_EQ(parseClock("00:00:01.0000"), std::nullopt);
  EXPECT_EQ(parseClock("00:0x"), std::nullopt);
  EXPECT_EQ(parseClock("1:2:3:4"), std::nullopt);
  // Hours of a six-digit clock still fit; longer parts are no clock (they overflowed once:
  // tests/fuzz-regressions/vtt, srt).
  EXPECT_EQ(parseClock("999999:59:59.999"), 999999LL * 3600000 + 3599999);
  EXPECT_EQ(parseClock("1111111111111111111:00:00"), std::nullopt);
  EXPECT_EQ(parseClock("00:0000001"), std::nullopt);
}

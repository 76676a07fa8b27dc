// The shared transcript builder: its offsets are what every test that uses it relies on.
#include "transcript_builder.h"

#include <gtest/gtest.h>

#include "cmoc/text.h"

namespace cmoc::test {
namespace {

std::string said(const Transcript& t, std::size_t i) {
  return std::string(text::sliceCodePoints(t.text, t.turns.at(i).start, t.turns.at(i).end));
}

TEST(TranscriptBuilder, InterviewSeparatesTurnsByBlankLinesAndEndsWithANewline) {
  const Transcript t = interview("a.txt", {{"Interviewer", "Why?"}, {"Zoë", "Café talk."}});
  EXPECT_EQ(t.fileName, "a.txt");
  EXPECT_EQ(t.format, "text");
  EXPECT_EQ(t.text, "Interviewer: Why?\n\nZoë: Café talk.\n");
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(t.turns[0].speaker, "Interviewer");
  EXPECT_EQ(t.turns[0].start, 13);
  EXPECT_EQ(t.turns[0].end, 17);
  // Code points, not bytes: "Zoë: " is five.
  EXPECT_EQ(t.turns[1].start, 24);
  EXPECT_EQ(t.turns[1].end, 34);
  EXPECT_EQ(said(t, 1), "Café talk.");
}

TEST(TranscriptBuilder, TakesItsSeparatorTailAndTimes) {
  const Transcript t = TranscriptBuilder("b.txt")
                           .between("\n")
                           .ending(" Really.")
                           .turn("I", "Why?")
                           .turn("R", "Trust.", 1000, 5000)
                           .build();
  EXPECT_EQ(t.text, "I: Why?\nR: Trust. Really.");
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(said(t, 0), "Why?");
  EXPECT_EQ(said(t, 1), "Trust.");
  EXPECT_EQ(t.turns[0].startMs, std::nullopt);
  EXPECT_EQ(t.turns[1].startMs, 1000);
  EXPECT_EQ(t.turns[1].endMs, 5000);
}

}  // namespace
}  // namespace cmoc::test

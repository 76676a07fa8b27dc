#include "../../importers/src/captions.h"

#include <gtest/gtest.h>

#include "expect_error.h"

using namespace cmoc::importers;
using cmoc::test::inputErrorOf;

TEST(CaptionsTiming, ParsesStartEndAndIgnoresSettings) {
  const CueTiming t =
      parseCueTiming("01:02:03.450 --> 01:02:04.000 line:0 align:start", "f", "w", "e");
  EXPECT_EQ(t.startMs, 3723450);
  EXPECT_EQ(t.endMs, 3724000);
  EXPECT_EQ(parseCueTiming("00:01,5-->00:02", "f", "w", "e").startMs, 1500);
}

TEST(CaptionsTiming, AZeroLengthCueIsAllowed) {
  EXPECT_EQ(parseCueTiming("00:01.000 --> 00:01.000", "f", "w", "e").endMs, 1000);
}

TEST(CaptionsTiming, NamesEachKindOfBrokenTimingLine) {
  const struct {
    const char* line;
    const char* expected;
  } cases[] = {
      {"hello", "f: cue 1 (line 2): expected a timing line like 'EX', found 'hello'"},
      {"00:00:01.000 00:00:02.000",
       "f: cue 1 (line 2): missing '-->' between the start and end times"},
      {"-->", "f: cue 1 (line 2): missing start time before '-->'"},
      {"00:01.000 -->  ", "f: cue 1 (line 2): missing end time after '-->'"},
      {"00:01.0x0 --> 00:02.000", "f: cue 1 (line 2): malformed start time '00:01.0x0'"},
      {"00:01.000 --> 1:2:3:4", "f: cue 1 (line 2): malformed end time '1:2:3:4'"},
      {"00:60.000 --> 01:00.000", "f: cue 1 (line 2): malformed start time '00:60.000'"},
      {"00:02.000 --> 00:01.999",
       "f: cue 1 (line 2): end time 00:00:01.999 is before start time 00:00:02.000"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.line);
    EXPECT_EQ(inputErrorOf([&] { parseCueTiming(c.line, "f", cueWhere(1, 2), "EX"); }), c.expected);
  }
}

TEST(CaptionsText, FormatsMillisecondsAsAClock) {
  EXPECT_EQ(formatMs(0), "00:00:00.000");
  EXPECT_EQ(formatMs(3723450), "01:02:03.450");
}

TEST(CaptionsText, DecodesKnownCharacterReferencesOnly) {
  const struct {
    const char* in;
    std::size_t consumed;
    const char* out;
  } cases[] = {
      {"&amp;x", 5, "&"},    {"&lt;", 4, "<"},      {"&gt;", 4, ">"},    {"&nbsp;", 6, " "},
      {"&#233;", 6, "é"},    {"&#x1F600;", 9, "😀"}, {"&#xD800;", 0, ""}, {"&#0;", 0, ""},
      {"&#x110000;", 0, ""}, {"&bogus;", 0, ""},    {"& alone", 0, ""},  {"&amp", 0, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.in);
    std::string out;
    EXPECT_EQ(appendCharacterReference(c.in, out), c.consumed);
    EXPECT_EQ(out, c.out);
  }
}

static std::vector<std::string_view> linesOf(std::string_view text) {
  std::vector<std::string_view> lines;
  for (LineCursor c(text); !c.done(); c.next()) {
    EXPECT_EQ(c.number(), lines.size() + 1);
    lines.push_back(c.line());
  }
  return lines;
}

TEST(CaptionsText, WalksLinesWithoutAPhantomLastLine) {
  EXPECT_EQ(linesOf("a\n\nb\n"), (std::vector<std::string_view>{"a", "", "b"}));
  EXPECT_EQ(linesOf("a"), (std::vector<std::string_view>{"a"}));
  EXPECT_EQ(linesOf("\n"), (std::vector<std::string_view>{""}));
  EXPECT_TRUE(linesOf("").empty());
}

TEST(CaptionsText, PeeksAtTheNextLine) {
  LineCursor c("1\n00:00 --> 00:01\n");
  EXPECT_EQ(c.peek(), "00:00 --> 00:01");
  c.next();
  EXPECT_EQ(c.peek(), std::nullopt);
  LineCursor d("a\n\n");
  EXPECT_EQ(d.peek(), "");
}

TEST(CaptionsText, CollapsesWhiteSpace) {
  EXPECT_EQ(collapseSpaces("  a \t b\n c  "), "a b c");
  EXPECT_EQ(collapseSpaces(" \n "), "");
}

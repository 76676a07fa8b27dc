#include "cmoc/text.h"

#include <gtest/gtest.h>

using namespace cmoc::text;

TEST(Text, FirstInvalidUtf8NamesTheByteOffset) {
  EXPECT_EQ(firstInvalidUtf8("plain"), std::nullopt);
  EXPECT_EQ(firstInvalidUtf8("caf\xC3\xA9"), std::nullopt);
  EXPECT_EQ(firstInvalidUtf8("ab\xFF" "cd"), 2u);
  EXPECT_EQ(firstInvalidUtf8("abc\xC3"), 3u);             // truncated sequence
  EXPECT_EQ(firstInvalidUtf8("\xC0\xAF"), 0u);            // overlong '/'
  EXPECT_EQ(firstInvalidUtf8("x\xED\xA0\x80"), 1u);       // surrogate
}

TEST(Text, NormalizeMakesNfcAndLineFeeds) {
  EXPECT_EQ(normalize("a\r\nb\rc\n"), "a\nb\nc\n");
  EXPECT_EQ(normalize("cafe\xCC\x81"), "caf\xC3\xA9");  // e + combining acute -> é
}

TEST(Text, FoldIgnoresCaseAndAccentsInAnyScript) {
  EXPECT_EQ(fold("Café"), "cafe");
  EXPECT_EQ(fold("ZOË"), "zoe");
  EXPECT_EQ(fold("Straße"), "strasse");
  EXPECT_EQ(fold("Άθήνα"), fold("αθηνα"));
  EXPECT_EQ(fold("ｆｕｌｌ"), "full");
}

TEST(Text, TextIndexConvertsBetweenCodePointsBytesAndUtf16) {
  const std::string s = "aé😀中b";  // 1 + 2 + 4 + 3 + 1 bytes; UTF-16: 1+1+2+1+1
  TextIndex idx(s);
  EXPECT_EQ(idx.codePoints(), 5);
  EXPECT_EQ(idx.utf16Units(), 6);
  EXPECT_EQ(idx.byteOfCodePoint(2), 3);
  EXPECT_EQ(idx.byteOfCodePoint(3), 7);
  EXPECT_EQ(idx.byteOfCodePoint(5), 11);
  EXPECT_EQ(idx.codePointOfByte(7), 3);
  EXPECT_EQ(idx.codePointOfByte(5), 2);  // inside the emoji
  EXPECT_EQ(idx.utf16OfCodePoint(3), 4);
  EXPECT_EQ(idx.codePointOfUtf16(4), 3);
  EXPECT_EQ(idx.codePointOfUtf16(3), 2);  // inside the surrogate pair
}

TEST(Text, TextIndexRoundTripsAcrossCheckpoints) {
  std::string s;
  for (int i = 0; i < 500; ++i) s += (i % 3 == 0) ? "é" : (i % 7 == 0 ? "😀" : "x");
  TextIndex idx(s);
  for (std::int64_t cp = 0; cp <= idx.codePoints(); ++cp) {
    EXPECT_EQ(idx.codePointOfByte(idx.byteOfCodePoint(cp)), cp);
    EXPECT_EQ(idx.codePointOfUtf16(idx.utf16OfCodePoint(cp)), cp);
  }
}

TEST(Text, SnapNeverSplitsAGrapheme) {
  const std::string s = "ae\xCC\x81z👍🏽!";  // a, e+combining acute, z, thumbs up + skin tone, !
  // code points: a0 e1 ◌́2 z3 👍4 🏽5 !6
  using Span = std::pair<std::int64_t, std::int64_t>;
  EXPECT_EQ(snapToGraphemes(s, 2, 3), Span(1, 3));
  EXPECT_EQ(snapToGraphemes(s, 5, 6), Span(4, 6));
  EXPECT_EQ(snapToGraphemes(s, 0, 100), Span(0, 7));
}

TEST(Text, SliceCodePoints) {
  EXPECT_EQ(sliceCodePoints("aé😀b", 1, 3), "é😀");
  EXPECT_EQ(sliceCodePoints("abc", 2, 10), "c");
}

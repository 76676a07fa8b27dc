#include <gtest/gtest.h>

#include "cmoc/importers/importer.h"
#include "cmoc/text.h"
#include "malformed_case.h"
#include "test_support.h"

using namespace cmoc;
using cmoc::test::MalformedCase;
using cmoc::test::TempDir;

class PlainTextMalformed : public testing::TestWithParam<MalformedCase> {};

TEST_P(PlainTextMalformed, FailsWithTheExactMessage) {
  EXPECT_EQ(test::importError(GetParam()), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(PlainText, PlainTextMalformed,
                         testing::ValuesIn(test::encodingCases("t.txt", "Interviewer: hello\n")),
                         test::caseName);

namespace {
Transcript loadBytes(const std::string& bytes, const std::string& encoding = "") {
  TempDir dir;
  test::writeFile(dir / "t.txt", bytes);
  importers::Options options;
  options.encoding = encoding;
  return importers::loadTranscript(dir / "t.txt", options);
}
}  // namespace

TEST(PlainTextImporter, DecodesUtf16LittleEndianWithABom) {
  const Transcript t = loadBytes(test::utf16("I: caf\xE9\r\nR: ok\r\n", true));
  EXPECT_EQ(t.text, "I: café\nR: ok\n");
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(text::sliceCodePoints(t.text, t.turns[0].start, t.turns[0].end), "café");
}

TEST(PlainTextImporter, DecodesUtf16BigEndianWithABom) {
  EXPECT_EQ(loadBytes(test::utf16("I: caf\xE9\nR: ok", false)).text, "I: café\nR: ok");
}

namespace {
// Code points (below U+10000 here) as UTF-32 with its byte-order mark.
std::string utf32(const std::u16string& text, bool littleEndian) {
  std::string out = littleEndian ? std::string("\xFF\xFE\0\0", 4) : std::string("\0\0\xFE\xFF", 4);
  for (char16_t c : text) {
    const char b[4] = {0, 0, static_cast<char>(c >> 8), static_cast<char>(c & 0xFF)};
    if (littleEndian)
      out.append({b[3], b[2], b[1], b[0]});
    else
      out.append(b, 4);
  }
  return out;
}
}  // namespace

// Read as UTF-16 (its BOM begins with UTF-16LE's), such text was every character and a NUL.
TEST(PlainTextImporter, DecodesUtf32WithABomInBothByteOrders) {
  for (bool le : {true, false}) {
    const Transcript t = loadBytes(utf32(u"I: caf\u00E9 \u4E09\r\nR: ok\n", le));
    EXPECT_EQ(t.text, "I: café 三\nR: ok\n") << le;
    EXPECT_EQ(t.text.find('\0'), std::string::npos);
    EXPECT_EQ(t.turns.size(), 2u);
  }
}

TEST(PlainTextImporter, DecodesANamedEncoding) {
  // windows-1252: 0x93/0x94 are curly quotes, 0xE9 is é.
  EXPECT_EQ(loadBytes("I: \x93"
                      "caf\xE9\x94\n",
                      "windows-1252")
                .text,
            "I: “café”\n");
}

TEST(PlainTextImporter, ABomWinsOverANamedEncoding) {
  EXPECT_EQ(loadBytes("\xEF\xBB\xBFI: café", "windows-1252").text, "I: café");
}

TEST(PlainTextImporter, StoresNfcWithLineFeeds) {
  const Transcript t = loadBytes("I: cafe\xCC\x81\r\nR: ok\rI: bye");
  EXPECT_EQ(t.text, "I: caf\xC3\xA9\nR: ok\nI: bye");
  EXPECT_EQ(t.format, "text");
  EXPECT_EQ(t.fileName, "t.txt");
}

TEST(PlainTextImporter, RefusesAMissingFile) {
  TempDir dir;
  EXPECT_EQ(test::inputErrorOf([&] { importers::loadTranscript(dir / "gone.txt"); }),
            "gone.txt: file: no such file");
}

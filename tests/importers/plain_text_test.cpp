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

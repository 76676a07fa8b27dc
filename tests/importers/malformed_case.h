#pragma once
// Tables of malformed inputs: each case names the behaviour, builds the file's bytes when the
// test runs (zip cases need libzip), and gives the exact message the import must fail with.
#include <gtest/gtest.h>

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "cmoc/importers/importer.h"
#include "expect_error.h"
#include "test_support.h"

namespace cmoc::test {

struct MalformedCase {
  std::string behaviour;  // a test name: letters and digits only
  std::string fileName;
  std::function<std::string()> bytes;
  std::string encoding;  // --encoding
  std::string expected;  // what() of the InputError
};

inline void PrintTo(const MalformedCase& c, std::ostream* os) { *os << c.behaviour; }

inline std::string caseName(const testing::TestParamInfo<MalformedCase>& info) {
  return info.param.behaviour;
}

inline MalformedCase bytesCase(std::string behaviour, std::string fileName, std::string bytes,
                               std::string expected, std::string encoding = "") {
  return MalformedCase{std::move(behaviour), std::move(fileName),
                       [b = std::move(bytes)] { return b; }, std::move(encoding),
                       std::move(expected)};
}

// Writes the case's file and imports it through the factory, as the CLI does.
inline std::string importError(const MalformedCase& c) {
  TempDir dir;
  writeFile(dir / c.fileName, c.bytes());
  importers::Options options;
  options.encoding = c.encoding;
  return inputErrorOf([&] { importers::loadTranscript(dir / c.fileName, options); });
}

// What every text-based format shares: bytes that are not valid text in the encoding in use.
// `valid` is a good start for the format, so offsets in the messages count it.
inline std::vector<MalformedCase> encodingCases(const std::string& fileName,
                                                const std::string& valid) {
  const std::string n = fileName;
  auto at = [&](std::size_t extra) { return std::to_string(valid.size() + extra); };
  const std::string utf8Hint =
      "invalid UTF-8; if the file uses another encoding, name it with --encoding";
  return {
      bytesCase("EmptyFile", n, "", n + ": file: empty file"),
      bytesCase("OnlyWhiteSpace", n, " \n\t\r\n", n + ": file: no text (only white space)"),
      bytesCase("InvalidUtf8NamesTheByteOffset", n,
                valid + "ab\xFF"
                        "cd",
                n + ": byte " + at(2) + ": " + utf8Hint),
      bytesCase("InvalidUtf8AfterABomCountsTheBom", n, "\xEF\xBB\xBF" + valid + "ab\xFF",
                n + ": byte " + at(5) + ": " + utf8Hint),
      bytesCase("TruncatedUtf8SequenceAtTheEnd", n, valid + "caf\xC3",
                n + ": byte " + at(3) + ": " + utf8Hint),
      bytesCase("OverlongUtf8", n, valid + "\xC0\xAF", n + ": byte " + at(0) + ": " + utf8Hint),
      bytesCase("BinaryFileWithNulBytes", n, valid + std::string("\x01\x02\0\x03garbage", 11),
                n + ": byte " + at(2) + ": binary file (NUL byte); not a text transcript"),
      bytesCase(
          "Utf16WithoutABomIsRecognisedAndNamed", n, std::string("W\0E\0", 4),
          n + ": byte 1: NUL bytes: this looks like UTF-16 without a byte-order mark; name it with "
              "--encoding UTF-16LE"),
      bytesCase("OddLengthUtf16LittleEndian", n,
                std::string("\xFF\xFE"
                            "a\0b",
                            5),
                n + ": byte 4: truncated UTF-16 text"),
      bytesCase("OddLengthUtf16BigEndian", n, std::string("\xFE\xFF\0a\0", 5),
                n + ": byte 4: truncated UTF-16 text"),
      bytesCase("UnpairedUtf16SurrogateNamesItsByte", n,
                std::string("\xFF\xFE"
                            "a\0\x00\xD8"
                            "b\0",
                            8),
                n + ": byte 4: not valid UTF-16LE text"),
      bytesCase("TruncatedUtf32LittleEndian", n, std::string("\xFF\xFE\0\0a\0\0\0b\0", 10),
                n + ": byte 8: truncated UTF-32 text"),
      bytesCase("TruncatedUtf32BigEndian", n, std::string("\0\0\xFE\xFF\0\0\0a\0", 9),
                n + ": byte 8: truncated UTF-32 text"),
      bytesCase("Utf32BeyondUnicodeNamesItsByte", n,
                std::string("\xFF\xFE\0\0a\0\0\0\0\0\x11\0", 12),
                n + ": byte 8: not valid UTF-32LE text"),
      bytesCase("UnknownEncodingName", n, valid + "text",
                n + ": --encoding: unknown encoding 'no-such-encoding'", "no-such-encoding"),
      bytesCase("BytesInvalidInTheNamedEncoding", n, valid + "caf\xE9",
                n + ": byte " + at(3) + ": not valid US-ASCII text", "US-ASCII"),
  };
}

// UTF-16LE/BE bytes with a BOM for ASCII-or-Latin-1 `text` (enough for the tests' texts).
inline std::string utf16(const std::string& latin1, bool littleEndian) {
  std::string out = littleEndian ? "\xFF\xFE" : "\xFE\xFF";
  for (char c : latin1) {
    if (littleEndian) {
      out.push_back(c);
      out.push_back('\0');
    } else {
      out.push_back('\0');
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace cmoc::test

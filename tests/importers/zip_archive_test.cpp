#include "../../importers/src/zip_archive.h"

#include <gtest/gtest.h>

#include <cstring>

#include "expect_error.h"
#include "test_support.h"
#include "zip_builder.h"

using namespace cmoc::importers;
using cmoc::test::inputErrorOf;
using cmoc::test::makeZip;
using cmoc::test::TempDir;

namespace {

// Rewrites the uncompressed size in the first local header and the first central directory
// record, so the archive claims less than it holds (what a crafted bomb does).
std::string understateFirstEntrySize(std::string zip, std::uint32_t claimed) {
  auto patch = [&](const char* signature, std::size_t fieldOffset) {
    const std::size_t at = zip.find(std::string(signature, 4));
    if (at == std::string::npos) throw std::runtime_error("signature not found");
    std::memcpy(zip.data() + at + fieldOffset, &claimed, 4);  // little-endian host
  };
  patch("PK\x03\x04", 22);
  patch("PK\x01\x02", 24);
  return zip;
}

}  // namespace

TEST(ImporterZipArchive, ListsEntriesAndReadsThemWhole) {
  TempDir dir;
  const std::string bytes =
      makeZip(dir / "a.zip", {{"one.txt", "first"}, {"sub/two.xml", std::string(5000, 'x')}});
  ZipArchive zip(bytes, "a.zip");
  ASSERT_EQ(zip.entries().size(), 2u);
  EXPECT_EQ(zip.entries()[1].name, "sub/two.xml");
  EXPECT_EQ(zip.entries()[1].size, 5000u);
  EXPECT_EQ(zip.read("one.txt"), "first");
  EXPECT_EQ(zip.read("sub/two.xml"), std::string(5000, 'x'));
  EXPECT_EQ(zip.find("three"), nullptr);
}

TEST(ImporterZipArchive, OpensFromAPathWithTheFileSizeChecks) {
  TempDir dir;
  makeZip(dir / "a.zip", {{"one.txt", "first"}});
  EXPECT_EQ(ZipArchive::open(dir / "a.zip").read("one.txt"), "first");
  cmoc::test::writeFile(dir / "empty.zip", "");
  EXPECT_EQ(inputErrorOf([&] { ZipArchive::open(dir / "empty.zip"); }),
            "empty.zip: file: empty file");
}

TEST(ImporterZipArchive, SurvivesBeingMoved) {
  TempDir dir;
  ZipArchive first(makeZip(dir / "a.zip", {{"one.txt", "first"}}), "a.zip");
  ZipArchive second = std::move(first);
  EXPECT_EQ(second.read("one.txt"), "first");
}

TEST(ImporterZipArchive, RefusesAFileThatIsNotAZip) {
  EXPECT_EQ(
      inputErrorOf([] { ZipArchive("just some text, not a zip", "x.docx"); }),
      "x.docx: file: not a valid zip archive (no zip directory: not a zip file, or truncated)");
}

TEST(ImporterZipArchive, RefusesATruncatedZip) {
  TempDir dir;
  const std::string bytes =
      makeZip(dir / "a.zip", {{"one.txt", std::string(4000, 'a')}, {"two.txt", "b"}});
  EXPECT_EQ(
      inputErrorOf([&] { ZipArchive(bytes.substr(0, bytes.size() / 2), "x.docx"); }),
      "x.docx: file: not a valid zip archive (no zip directory: not a zip file, or truncated)");
  EXPECT_EQ(
      inputErrorOf([&] { ZipArchive(bytes.substr(0, bytes.size() - 5), "x.docx"); }),
      "x.docx: file: not a valid zip archive (no zip directory: not a zip file, or truncated)");
}

TEST(ImporterZipArchive, RefusesAnEntryWhoseCompressedDataIsDamaged) {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "line " + std::to_string(i * 7919 % 1000) + "\n";
  std::string bytes = makeZip(dir / "a.zip", {{"one.txt", text}});
  // Flip bytes in the middle of the deflate stream (after the 30-byte header and the name).
  for (std::size_t i = 60; i < 80; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
  ZipArchive zip(bytes, "x.docx");
  const std::string error = inputErrorOf([&] { zip.read("one.txt"); });
  EXPECT_EQ(error.rfind("x.docx: one.txt: corrupt zip archive (", 0), 0u) << error;
}

TEST(ImporterZipArchive, RefusesUnsafeEntryNamesNamingTheEntry) {
  const struct {
    const char* name;
    const char* expected;
  } cases[] = {
      {"../evil", "x.docx: ../evil: unsafe zip entry name ('..' path component)"},
      {"word/../../evil", "x.docx: word/../../evil: unsafe zip entry name ('..' path component)"},
      {"word\\..\\..\\evil",
       "x.docx: word\\..\\..\\evil: unsafe zip entry name ('..' path component)"},
      {"/abs", "x.docx: /abs: unsafe zip entry name (absolute path)"},
      {"C:/Windows/evil",
       "x.docx: C:/Windows/evil: unsafe zip entry name (absolute path with a drive letter)"},
  };
  TempDir dir;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string bytes =
        makeZip(dir / "a.zip", {{"word/document.xml", "<x/>"}, {c.name, "boom"}});
    EXPECT_EQ(inputErrorOf([&] { ZipArchive(bytes, "x.docx"); }), c.expected);
  }
}

TEST(ImporterZipArchive, AcceptsDotsThatAreNotParentDirectories) {
  EXPECT_EQ(unsafeEntryName("word/..hidden/a..b.xml"), std::nullopt);
  EXPECT_EQ(unsafeEntryName("./word/document.xml"), std::nullopt);
  EXPECT_EQ(unsafeEntryName("[Content_Types].xml"), std::nullopt);
  EXPECT_EQ(unsafeEntryName(""), "empty name");
}

TEST(ImporterZipArchive, RefusesAnEntryCompressedBeyondTheRatioLimit) {
  TempDir dir;
  // 2 MiB of zeros deflate to about 2 KiB: a ratio near 1000:1, over kMaxCompressionRatio.
  const std::string bytes = makeZip(dir / "a.zip", {{"zeros.bin", std::string(2u << 20, '\0')}});
  EXPECT_EQ(inputErrorOf([&] { ZipArchive(bytes, "x.docx"); }),
            "x.docx: zeros.bin: compression ratio over 200:1 (possible zip bomb)");
}

TEST(ImporterZipArchive, LeavesSmallHighlyCompressedEntriesAlone) {
  TempDir dir;
  const std::string bytes = makeZip(dir / "a.zip", {{"zeros.bin", std::string(500u << 10, '\0')}});
  EXPECT_EQ(ZipArchive(bytes, "x.docx").read("zeros.bin").size(), 500u << 10);
}

TEST(ImporterZipArchive, RefusesAnArchiveThatUnpacksPastTheTotalLimit) {
  TempDir dir;
  const std::string bytes =
      makeZip(dir / "a.zip", {{"a", std::string(600, 'a')}, {"b", std::string(600, 'b')}});
  ZipLimits limits;
  limits.maxUnzippedBytes = 1000;
  EXPECT_EQ(
      inputErrorOf([&] { ZipArchive(bytes, "x.docx", limits); }),
      "x.docx: file: zip archive unpacks to more than the 1000 bytes limit (possible zip bomb)");
  limits.maxUnzippedBytes = 1200;
  EXPECT_NO_THROW(ZipArchive(bytes, "x.docx", limits));
}

TEST(ImporterZipArchive, CountsBytesActuallyInflatedNotTheHeaderClaim) {
  TempDir dir;
  const std::string honest = makeZip(dir / "a.zip", {{"big.txt", std::string(5000, 'a')}});
  const std::string lying = understateFirstEntrySize(honest, 10);
  ZipLimits limits;
  limits.maxUnzippedBytes = 1000;
  ZipArchive zip(lying, "x.docx", limits);  // the headers promise 10 bytes
  EXPECT_EQ(zip.entries()[0].size, 10u);
  EXPECT_EQ(
      inputErrorOf([&] { zip.read("big.txt"); }),
      "x.docx: big.txt: zip archive unpacks to more than the 1000 bytes limit (possible zip bomb)");
}

TEST(ImporterZipArchive, ChecksTheRatioOfWhatIsInflatedWhenTheHeaderUnderstatesIt) {
  TempDir dir;
  const std::string lying = understateFirstEntrySize(
      makeZip(dir / "a.zip", {{"zeros.bin", std::string(2u << 20, '\0')}}), 10);
  ZipArchive zip(lying, "x.docx");
  EXPECT_EQ(inputErrorOf([&] { zip.read("zeros.bin"); }),
            "x.docx: zeros.bin: compression ratio over 200:1 (possible zip bomb)");
}

TEST(ImporterZipArchive, NoticesAnEntryLongerThanItsHeaderSays) {
  TempDir dir;
  const std::string lying =
      understateFirstEntrySize(makeZip(dir / "a.zip", {{"a.txt", std::string(5000, 'a')}}), 10);
  ZipArchive zip(lying, "x.docx");
  EXPECT_EQ(inputErrorOf([&] { zip.read("a.txt"); }),
            "x.docx: a.txt: corrupt zip archive (size differs from its header)");
}

TEST(ImporterZipArchive, RefusesTooManyEntries) {
  TempDir dir;
  const std::string bytes = makeZip(dir / "a.zip", {{"a", "1"}, {"b", "2"}, {"c", "3"}});
  ZipLimits limits;
  limits.maxEntries = 2;
  EXPECT_EQ(inputErrorOf([&] { ZipArchive(bytes, "x.docx", limits); }),
            "x.docx: file: zip archive has 3 entries, more than the limit of 2");
}

TEST(ImporterZipArchive, ReadingAMissingEntryNamesIt) {
  TempDir dir;
  ZipArchive zip(makeZip(dir / "a.zip", {{"a", "1"}}), "x.docx");
  EXPECT_EQ(inputErrorOf([&] { zip.read("word/document.xml"); }),
            "x.docx: word/document.xml: missing from the zip archive");
}

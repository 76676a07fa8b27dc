#include <gtest/gtest.h>

#include <set>

#include "cmoc/importers/importer.h"
#include "expect_error.h"
#include "test_support.h"

using namespace cmoc;

TEST(ImporterFactory, HasOneImporterPerFormat) {
  std::set<std::string> formats;
  for (const auto& importer : importers::transcriptImporters())
    formats.insert(std::string(importer->format()));
  EXPECT_EQ(formats, (std::set<std::string>{"text", "docx", "odt", "vtt", "srt", "pdf"}));
}

TEST(ImporterFactory, PicksTheImporterByExtensionIgnoringCase) {
  const struct {
    const char* file;
    const char* format;
  } cases[] = {{"a.txt", "text"}, {"a.TXT", "text"}, {"a.docx", "docx"}, {"a.Docx", "docx"},
               {"a.odt", "odt"},  {"a.vtt", "vtt"},  {"a.VTT", "vtt"},   {"a.srt", "srt"},
               {"a.pdf", "pdf"},  {"a.PDF", "pdf"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    int claimed = 0;
    for (const auto& importer : importers::transcriptImporters())
      if (importer->canLoad(c.file)) {
        ++claimed;
        EXPECT_EQ(importer->format(), c.format);
      }
    EXPECT_EQ(claimed, 1);
  }
}

TEST(ImporterFactory, RefusesAnUnsupportedTypeListingTheSupportedOnes) {
  test::TempDir dir;
  test::writeFile(dir / "notes.epub", "PK");
  EXPECT_EQ(test::inputErrorOf([&] { importers::loadTranscript(dir / "notes.epub"); }),
            "notes.epub: file: unsupported file type '.epub' (expected .txt, .docx, .odt, .vtt, "
            ".srt or .pdf)");
  test::writeFile(dir / "README", "text");
  EXPECT_EQ(test::inputErrorOf([&] { importers::loadTranscript(dir / "README"); }),
            "README: file: unsupported file type '' (expected .txt, .docx, .odt, .vtt, .srt or "
            ".pdf)");
}

TEST(ImporterFactory, RefusesAFolderAndAMissingFile) {
  test::TempDir dir;
  std::filesystem::create_directory(dir / "folder.txt");
  EXPECT_EQ(test::inputErrorOf([&] { importers::loadTranscript(dir / "folder.txt"); }),
            "folder.txt: file: not a regular file");
  EXPECT_EQ(test::inputErrorOf([&] { importers::loadTranscript(dir / "gone.docx"); }),
            "gone.docx: file: no such file");
}

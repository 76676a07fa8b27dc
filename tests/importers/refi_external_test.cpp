// REFI-QDA files that name files outside themselves (issue 21, A2): a .qdpx from someone else
// must not copy this machine's files into a project that is then shared onward. Each external
// path is refused, all in one error, unless it lies under the folder RefiOptions allows.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cmoc/importers/refi_qda.h"
#include "test_support.h"
#include "zip_builder.h"

using namespace cmoc;
using cmoc::test::makeZip;
using cmoc::test::TempDir;
using cmoc::test::writeFile;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::IsEmpty;

namespace {

constexpr const char* kHint = "; import with --allow-external DIR to read files under DIR";

std::string source(int n, const std::string& path, const std::string& rich = "") {
  return "<TextSource guid=\"5d3a6c1e-3333-4a2b-9c3d-00000000000" + std::to_string(n) +
         "\" name=\"s" + std::to_string(n) + "\" plainTextPath=\"" + path + "\"" +
         (rich.empty() ? "" : " richTextPath=\"" + rich + "\"") + "/>";
}

std::string project(const std::string& sources, const std::string& more = "",
                    const std::string& basePath = "") {
  return "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"t\"" +
         (basePath.empty() ? "" : " basePath=\"" + basePath + "\"") + "><Sources>" + sources +
         "</Sources>" + more + "</Project>";
}

// A test folder by its real path, so expected paths match what the importer resolves.
struct Folder {
  TempDir tmp;
  std::filesystem::path real = std::filesystem::weakly_canonical(tmp.path());
  std::filesystem::path operator/(const std::string& name) const { return real / name; }
  // A file outside every archive and project folder of the test: what must not leak.
  std::filesystem::path secret() const {
    writeFile(real / "secret.txt", "The neighbour's diary.");
    return real / "secret.txt";
  }
};

std::filesystem::path qdpx(const Folder& dir, const std::string& xml,
                           std::vector<cmoc::test::ZipItem> more = {}) {
  more.insert(more.begin(), {"project.qde", xml});
  makeZip(dir / "t.qdpx", more);
  return dir / "t.qdpx";
}

// A bare .qde in `dir`/project with its sources/ folder.
std::filesystem::path bareQde(const Folder& dir, const std::string& xml) {
  std::filesystem::create_directories(dir / "project" / "sources");
  writeFile(dir / "project" / "t.qde", xml);
  return dir / "project" / "t.qde";
}

// what() of the refusal `f` throws, or what happened instead.
template <class F>
std::string refusalOf(F&& f) {
  try {
    f();
  } catch (const importers::ExternalFilesRefused& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("other error: ") + e.what();
  }
  return "no error";
}

importers::RefiOptions allowing(const std::filesystem::path& dir) {
  importers::RefiOptions o;
  o.allowExternal = dir;
  return o;
}

}  // namespace

TEST(RefiExternal, AbsolutePathIsRefused) {
  Folder dir;
  const auto file = qdpx(dir, project(source(1, "absolute://" + dir.secret().string())));
  EXPECT_EQ(refusalOf([&] { importers::loadRefi(file); }),
            "t.qdpx: 1 source names a file outside the archive (absolute://" +
                dir.secret().string() + ")" + kHint);
}

TEST(RefiExternal, FilePathIsRefusedAndEveryExternalPathIsListed) {
  Folder dir;
  writeFile(dir / "other.txt", "Other text.");
  const auto file = qdpx(dir, project(source(1, "absolute:///etc/passwd") +
                                      source(2, "file://" + (dir / "other.txt").string())));
  try {
    importers::loadRefi(file);
    FAIL() << "not refused";
  } catch (const importers::ExternalFilesRefused& e) {
    EXPECT_EQ(std::string(e.what()),
              "t.qdpx: 2 sources name files outside the archive (absolute:///etc/passwd, file://" +
                  (dir / "other.txt").string() + ")" + kHint);
    EXPECT_THAT(e.paths(),
                ElementsAre("absolute:///etc/passwd", "file://" + (dir / "other.txt").string()));
  }
}

TEST(RefiExternal, BasePathOutsideTheArchiveIsRefused) {
  Folder dir;
  std::filesystem::create_directories(dir / "media");
  writeFile(dir / "media" / "a.txt", "Media text.");
  const auto file =
      qdpx(dir, project(source(1, "relative:///a.txt"), "", (dir / "media").string()));
  EXPECT_EQ(refusalOf([&] { importers::loadRefi(file); }),
            "t.qdpx: 1 source names a file outside the archive (relative:///a.txt -> " +
                (dir / "media" / "a.txt").string() + ")" + kHint);
}

TEST(RefiExternal, RelativePathEscapingWithDotDotIsRefused) {
  Folder dir;
  dir.secret();
  const auto file =
      bareQde(dir, project(source(1, "relative:///../secret.txt") + source(2, "../secret.txt")));
  EXPECT_EQ(refusalOf([&] { importers::loadRefi(file); }),
            "t.qde: 2 sources name files outside the project's folder (relative:///../secret.txt "
            "-> " +
                dir.secret().string() + ", ../secret.txt -> " + dir.secret().string() + ")" +
                kHint);
}

TEST(RefiExternal, SymlinkInABareQdeFolderPointingOutIsRefused) {
  Folder dir;
  const auto file = bareQde(dir, project(source(1, "internal://a.txt")));
  std::filesystem::create_symlink(dir.secret(), dir / "project" / "sources" / "a.txt");
  EXPECT_EQ(refusalOf([&] { importers::loadRefi(file); }),
            "t.qde: 1 source names a file outside the project's folder (internal://a.txt -> " +
                dir.secret().string() + ")" + kHint);
}

TEST(RefiExternal, SymlinkStayingInsideABareQdeFolderIsRead) {
  Folder dir;
  const auto file = bareQde(dir, project(source(1, "internal://a.txt")));
  std::filesystem::create_directories(dir / "project" / "texts");
  writeFile(dir / "project" / "texts" / "a.txt", "Inside text.");
  std::filesystem::create_symlink(dir / "project" / "texts" / "a.txt",
                                  dir / "project" / "sources" / "a.txt");
  const importers::RefiImport in = importers::loadRefi(file);
  ASSERT_EQ(in.exchange.sources.size(), 1u);
  EXPECT_EQ(in.exchange.sources[0].text, "Inside text.");
  EXPECT_THAT(in.report.external, IsEmpty());
}

TEST(RefiExternal, AllowedFolderIsReadAndEachFileReadIsReported) {
  Folder dir;
  std::filesystem::create_directories(dir / "allowed");
  writeFile(dir / "allowed" / "a.txt", "Allowed text.");
  const auto file =
      qdpx(dir, project(source(1, "absolute://" + (dir / "allowed" / "a.txt").string())));
  const importers::RefiImport in = importers::loadRefi(file, allowing(dir / "allowed"));
  ASSERT_EQ(in.exchange.sources.size(), 1u);
  EXPECT_EQ(in.exchange.sources[0].text, "Allowed text.");
  EXPECT_THAT(in.report.external, ElementsAre((dir / "allowed" / "a.txt").string()));
  EXPECT_THAT(refi::describe(in.report, ""),
              HasSubstr("Read from outside the archive (1):\n  " +
                        (dir / "allowed" / "a.txt").string() + "\n"));
}

TEST(RefiExternal, AllowedFolderDoesNotLetASymlinkLeadOutOfIt) {
  Folder dir;
  std::filesystem::create_directories(dir / "allowed");
  std::filesystem::create_symlink(dir.secret(), dir / "allowed" / "link.txt");
  const std::string link = (dir / "allowed" / "link.txt").string();
  const auto file = qdpx(dir, project(source(1, "absolute://" + link)));
  EXPECT_EQ(refusalOf([&] { importers::loadRefi(file, allowing(dir / "allowed")); }),
            "t.qdpx: 1 source names a file outside the archive and outside " +
                (dir / "allowed").string() + " (absolute://" + link + " -> " +
                dir.secret().string() + ")" + kHint);
}

TEST(RefiExternal, AllowedFolderDoesNotCoverFilesBesideIt) {
  Folder dir;
  std::filesystem::create_directories(dir / "allowed");
  const auto file = qdpx(dir, project(source(1, "absolute://" + dir.secret().string())));
  EXPECT_EQ(refusalOf([&] { importers::loadRefi(file, allowing(dir / "allowed")); }),
            "t.qdpx: 1 source names a file outside the archive and outside " +
                (dir / "allowed").string() + " (absolute://" + dir.secret().string() + ")" + kHint);
}

TEST(RefiExternal, NoteAndRichTextFilesOutsideAreRefusedWithTheSources) {
  Folder dir;
  const std::string secret = dir.secret().string();
  const std::string notes =
      "<Notes><Note guid=\"5d3a6c1e-5555-4a2b-9c3d-000000000001\" name=\"n\" "
      "plainTextPath=\"absolute://" +
      secret + "\"/></Notes>";
  // The plain text is blank, so the rich text would be read: NVivo for Mac.
  const auto file =
      qdpx(dir, project(source(1, "internal://a.txt", "absolute:///home/x/a.docx"), notes),
           {{"sources/a.txt", " "}});
  EXPECT_EQ(
      refusalOf([&] { importers::loadRefi(file); }),
      "t.qdpx: 1 source and 1 note name files outside the archive (absolute:///home/x/a.docx, "
      "absolute://" +
          secret + ")" + kHint);
}

TEST(RefiExternal, ACopyInTheArchiveIsReadInsteadOfTheFileOutside) {
  Folder dir;
  const auto file = qdpx(dir, project(source(1, "absolute://" + dir.secret().string())),
                         {{"sources/secret.txt", "The shipped copy."}});
  const importers::RefiImport in = importers::loadRefi(file);
  ASSERT_EQ(in.exchange.sources.size(), 1u);
  EXPECT_EQ(in.exchange.sources[0].text, "The shipped copy.");
  EXPECT_THAT(in.report.external, IsEmpty());
}

TEST(RefiExternal, SkippingMissingSourcesLeavesExternalOnesOutUnread) {
  Folder dir;
  const auto file = qdpx(
      dir,
      project(source(1, "absolute://" + dir.secret().string()) + source(2, "internal://b.txt")),
      {{"sources/b.txt", "Shipped text."}});
  importers::RefiOptions o;
  o.skipMissingSources = true;
  const importers::RefiImport in = importers::loadRefi(file, o);
  ASSERT_EQ(in.exchange.sources.size(), 1u);
  EXPECT_EQ(in.exchange.sources[0].text, "Shipped text.");
  EXPECT_THAT(in.report.external, IsEmpty());
  ASSERT_EQ(in.report.skipped.size(), 1u);
  EXPECT_EQ(in.report.skipped[0].why, "names a file outside the archive (absolute://" +
                                          dir.secret().string() +
                                          "); left out with its 0 selection(s)");
}

TEST(RefiExternal, ExternalFilesAreListedBeforeAMissingText) {
  Folder dir;
  const auto file = qdpx(dir, project(source(1, "internal://gone.txt") +
                                      source(2, "absolute://" + dir.secret().string())));
  EXPECT_EQ(refusalOf([&] { importers::loadRefi(file); }),
            "t.qdpx: 1 source names a file outside the archive (absolute://" +
                dir.secret().string() + ")" + kHint);
}

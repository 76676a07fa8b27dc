// `cmoc import` and `cmoc new-from` with REFI-QDA files naming files outside their archive
// (issue 21, A2): refused whole with every such path listed, the project left byte for byte as
// it was, unless --allow-external DIR holds them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>

#include "../importers/zip_builder.h"
#include "test_support.h"

using cmoc::test::runCli;
using cmoc::test::TempDir;
using cmoc::test::writeFile;
using testing::HasSubstr;

namespace {

constexpr const char* kHint = "; import with --allow-external DIR to read files under DIR\n";

struct Study {
  TempDir tmp;
  std::filesystem::path dir = std::filesystem::weakly_canonical(tmp.path());
  std::string project = (dir / "study.cmoc").string();

  Study() { EXPECT_EQ(runCli({"init", project}).exitCode, 0); }

  // colleague.qdpx with one TextSource per path.
  std::string exchange(const std::vector<std::string>& paths) const {
    std::string sources;
    for (std::size_t i = 0; i < paths.size(); ++i)
      sources += "<TextSource guid=\"5d3a6c1e-3333-4a2b-9c3d-00000000000" + std::to_string(i) +
                 "\" name=\"s" + std::to_string(i) + "\" plainTextPath=\"" + paths[i] + "\"/>";
    cmoc::test::makeZip(dir / "colleague.qdpx",
                        {{"project.qde",
                          "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"c\">"
                          "<Sources>" +
                              sources + "</Sources></Project>"}});
    return (dir / "colleague.qdpx").string();
  }
};

// `sqlite3 FILE .dump`: every schema object and row, as the brief's check reads it.
std::string dump(const std::string& file) {
  std::string out;
  FILE* p = popen(("sqlite3 '" + file + "' .dump").c_str(), "r");
  if (!p) return "no sqlite3";
  char buf[4096];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  pclose(p);
  return out;
}

}  // namespace

TEST(RefiExternalCli, ImportRefusesEveryFileOutsideTheArchiveAndChangesNothing) {
  Study s;
  writeFile(s.dir / "a.txt", "Someone's notes.");
  const std::string qdpx =
      s.exchange({"absolute:///etc/passwd", "file://" + (s.dir / "a.txt").string()});
  const std::string before = dump(s.project);
  ASSERT_THAT(before, HasSubstr("CREATE TABLE"));
  auto r = runCli({"import", s.project, qdpx, "--coder", "mallory"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err,
            "cmoc import: colleague.qdpx: 2 sources name files outside the archive "
            "(absolute:///etc/passwd, file://" +
                (s.dir / "a.txt").string() + ")" + kHint);
  EXPECT_EQ(r.out, "");
  // Not even the coder's row: the exchange is read before the project is written.
  EXPECT_EQ(dump(s.project), before);
}

TEST(RefiExternalCli, NewFromRefusesAndCreatesNoProject) {
  Study s;
  const std::string qdpx = s.exchange({"absolute:///etc/passwd"});
  auto r = runCli({"new-from", (s.dir / "copy.cmoc").string(), qdpx});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, std::string("cmoc new-from: colleague.qdpx: 1 source names a file outside the "
                               "archive (absolute:///etc/passwd)") +
                       kHint);
  EXPECT_FALSE(std::filesystem::exists(s.dir / "copy.cmoc"));
}

TEST(RefiExternalCli, AllowExternalReadsAFileUnderDirAndReportsIt) {
  Study s;
  std::filesystem::create_directories(s.dir / "media");
  writeFile(s.dir / "media" / "a.txt", "R: Shared on purpose.\n");
  const std::string file = (s.dir / "media" / "a.txt").string();
  const std::string qdpx = s.exchange({"absolute://" + file});
  auto r = runCli({"import", s.project, qdpx, "--allow-external", (s.dir / "media").string()});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Read from outside the archive (1):\n  " + file + "\n"));
  r = runCli({"new-from", (s.dir / "copy.cmoc").string(), qdpx, "--allow-external",
              (s.dir / "media").string(), "--format", "json"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"external\": [\"" + file + "\"]"));
}

TEST(RefiExternalCli, AllowExternalRefusesASymlinkUnderDirPointingOutside) {
  Study s;
  std::filesystem::create_directories(s.dir / "media");
  writeFile(s.dir / "secret.txt", "Not for sharing.");
  std::filesystem::create_symlink(s.dir / "secret.txt", s.dir / "media" / "a.txt");
  const std::string link = (s.dir / "media" / "a.txt").string();
  const std::string qdpx = s.exchange({"absolute://" + link});
  const std::string before = dump(s.project);
  auto r = runCli({"import", s.project, qdpx, "--allow-external", (s.dir / "media").string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err,
            "cmoc import: colleague.qdpx: 1 source names a file outside the archive and "
            "outside " +
                (s.dir / "media").string() + " (absolute://" + link + " -> " +
                (s.dir / "secret.txt").string() + ")" + kHint);
  EXPECT_EQ(dump(s.project), before);
}

TEST(RefiExternalCli, SkipMissingSourcesLeavesExternalSourcesOutUnread) {
  Study s;
  const std::string qdpx = s.exchange({"absolute:///etc/passwd"});
  auto r = runCli({"import", s.project, qdpx, "--skip-missing-sources"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("TextSource 's0': names a file outside the archive "
                               "(absolute:///etc/passwd); left out with its 0 selection(s)\n"));
  EXPECT_THAT(r.out, testing::Not(HasSubstr("Read from outside")));
}

TEST(RefiExternalCli, AllowExternalNeedsAFolderAndAnExchangeFile) {
  Study s;
  const std::string qdpx = s.exchange({"absolute:///etc/passwd"});
  auto r = runCli({"import", s.project, qdpx, "--allow-external", (s.dir / "nope").string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err,
            "cmoc import: --allow-external " + (s.dir / "nope").string() + ": no such folder\n");
  writeFile(s.dir / "notes.txt", "R: hello\n");
  r = runCli(
      {"import", s.project, (s.dir / "notes.txt").string(), "--allow-external", s.dir.string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err,
            "cmoc import: --allow-external applies only to REFI-QDA files (.qdpx .qdc .qde)\n");
}

TEST(RefiExternalCli, HelpMentionsAllowExternal) {
  for (const char* command : {"import", "import-qda", "new-from"})
    EXPECT_THAT(runCli({command, "--help"}).out, HasSubstr("--allow-external DIR")) << command;
}

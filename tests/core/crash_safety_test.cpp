// DESIGN.md decision 2: an import commits each file whole or not at all, even when the process
// is killed midway.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmoc/importers/importer.h"
#include "cmoc/project.h"
#include "sql_peek.h"
#include "test_support.h"

using namespace cmoc;

namespace {

constexpr int kFiles = 400;

std::string transcriptText(int i) {
  std::string s;
  for (int turn = 0; turn < 60; ++turn) {
    s += (turn % 2 ? "R: " : "Interviewer: ");
    s += "File " + std::to_string(i) + " turn " + std::to_string(turn) +
         ": the alliance board met again and trust grew after the quick wins on shared pathways.\n";
  }
  return s;
}

}  // namespace

TEST(CrashSafety, KillingAnImportMidwayLeavesOnlyWholeFiles) {
  test::TempDir dir;
  const auto project = dir / "s.cmoc";
  { Project::create(project); }
  std::vector<std::filesystem::path> files;
  for (int i = 0; i < kFiles; ++i) {
    files.push_back(dir / ("interview-" + std::to_string(i) + ".txt"));
    test::writeFile(files.back(), transcriptText(i));
  }
  int pipefd[2];
  ASSERT_EQ(pipe(pipefd), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(pipefd[0]);
    Project p = Project::open(project);
    for (const auto& f : files) {
      p.addTranscript(importers::loadTranscript(f));
      if (write(pipefd[1], "x", 1) != 1) _exit(3);
    }
    _exit(0);
  }
  close(pipefd[1]);
  int done = 0;
  char c;
  while (done < 25 && read(pipefd[0], &c, 1) == 1) ++done;
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  close(pipefd[0]);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the import finished before it could be killed";

  EXPECT_EQ(test::sqlValue(project, "PRAGMA integrity_check"), "ok");
  Project p = Project::open(project);
  const auto sources = p.sources();
  EXPECT_GE(sources.size(), 25u);
  EXPECT_LT(sources.size(), static_cast<std::size_t>(kFiles));
  for (const SourceSummary& s : sources) {
    const int i = std::stoi(s.name.substr(std::string("interview-").size()));
    EXPECT_EQ(p.sourceText(s.id), transcriptText(i))
        << s.name;
    EXPECT_EQ(s.turns, 60) << s.name;
  }
  // The project still takes new work after the crash.
  p.addTranscript(importers::loadTranscript(files.back()));
}

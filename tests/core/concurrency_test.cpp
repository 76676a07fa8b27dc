// Two processes coding one project file at once (DESIGN.md decision 1: WAL and a busy timeout):
// every small action of each lands, nothing is lost, and the file stays sound.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/project.h"
#include "sql_peek.h"
#include "test_support.h"

using namespace cmoc;

namespace {

constexpr int kActionsPerCoder = 300;
// Actions per opening of the project: `cmoc coding apply` opens and closes it every time, and
// the last connection to close checkpoints the WAL while the other process may be opening.
constexpr int kActionsPerOpen = 5;

// The child's work: one Action per coding, as a coder clicking through a transcript makes them.
// Returns to the parent through the exit code only (no gtest in a forked child).
[[noreturn]] void codeAway(const std::filesystem::path& file, const std::string& coder) {
  int status = 0;
  try {
    for (int i = 0; i < kActionsPerCoder; i += kActionsPerOpen) {
      Project p = Project::open(file);
      p.setCoder(coder);
      Coding coding(p);
      for (int k = i; k < i + kActionsPerOpen; ++k) {
        const std::int64_t start = (k * 7) % 900;
        coding.apply("s.txt", k % 2 ? "Trust" : "Faith", start, start + 50);
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", coder.c_str(), e.what());
    status = 1;
  }
  _exit(status);
}

}  // namespace

TEST(Concurrency, TwoProcessesCodingAtOnceLoseNothing) {
  test::TempDir dir;
  const auto file = dir / "shared.cmoc";
  {
    Project p = Project::create(file);
    p.addTranscript({"s.txt", "text", std::string(1000, 'x'), {{"P", 0, 1000, {}, {}}}});
    p.setCoder("lead");
    Codebook(p).add({.name = "Trust"});
    Codebook(p).add({.name = "Faith"});
  }  // closed before fork: a child must not share the parent's connection
  std::vector<pid_t> children;
  for (const char* coder : {"ana", "ben"}) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) codeAway(file, coder);
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a coder's process failed";
  }
  Project p = Project::open(file);
  EXPECT_EQ(Coding(p).list({.coders = {"ana"}}).size(), static_cast<std::size_t>(kActionsPerCoder));
  EXPECT_EQ(Coding(p).list({.coders = {"ben"}}).size(), static_cast<std::size_t>(kActionsPerCoder));
  EXPECT_EQ(test::sqlValue(file, "SELECT count(*) FROM history WHERE coder IN ('ana', 'ben')"),
            std::to_string(2 * kActionsPerCoder));
  EXPECT_EQ(test::sqlValue(file, "SELECT count(DISTINCT guid) FROM codings"),
            std::to_string(2 * kActionsPerCoder));
  EXPECT_EQ(test::sqlValue(file, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(test::sqlValue(file, "PRAGMA foreign_key_check"), "");
}

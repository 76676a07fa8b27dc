// The window's connections and another process's writes on one project file (issue 17): the
// causal web renders on worker connections, as the GUI does, while another process codes; no
// write is lost, no action reports an I/O error, and the file stays sound.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/project.h"
#include "gui_test_project.h"
#include "model/causal_web_presenter.h"
#include "sql_peek.h"

using namespace cmoc;

namespace {

constexpr int kOtherProcessCodings = 200;
constexpr int kWindowCodings = 20;

struct Target {
  std::string source, code;
  std::int64_t length = 0;
};

// One Action per coding, each on a fresh opening as `cmoc coding apply` does. Reports through
// the exit code only (no gtest in a forked child).
[[noreturn]] void codeFromAnotherProcess(const std::filesystem::path& file, const Target& t) {
  int status = 0;
  try {
    for (int i = 0; i < kOtherProcessCodings; ++i) {
      Project p = Project::open(file);
      p.setCoder("cli");
      const std::int64_t start = (i * 13) % (t.length - 20);
      Coding(p).apply(t.source, t.code, start, start + 10);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "other process: %s\n", e.what());
    status = 1;
  }
  _exit(status);
}

}  // namespace

TEST(SharedProjectFile, WebRendersOnWorkersWhileAnotherProcessCodesAndNothingIsLost) {
  test::TempDir dir;
  const std::filesystem::path file = test::copyDemoProject(dir);
  Target target;
  {
    Project p = Project::open(file);
    const SourceSummary s = p.sources().front();
    target = {s.name, Codebook(p).list().front().name,
              std::min<std::int64_t>(2000, static_cast<std::int64_t>(p.sourceText(s.id).size()))};
  }  // closed before fork: the child must not share this process's connection
  const std::string before = test::sqlValue(file, "SELECT count(*) FROM codings");

  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) codeFromAnotherProcess(file, target);

  Project window = Project::open(file);  // the window's main connection
  window.setCoder("gui");
  std::atomic<bool> otherDone{false};
  std::atomic<int> renders{0};
  std::string workerError;
  std::thread worker([&] {
    while (!otherDone) {
      try {
        Project p = Project::open(file);  // a worker's own connection, as MainFrame opens it
        gui::CausalWebPresenter web;
        web.reload(p);
        ++renders;
      } catch (const std::exception& e) {
        workerError = e.what();
        return;
      }
    }
  });
  std::string windowError;
  for (int i = 0; i < kWindowCodings && windowError.empty(); ++i) {
    try {
      Coding(window).apply(target.source, target.code, i, i + 5);
      window.sources();  // the window re-reads its lists after each change
    } catch (const std::exception& e) {
      windowError = e.what();
    }
  }
  int status = 0;
  waitpid(child, &status, 0);
  otherDone = true;
  worker.join();

  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the other process failed";
  EXPECT_EQ(workerError, "");
  EXPECT_EQ(windowError, "");
  EXPECT_GT(renders.load(), 0);
  EXPECT_EQ(test::sqlValue(file, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(test::sqlValue(file, "SELECT count(*) FROM codings"),
            std::to_string(std::stoll(before) + kOtherProcessCodings + kWindowCodings));
  EXPECT_EQ(test::sqlValue(file, "SELECT count(*) FROM codings c JOIN coders d ON d.id = c.coder_id "
                                 "WHERE d.name = 'cli'"),
            std::to_string(kOtherProcessCodings));
}

#include "test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace cmoc::test {

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("cmoc-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void writeFile(const std::filesystem::path& file, std::string_view bytes) {
  std::ofstream out(file, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::filesystem::path samplesDir() { return std::filesystem::path(CMOC_SOURCE_DIR) / "samples"; }

std::filesystem::path refiSamplesDir() {
  return std::filesystem::path(CMOC_SOURCE_DIR) / ".." / "shared" / "refi-qda" / "samples";
}

namespace {

constexpr uid_t kNobody = 65534;  // Debian's `nobody` user and `nogroup` group

RunResult run(const std::vector<std::string>& args, bool asAnotherUser) {
  TempDir tmp;
  std::string exe = CMOC_CLI;
  if (asAnotherUser && ::geteuid() == 0) {
    // The build folder may sit where `nobody` cannot reach (under /root); a copy in /tmp can.
    std::filesystem::permissions(tmp.path(), std::filesystem::perms::owner_all |
                                                 std::filesystem::perms::group_exec |
                                                 std::filesystem::perms::others_exec);
    const std::filesystem::path copy = tmp / "cmoc";
    std::filesystem::copy_file(exe, copy);
    std::filesystem::permissions(copy, std::filesystem::perms::all);
    exe = copy.string();
  }
  const auto outFile = tmp / "out", errFile = tmp / "err";
  pid_t pid = fork();
  if (pid == 0) {
    FILE* o = std::freopen(outFile.c_str(), "w", stdout);
    FILE* e = std::freopen(errFile.c_str(), "w", stderr);
    (void)o;
    (void)e;
    if (asAnotherUser && ::geteuid() == 0 && (::setgid(kNobody) != 0 || ::setuid(kNobody) != 0))
      _exit(126);
    if (asAnotherUser) {
      // Under the sanitizers LeakSanitizer would read its suppressions from the source folder,
      // which that user may not reach; leaks are checked on every other run.
      const char* asan = std::getenv("ASAN_OPTIONS");
      ::setenv("ASAN_OPTIONS", (std::string(asan ? asan : "") + ":detect_leaks=0").c_str(), 1);
    }
    std::vector<char*> argv;
    argv.push_back(exe.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(exe.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult r;
  r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = readFile(outFile);
  r.err = readFile(errFile);
  return r;
}

}  // namespace

RunResult runCli(const std::vector<std::string>& args) { return run(args, false); }

std::vector<std::string> placeArgs(const std::vector<std::string>& args, const std::string& project,
                                   const std::filesystem::path& dir) {
  std::vector<std::string> out;
  for (const std::string& a : args)
    out.push_back(a == "P" ? project : a.rfind("D/", 0) == 0 ? (dir / a.substr(2)).string() : a);
  return out;
}

RunResult runCliAsAnotherUser(const std::vector<std::string>& args) { return run(args, true); }

}  // namespace cmoc::test

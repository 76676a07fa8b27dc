#pragma once
// Helpers shared by the tests: temporary folders, writing files, running the cmoc binary.
#include <filesystem>
#include <string>
#include <vector>

namespace cmoc::test {

// A fresh directory removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

void writeFile(const std::filesystem::path& file, std::string_view bytes);
std::string readFile(const std::filesystem::path& file);
std::filesystem::path samplesDir();
// The real REFI-QDA exports in ../shared/refi-qda/samples: read from there, never committed.
std::filesystem::path refiSamplesDir();

struct RunResult {
  int exitCode = 0;
  std::string out, err;
};
// Runs the built `cmoc` binary with arguments (no shell); captures stdout and stderr.
RunResult runCli(const std::vector<std::string>& args);
// A case table's arguments made real: "P" becomes the project, "D/NAME" the file NAME in `dir`.
std::vector<std::string> placeArgs(const std::vector<std::string>& args, const std::string& project,
                                   const std::filesystem::path& dir);
// As a user who owns none of the test's files: `nobody` when the tests run as root (where
// permissions would not apply), else the test's own user. For read-only files and folders.
RunResult runCliAsAnotherUser(const std::vector<std::string>& args);

}  // namespace cmoc::test

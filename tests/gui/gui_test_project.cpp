#include "gui_test_project.h"

namespace cmoc::test {

const std::filesystem::path& sharedDemoProject() {
  static TempDir dir;
  static const std::filesystem::path file = [] {
    const auto f = dir / "demo.cmoc";
    buildDemoProject(f);
    return f;
  }();
  return file;
}

std::filesystem::path copyDemoProject(const TempDir& dir) {
  const auto to = dir / "copy.cmoc";
  // Every connection to the shared file is closed between tests, so the main file is whole.
  std::filesystem::copy_file(sharedDemoProject(), to);
  for (const char* ext : {"-wal", "-shm"}) {
    const auto side = std::filesystem::path(sharedDemoProject().string() + ext);
    if (std::filesystem::exists(side)) std::filesystem::copy_file(side, to.string() + ext);
  }
  return to;
}

}  // namespace cmoc::test

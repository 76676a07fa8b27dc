// The fuzz targets' driver outside libFuzzer: runs LLVMFuzzerTestOneInput once on each file of
// the folders given (seeds and tests/fuzz-regressions/), so the normal test suite replays every
// input that once crashed a target. `--ext E` keeps only files named *.E in the next folders.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
  std::string ext;
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--ext" && i + 1 < argc) {
      ext = argv[++i];
      continue;
    }
    const std::filesystem::path p(arg);
    if (std::filesystem::is_regular_file(p)) files.push_back(p);
    if (!std::filesystem::is_directory(p)) continue;
    for (const auto& e : std::filesystem::directory_iterator(p))
      if (e.is_regular_file() && (ext.empty() || e.path().extension() == "." + ext))
        files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::cout << f.filename().string() << "\n" << std::flush;  // names the input if it crashes
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::cout << files.size() << " inputs replayed\n";
  return files.empty() ? 1 : 0;
}

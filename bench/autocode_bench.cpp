// Auto-coding benchmark (DESIGN.md: one word across the reference corpus, about 84,000 hits,
// under 0.7 s; QualCoder takes 6.8 s). It works on a copy of a project an import benchmark left
// behind, so the original stays as it was:
//
//   autocode_bench PROJECT.cmoc [--word W] [--runs R]
//
// Each run times the dry run (Autocoder::preview) and the real run (Autocoder::run: match, then
// write every coding in one undoable Action), then undoes it so the next run starts alike. The
// medians are printed beside the target; a missed target is reported, never fatal.
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cmoc/autocode.h"
#include "cmoc/codebook.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "timing.h"

namespace fs = std::filesystem;
using namespace cmoc;
using namespace cmoc::bench;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: autocode_bench PROJECT.cmoc [--word W] [--runs R]\n";
    return 2;
  }
  const fs::path original = argv[1];
  std::string word = "we";
  int runs = 5;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--word") word = argv[i + 1];
    else if (a == "--runs") runs = std::max(1, std::stoi(argv[i + 1]));
    else {
      std::cerr << "autocode_bench: unknown option " << a << "\n";
      return 2;
    }
  }
  try {
    const fs::path copy = original.parent_path() / "autocode-bench.cmoc";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(copy.string() + suffix);
    { Project::open(original); }  // checkpoints any WAL left behind into the main file
    fs::copy_file(original, copy);
    Project project = Project::open(copy);
    project.setCoder("bench");
    Codebook(project).add({.name = "Bench word", .kind = CodeKind::Other});
    const AutocodeSpec spec{.code = "Bench word", .kind = PatternKind::Word, .pattern = word};

    std::vector<double> previewWall, previewCpu, runWall, runCpu;
    std::size_t hits = 0;
    std::int64_t coded = 0;
    for (int r = 0; r < runs; ++r) {
      Autocoder autocoder(project);
      const Timing p = timed([&] { hits = autocoder.preview(spec).size(); });
      AutocodeResult result;
      const Timing w = timed([&] { result = autocoder.run(spec); });
      coded = result.coded;
      previewWall.push_back(p.wall);
      previewCpu.push_back(p.cpu);
      runWall.push_back(w.wall);
      runCpu.push_back(w.cpu);
      if (!project.undo()) throw Error("the auto-coding run left nothing to undo");
    }
    const double target = 0.7;
    std::cout << "auto-code the word '" << word << "' over " << project.sources().size()
              << " sources: " << hits << " hits, " << coded << " codings; median of " << runs
              << " runs\n"
              << "  dry run (preview), wall / CPU: " << median(previewWall) << " s / "
              << median(previewCpu) << " s\n"
              << "  real run (match + write), wall / CPU: " << median(runWall) << " s / "
              << median(runCpu) << " s  (target < " << target << " s: "
              << (median(runWall) < target ? "met" : "missed") << " on wall, "
              << (median(runCpu) < target ? "met" : "missed") << " on CPU)\n";
    project = Project::open(original);  // close the copy before removing it
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(copy.string() + suffix);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "autocode_bench: " << e.what() << "\n";
    return 1;
  }
}

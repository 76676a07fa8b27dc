#pragma once
// A small coded study for the GUI tests and screenshots, built through core's public API from
// the bundled samples: every sample transcript with its participants, a realist codebook,
// codings by two coders (AJ first, RM second) and a few CMOCs, one of them chained.
#include <filesystem>

namespace cmoc::test {

struct DemoOptions {
  bool codings = true;  // codes, codings and CMOCs; false: sources only
};

// Creates `file` (which must not exist) and fills it. Returns the number of codings made.
int buildDemoProject(const std::filesystem::path& file, const DemoOptions& options = {});

}  // namespace cmoc::test

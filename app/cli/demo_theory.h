#pragma once
// The demo's programme theory (issue 11): the sample CMOCs arrive in the two phases of the
// study, each followed by a theory version, so the demo can show how the theory changed, as a
// diff, a marked causal web, and where the evidence disagrees.
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "cmoc/cmoc_bulk.h"
#include "cmoc/project.h"
#include "cmoc/theory.h"

namespace cmoc::cli {

inline constexpr const char* kInitialTheory = "Initial programme theory";
inline constexpr const char* kRefinedTheory = "Refined programme theory";

struct DemoTheory {
  CmocImportResult imported;  // both phases together
  TheoryVersion initial, refined;
};

// Phase 1, theory gleaning: the rows that test no earlier CMOC, then version kInitialTheory.
// Phase 2, theory refining: the rows that refine or refute one (their priors and any chains
// across the phases set once both are in), then version kRefinedTheory.
DemoTheory importCmocsByPhase(Project& project, const std::vector<CmocRow>& rows,
                              const std::string& fileName);
// "== Programme theory ..." with both versions and how the theory changed.
void printDemoTheory(std::ostream& out, Project& project, const DemoTheory& theory);
// theory-diff.md, web-diff.svg, contradictions.md and contradictions.html, added to `written`.
void writeTheoryExports(Project& project, const std::filesystem::path& dir,
                        std::vector<std::filesystem::path>& written);

}  // namespace cmoc::cli

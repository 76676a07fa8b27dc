#pragma once
// What the demo writes after building the sample study: every export the product offers, so a
// first-time user can open each one (CMOC tables, statements, causal web, codebook, codings,
// agreement report, REFI-QDA project).
#include <filesystem>
#include <vector>

#include "cmoc/project.h"

namespace cmoc::cli {

// Writes into `dir` (created if missing); returns the files written, in order.
std::vector<std::filesystem::path> writeDemoExports(Project& project, const std::filesystem::path& dir);

}  // namespace cmoc::cli

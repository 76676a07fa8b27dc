#pragma once
// A consistent copy of an open project, taken while other programs (cmoc-gui) may have it open
// and keep writing: SQLite's online backup API reads one snapshot, the changes still in the
// write-ahead log included, which a plain `cp` of the .cmoc file would miss.
#include <filesystem>

#include "cmoc/project.h"

namespace cmoc {

// Writes the copy to `dest` through a temporary file beside it and a rename that never
// replaces a file. Refuses (UsageError) a `dest` that exists, that is this or another project
// (refuseProjectAsTarget's messages) or whose folder is missing; throws Error when SQLite
// cannot read the project or write the copy, leaving no file behind.
void backupProject(const Project& project, const std::filesystem::path& dest);

}  // namespace cmoc

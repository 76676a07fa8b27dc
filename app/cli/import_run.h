#pragma once
// Importing many files into a project with progress and a per-file summary. Shared by
// `cmoc import` and `cmoc demo`.
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "cmoc/importers/importer.h"
#include "cmoc/project.h"

namespace cmoc::cli {

struct ImportSummary {
  std::vector<std::string> imported;
  std::vector<std::int64_t> importedIds;  // their sources, in the same order
  std::vector<std::pair<std::string, std::string>> skipped;  // file, why
  std::vector<std::pair<std::string, std::string>> failed;   // file, error
  std::vector<std::pair<std::string, std::string>> warnings; // file, note
};

ImportSummary importFiles(Project& project, const std::vector<std::filesystem::path>& files,
                          const ParticipantSheet* sheet, const importers::Options& options,
                          bool showProgress);
// The counts, skipped files and notes on `out`; each failed file as an error line on `err`.
void printSummary(std::ostream& out, std::ostream& err, const std::string& command,
                  const ImportSummary& s);

}  // namespace cmoc::cli

#pragma once
// Writing REFI-QDA exchange files: a .qdc codebook and a .qdpx project (a zip holding
// project.qde and sources/<GUID>.txt: UTF-8 without BOM, LF line ends). Both validate against
// the official schemas (schemas/refi-qda/). Selection positions are code points [start, end)
// over exactly the text written. Files are written atomically: a temporary file beside the
// target, renamed over it once complete.
#include <cstdint>
#include <filesystem>
#include <string>

#include "cmoc/refi.h"

namespace cmoc {
class Project;
}

namespace cmoc::refi {

// What an export wrote, for the summary line the CLI prints and the GUI shows.
struct ExportSummary {
  std::int64_t codes = 0, sources = 0, codings = 0, notes = 0, cases = 0, variables = 0, cmocs = 0,
               chains = 0, sets = 0, links = 0;
};

// The XML documents themselves, from an exchange (tests validate these directly).
std::string projectXml(const Exchange& exchange);   // project.qde
std::string codebookXml(const Exchange& exchange);  // a .qdc

ExportSummary exportQdpx(const Project& project, const std::filesystem::path& file);
ExportSummary exportQdc(const Project& project, const std::filesystem::path& file);
// By extension: .qdpx or .qdc (any case); throws UsageError for anything else.
ExportSummary exportFile(const Project& project, const std::filesystem::path& file);
// "Exported to F: 12 codes, 3 sources, ..." (a .qdc names its codes only).
std::string describe(const ExportSummary& summary, const std::filesystem::path& file);

}  // namespace cmoc::refi

// REFI-QDA import reports and export summaries as text: shared by `cmoc` and cmoc-gui.
#include "cmoc/refi.h"
#include "cmoc/refi_export.h"

namespace cmoc::refi {

namespace {

std::string countLine(const std::vector<std::pair<std::string, std::int64_t>>& counts) {
  std::string out;
  for (const auto& [k, n] : counts) out += (out.empty() ? "" : ", ") + k + " " + std::to_string(n);
  return out.empty() ? std::string("nothing") : out;
}

}  // namespace

std::string describe(const ImportReport& r, const std::string& origin) {
  std::string out = "Imported " + r.file + (origin.empty() ? "" : " (written by " + origin + ")") + "\n";
  if (!r.positions.empty()) out += "  positions: " + r.positions + "\n";
  out += "  read:     " + countLine(r.found) + "\n";
  out += "  saved:    " + countLine(r.imported) + "\n";
  if (!r.skipped.empty()) {
    out += "Left out (" + std::to_string(r.skipped.size()) + "):\n";
    for (const auto& s : r.skipped) out += "  " + s.where + ": " + s.what + ": " + s.why + "\n";
  }
  if (!r.dangling.empty()) {
    out += "Dangling references (" + std::to_string(r.dangling.size()) + "):\n";
    for (const auto& d : r.dangling) out += "  " + d.where + ": " + d.what + " -> " + d.guid + "\n";
  }
  if (!r.external.empty()) {
    out += "Read from outside the archive (" + std::to_string(r.external.size()) + "):\n";
    for (const auto& f : r.external) out += "  " + f + "\n";
  }
  if (!r.notes.empty()) {
    out += "Notes:\n";
    for (const auto& n : r.notes) out += "  " + n + "\n";
  }
  return out;
}

std::string describe(const ExportSummary& s, const std::filesystem::path& file) {
  std::string out = "Exported to " + file.string() + ": " + std::to_string(s.codes) + " codes";
  if (file.extension() != ".qdc" && file.extension() != ".QDC")
    out += ", " + std::to_string(s.sources) + " sources, " + std::to_string(s.codings) +
           " codings, " + std::to_string(s.notes) + " memos, " + std::to_string(s.cases) +
           " cases, " + std::to_string(s.variables) + " variables, " + std::to_string(s.cmocs) +
           " CMOCs, " + std::to_string(s.chains) + " chain links";
  return out;
}

}  // namespace cmoc::refi

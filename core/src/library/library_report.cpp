// What an import of references and its auto-link pass did, in the words `cmoc library import`,
// `cmoc import`, the demo and the GUI's Study library window all print.
#include <algorithm>

#include "cmoc/library.h"

namespace cmoc {

std::vector<std::string> linkReport(const std::vector<PaperMatch>& links) {
  std::vector<std::string> out;
  if (links.empty()) return out;
  const auto linked = std::count_if(links.begin(), links.end(),
                                    [](const PaperMatch& m) { return !m.study.empty(); });
  out.push_back("Linked " + std::to_string(linked) + " of " + std::to_string(links.size()) +
                (links.size() == 1 ? " paper" : " papers") + " to studies:");
  for (const PaperMatch& m : links)
    out.push_back(m.study.empty()
                      ? "  not matched: " + m.source + " (" + m.detail + ")"
                      : "  " + m.source + " -> " + m.study + " (" +
                            (m.matchedBy == kMatchedByDoi ? m.detail : m.matchedBy) + ")");
  return out;
}

std::vector<std::string> importReport(const LibraryImport& r, const std::string& fileName) {
  std::vector<std::string> out{"Imported " + std::to_string(r.added.size()) +
                               (r.added.size() == 1 ? " study" : " studies") + " from " + fileName +
                               ", skipped " + std::to_string(r.skipped.size())};
  for (const auto& [ref, why] : r.skipped) out.push_back("  skipped " + ref + ": " + why);
  for (std::string& line : linkReport(r.links)) out.push_back(std::move(line));
  return out;
}

}  // namespace cmoc

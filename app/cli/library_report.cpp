#include "library_report.h"

#include <algorithm>

namespace cmoc::cli {

void printLinks(std::ostream& out, const std::vector<PaperMatch>& links) {
  if (links.empty()) return;
  const auto linked = std::count_if(links.begin(), links.end(),
                                    [](const PaperMatch& m) { return !m.study.empty(); });
  out << "Linked " << linked << " of " << links.size() << (links.size() == 1 ? " paper" : " papers")
      << " to studies:\n";
  for (const PaperMatch& m : links) {
    if (m.study.empty()) {
      out << "  not matched: " << m.source << " (" << m.detail << ")\n";
      continue;
    }
    out << "  " << m.source << " -> " << m.study << " ("
        << (m.matchedBy == kMatchedByDoi ? m.detail : m.matchedBy) << ")\n";
  }
}

}  // namespace cmoc::cli

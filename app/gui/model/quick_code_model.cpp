#include "model/quick_code_model.h"

#include <algorithm>

#include "cmoc/text.h"
#include "model/format.h"

namespace cmoc::gui {

QuickCodeModel::QuickCodeModel(const std::vector<Code>& codes) {
  entries_.reserve(codes.size());
  for (const Code& c : codes)
    entries_.push_back({c.id, std::string(kindTag(c.kind)) + " " + c.name, c.path,
                        text::fold(c.name), text::fold(c.path)});
}

std::vector<QuickCodeMatch> QuickCodeModel::matches(std::string_view query, std::size_t limit) const {
  const std::string q = text::fold(query);
  std::vector<QuickCodeMatch> out;
  for (const Entry& e : entries_) {
    int rank = -1;
    if (q.empty()) rank = 0;
    else if (e.foldedName == q) rank = 0;
    else if (e.foldedName.starts_with(q)) rank = 1;
    else if (e.foldedName.find(" " + q) != std::string::npos) rank = 2;  // a later word's start
    else if (e.foldedName.find(q) != std::string::npos) rank = 3;
    else if (e.foldedPath.find(q) != std::string::npos) rank = 4;
    if (rank < 0) continue;
    out.push_back({e.id, e.label + (e.path != e.label.substr(4) ? "   " + e.path : ""), e.path, rank});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const QuickCodeMatch& a, const QuickCodeMatch& b) { return a.rank < b.rank; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace cmoc::gui

#pragma once
// CMOC > Link suggested chains and Remove chain links: the choices their dialogs list, and
// what choosing some of them does. The window only shows the list and reports the count.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cmoc/project.h"

namespace cmoc::gui {

struct ChainChoices {
  std::vector<std::string> labels;                           // one line per choice
  std::vector<std::pair<std::int64_t, std::int64_t>> links;  // from, to; as labels
};

// Links the codes suggest: "CMOC 3 -> CMOC 7, through Trust".
ChainChoices suggestedChains(Project& project);
// Links that exist: "CMOC 3 (Reduced trust) -> CMOC 7 (Reduced trust)".
ChainChoices existingChains(Project& project);
// Links (or unlinks) the chosen entries; returns how many.
std::size_t linkChosen(Project& project, const ChainChoices& choices,
                       const std::vector<std::size_t>& chosen);
std::size_t unlinkChosen(Project& project, const ChainChoices& choices,
                         const std::vector<std::size_t>& chosen);

}  // namespace cmoc::gui

#include "chain_links.h"

#include "cmoc/cmocs.h"

namespace cmoc::gui {

ChainChoices suggestedChains(Project& project) {
  ChainChoices c;
  for (const SuggestedLink& l : Cmocs(project).suggestedLinks()) {
    c.labels.push_back("CMOC " + std::to_string(l.from) + " -> CMOC " + std::to_string(l.to) +
                       ", through " + l.code);
    c.links.emplace_back(l.from, l.to);
  }
  return c;
}

ChainChoices existingChains(Project& project) {
  ChainChoices c;
  for (const CmocLink& l : Cmocs(project).links()) {
    c.labels.push_back("CMOC " + std::to_string(l.from) + " (" + l.fromOutcome + ") -> CMOC " +
                       std::to_string(l.to) + " (" + l.toContext + ")");
    c.links.emplace_back(l.from, l.to);
  }
  return c;
}

namespace {

// Calls act(from, to) for each chosen entry; returns how many.
template <class Act>
std::size_t eachChosen(const ChainChoices& choices, const std::vector<std::size_t>& chosen,
                       Act act) {
  for (const std::size_t i : chosen) act(choices.links.at(i).first, choices.links.at(i).second);
  return chosen.size();
}

}  // namespace

std::size_t linkChosen(Project& project, const ChainChoices& choices,
                       const std::vector<std::size_t>& chosen) {
  Cmocs cmocs(project);
  return eachChosen(choices, chosen,
                    [&](std::int64_t from, std::int64_t to) { cmocs.link(from, to); });
}

std::size_t unlinkChosen(Project& project, const ChainChoices& choices,
                         const std::vector<std::size_t>& chosen) {
  Cmocs cmocs(project);
  return eachChosen(choices, chosen,
                    [&](std::int64_t from, std::int64_t to) { cmocs.unlink(from, to); });
}

}  // namespace cmoc::gui

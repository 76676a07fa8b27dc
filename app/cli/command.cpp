#include "command.h"

#include <algorithm>

namespace cmoc::cli {

namespace {
std::vector<Command>& registry() {
  static std::vector<Command> commands;
  return commands;
}
}  // namespace

CommandRegistration::CommandRegistration(std::vector<Command> (*make)()) {
  for (auto& c : make()) registry().push_back(std::move(c));
}

const std::vector<Command>& allCommands() {
  static const bool sorted = [] {
    // Registration order depends on link order; list commands in a fixed, readable order.
    // The order follows a study's workflow (DOMAIN.md); a command missing here comes last.
    static const std::vector<std::string> order = {
        "init", "import", "sources", "show", "search",                          // the data
        "code", "coding", "autocode", "autocode-review", "edit-text", "excerpts",  // coding
        "import-codings", "export-codings", "matrix",
        "cmoc", "web", "demi", "export-cmocs", "export-statements",               // realist
        "agree", "disagreements", "adjudicate", "merge",                           // second coder
        "export", "import-qda", "new-from",                                        // exchange
        "undo", "redo", "log", "demo"};
    auto rank = [](const Command& c) {
      auto it = std::find(order.begin(), order.end(), c.name);
      return it == order.end() ? order.size() : static_cast<std::size_t>(it - order.begin());
    };
    std::stable_sort(registry().begin(), registry().end(),
                     [&](const Command& a, const Command& b) { return rank(a) < rank(b); });
    return true;
  }();
  (void)sorted;
  return registry();
}

}  // namespace cmoc::cli

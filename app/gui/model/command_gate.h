#pragma once
// When a window command may run: each command names what must be open or chosen, in order,
// with what to tell the user when it is not (an empty text: the command quietly does
// nothing). The menu item stays enabled, so a user who tries learns why it did nothing.
#include <optional>
#include <string>
#include <vector>

namespace cmoc::gui {

enum class Needs {
  Project,  // a project is open
  Source,   // a source is open in the transcript view
  Coding,   // a coding is chosen (at the cursor or in the "At cursor" list)
  Code,     // a code is selected in the codebook
};

struct Requirement {
  Needs needs;
  std::string unmet;  // the status-bar error when it does not hold; empty: say nothing
};

// What the window has open and chosen right now.
struct WindowState {
  bool project = false, source = false, coding = false, code = false;
};

// Nothing when every requirement holds; else the first unmet one's text.
std::optional<std::string> refusal(const std::vector<Requirement>& needs, const WindowState& state);

}  // namespace cmoc::gui

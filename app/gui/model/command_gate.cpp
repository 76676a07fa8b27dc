#include "command_gate.h"

namespace cmoc::gui {

namespace {

bool holds(Needs needs, const WindowState& s) {
  // A source or a coding is only ever open inside a project.
  switch (needs) {
    case Needs::Project:
      return s.project;
    case Needs::Source:
      return s.project && s.source;
    case Needs::Coding:
      return s.project && s.coding;
    case Needs::Code:
      return s.code;
  }
  return false;
}

}  // namespace

std::optional<std::string> refusal(const std::vector<Requirement>& needs,
                                   const WindowState& state) {
  for (const Requirement& r : needs)
    if (!holds(r.needs, state)) return r.unmet;
  return std::nullopt;
}

}  // namespace cmoc::gui

#include "autocode_dialog_model.h"

namespace cmoc::gui {

namespace {

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

AutocodeSpec autocodeSpecFor(const std::string& codePath, const std::string& typed) {
  AutocodeSpec spec;
  spec.code = codePath;
  spec.pattern = trimmed(typed);
  spec.kind = spec.pattern.find(' ') == std::string::npos ? PatternKind::Word : PatternKind::Phrase;
  spec.scope = AutocodeScope::Sentence;
  return spec;
}

std::string autocodeSummary(const AutocodeResult& r) {
  return "Auto-coded " + std::to_string(r.coded) + " excerpts in " + std::to_string(r.sources) +
         " sources (coder 'auto'; Ctrl+Z undoes)";
}

std::string reviewSummary(bool accepted, const AutocodeReviewResult& r, const std::string& coder) {
  if (!accepted) return "Rejected " + std::to_string(r.codings) + " auto codings";
  return "Accepted " + std::to_string(r.codings) + " auto codings as " + coder + " (" +
         std::to_string(r.merged) + " merged with yours)";
}

}  // namespace cmoc::gui

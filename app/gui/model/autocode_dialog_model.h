#pragma once
// Code > Auto-code and its review commands, without the dialogs: what the typed text asks for
// and the status-bar summaries of what was done.
#include <string>

#include "cmoc/autocode.h"

namespace cmoc::gui {

// One word is matched as a word, more as a phrase (trimmed either way); each hit's sentence is
// coded with the code at `codePath`.
AutocodeSpec autocodeSpecFor(const std::string& codePath, const std::string& typed);
std::string autocodeSummary(const AutocodeResult& result);
// "Accepted 3 auto codings as AJ (1 merged with yours)" or "Rejected 3 auto codings".
std::string reviewSummary(bool accepted, const AutocodeReviewResult& result,
                          const std::string& coder);

}  // namespace cmoc::gui

#pragma once
// The memo on a source (a transcript): the researcher's notes on the interview as a whole,
// exported with it to REFI-QDA. Setting it is one undoable, audited Action.
#include <cstdint>
#include <string>

namespace cmoc {

class Project;

// Throws NotFound for an unknown source.
std::string sourceMemo(const Project& project, std::int64_t sourceId);
void setSourceMemo(Project& project, std::int64_t sourceId, const std::string& memo);

}  // namespace cmoc

#pragma once
// `cmoc check`: is a project file whole? SQLite's own checks (integrity, foreign keys, the
// search index against the text) and the workbench's invariants: every coding, turn and page
// inside its source's text, turns in order, pages covering the text, turns' byte ranges equal to
// their code points, evidence of a fitting kind, GUIDs unique, the undo history readable.
#include <string>
#include <string_view>
#include <vector>

namespace cmoc {

class Project;

enum class CheckSeverity {
  Error,    // the file is damaged or breaks an invariant the commands rely on
  Warning,  // allowed, but likely a slip (evidence of another realist kind)
};
std::string_view toString(CheckSeverity severity);  // "error", "warning"

struct CheckProblem {
  std::string check;  // one of checkNames()
  CheckSeverity severity = CheckSeverity::Error;
  std::string detail;  // one line, naming the row: "coding 12 in interview-01.txt ends at ..."
};

struct CheckReport {
  std::vector<CheckProblem> problems;  // in the order of checkNames(), then by row
  bool ok() const;                     // no errors (warnings allowed)
  std::size_t errors() const;
  std::size_t warnings() const;
};

// Every check, in the order run: "sqlite-integrity", "foreign-keys", "source-text",
// "coding-spans", "turn-spans", "turn-bytes", "page-spans", "search-index", "evidence-kinds",
// "guids", "history".
const std::vector<std::string_view>& checkNames();

// Runs every check in one read transaction, so a concurrent writer cannot mix states. Reads
// only: the file is not changed.
CheckReport checkProject(const Project& project);

}  // namespace cmoc

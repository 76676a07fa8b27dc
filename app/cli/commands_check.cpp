// check: whether a project file is whole, SQLite's checks and the workbench's invariants (issue 13).
#include <iostream>

#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc/project_check.h"
#include "command.h"
#include "output.h"

namespace cmoc::cli {

namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

int runCheck(const Args& args) {
  const std::string& file = onlyProjectArg(args, "check");
  const Format format = parseFormat(args.get("format").value_or("table"));
  // Opened as a reader: checking changes nothing and is no one's action.
  const Project project = Project::open(file);
  const CheckReport report = checkProject(project);
  if (format == Format::Table) {
    for (const CheckProblem& p : report.problems)
      std::cout << toString(p.severity) << ": " << p.check << ": " << p.detail << "\n";
    std::cout << file << ": "
              << (report.problems.empty()
                      ? "no problems"
                      : plural(report.errors(), "error", "errors") + ", " +
                            plural(report.warnings(), "warning", "warnings"))
              << " in " << checkNames().size() << " checks\n";
  } else {
    Table table{{"severity", "check", "detail"}, {}};
    for (const CheckProblem& p : report.problems)
      table.rows.push_back({std::string(toString(p.severity)), p.check, p.detail});
    write(std::cout, table, format);
  }
  return report.ok() ? 0 : 1;
}

std::vector<Command> checkCommands() {
  return {
      {"check",
       "check that a project file is whole; exit 1 when it is not",
       "cmoc check PROJECT.cmoc [--format table|csv|json]",
       "Runs SQLite's integrity and foreign-key checks and the search index's own check, and\n"
       "the workbench's invariants: every coding, turn and page inside its source's text, turns\n"
       "in order, a paper's pages covering its text, turns' byte ranges matching their code\n"
       "points, GUIDs unique, every undo entry readable. Evidence coded with a code of another\n"
       "realist kind than the slot it supports is a warning. Prints one line per problem and\n"
       "exits 1 when there is an error (warnings alone exit 0). Reads only: the file is not\n"
       "changed, and it may be checked while cmoc-gui has it open.",
       {formatOption()},
       runCheck},
  };
}

}  // namespace

const CommandRegistration checkRegistration{checkCommands};

}  // namespace cmoc::cli

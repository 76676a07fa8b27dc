// undo, redo, log: the project's command history and audit log.
#include <iostream>

#include "cmoc/project.h"
#include "command.h"
#include "numbers.h"
#include "output.h"

namespace cmoc::cli {

namespace {

int runStep(const Args& args, bool undo) {
  onlyProjectArg(args, undo ? "undo" : "redo");
  Project project = openProject(args);
  const auto label = undo ? project.undo() : project.redo();
  if (!label) {
    std::cout << "Nothing to " << (undo ? "undo" : "redo") << " for coder " << project.coder()
              << "\n";
    return 0;
  }
  std::cout << (undo ? "Undid: " : "Redid: ") << *label << "\n";
  return 0;
}

int runLog(const Args& args) {
  onlyProjectArg(args, "log");
  // Reading only: --coder chooses whose entries to show, so no acting coder is set.
  const Project project = Project::open(projectArg(args));
  const auto limit = static_cast<std::size_t>(
      parseWholeNumber(args.get("limit", "100"), "--limit", 1, kMaxLogEntries));
  Table t{{"id", "at", "coder", "action", "entity", "guid", "detail"}};
  for (const AuditEntry& e : project.auditLog(limit, args.get("coder")))
    t.add({e.id, e.at, e.coder, e.action, e.entityKind, e.entityGuid, e.detail});
  write(std::cout, t, parseFormat(args.get("format", "table")));
  return 0;
}

std::vector<Command> historyCommands() {
  return {
      {"undo",
       "undo your latest change (coding, codebook, CMOC, text edit)",
       "cmoc undo PROJECT.cmoc [--coder NAME]",
       "Each coder undoes only their own changes.",
       {coderOption()},
       [](const Args& a) { return runStep(a, true); }},
      {"redo",
       "redo the change you undid last",
       "cmoc redo PROJECT.cmoc [--coder NAME]",
       "",
       {coderOption()},
       [](const Args& a) { return runStep(a, false); }},
      {"log",
       "the audit log: who changed what and when, newest first",
       "cmoc log PROJECT.cmoc [--coder NAME] [--limit N] [--format F]",
       "--limit counts the entries shown, so with --coder it is that coder's latest N.",
       {{"limit", true, "show at most N entries (default 100)", "N"},
        formatOption(),
        {"coder", true, "show only the entries of coder NAME", "NAME"}},
       runLog},
  };
}

}  // namespace

const CommandRegistration historyRegistration{historyCommands};

}  // namespace cmoc::cli

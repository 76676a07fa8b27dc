// theory: programme-theory versions. `snapshot` freezes the CMOC set under a name, `list` and
// `show` read the versions back, `diff` says how the theory changed between two of them.
#include <iostream>

#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc/theory.h"
#include "cmoc/theory_diff.h"
#include "cmoc/theory_report.h"
#include "command.h"
#include "output.h"
#include "report_output.h"
#include "subcommand.h"

namespace cmoc::cli {

namespace {

const std::vector<OptionSpec>& theoryOptions() {
  static const std::vector<OptionSpec> specs = {
      {"memo", true, "snapshot: a note on the version (what phase, what changed)", "TEXT"},
      {"format", true, "list/show: table, csv or json; diff: also md, html or docx", "FORMAT"},
      {"out", true, "diff: write the md, html or docx report to this file", "FILE"},
      coderOption(),
  };
  return specs;
}

const std::string& arg(const Args& a, std::size_t i) { return a.positionals()[i]; }

std::string plural(std::int64_t n, const char* what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

void runSnapshot(const Args& a) {
  Project project = openProject(a);
  const TheoryVersion v = Theory(project).snapshot(arg(a, 1), a.get("memo", ""));
  std::cout << "Theory version " << v.id << " '" << v.name << "': " << plural(v.cmocCount, "CMOC")
            << ", " << plural(v.linkCount, "chain link") << "\n";
}

void runList(const Args& a) {
  Project project = openProject(a);
  Table t{{"id", "name", "created", "coder", "cmocs", "links", "memo"}};
  for (const TheoryVersion& v : Theory(project).versions())
    t.add({v.id, v.name, v.createdAt, v.coder, v.cmocCount, v.linkCount, v.memo});
  const Format format = parseFormat(a.get("format", "table"));
  if (format == Format::Table && t.rows.empty()) {
    std::cout << "No theory versions yet (cmoc theory snapshot PROJECT NAME takes one)\n";
    return;
  }
  write(std::cout, t, format);
}

void runShow(const Args& a) {
  Project project = openProject(a);
  const TheorySnapshot s = Theory(project).load(arg(a, 1));
  const Format format = parseFormat(a.get("format", "table"));
  if (format == Format::Table) {
    std::cout << "Theory version " << s.version.id << " '" << s.version.name << "' ("
              << s.version.createdAt << ", " << s.version.coder
              << "): " << plural(s.version.cmocCount, "CMOC") << ", "
              << plural(s.version.linkCount, "chain link") << "\n";
    if (!s.version.memo.empty()) std::cout << s.version.memo << "\n";
    std::cout << "\n";
  }
  write(std::cout, theorySnapshotTable(s), format);
}

void runDiff(const Args& a) {
  Project project = openProject(a);
  const TheoryDiff d = diffTheories(project, arg(a, 1), arg(a, 2));
  const std::string format = a.get("format", "table");
  if (format == "table") std::cout << d.summary() << "\n";
  writeReport({format, a.get("out"), {"table", "csv", "json", "md", "html", "docx"}},
              theoryDiffTable(d), theoryDiffReport(d), "the theory diff (" + d.summary() + ")");
}

const std::vector<Subcommand>& subcommands() {
  static const std::vector<Subcommand> subs = {
      {"snapshot",
       "cmoc theory snapshot PROJECT.cmoc NAME [--memo TEXT]",
       {"memo", "coder"},
       2,
       runSnapshot},
      {"list", "cmoc theory list PROJECT.cmoc [--format table|csv|json]", {"format"}, 1, runList},
      {"show",
       "cmoc theory show PROJECT.cmoc VERSION [--format table|csv|json]",
       {"format"},
       2,
       runShow},
      {"diff",
       "cmoc theory diff PROJECT.cmoc V1 V2 [--format table|csv|json|md|html|docx] [--out FILE]",
       {"format", "out"},
       3,
       runDiff},
  };
  return subs;
}

int runTheory(const Args& args) {
  return runSubcommand(args, theoryOptions(), subcommands(), "cmoc theory");
}

std::vector<Command> theoryCommands() {
  return {
      {"theory", "programme-theory versions: snapshot, list, show, diff",
       "cmoc theory SUBCOMMAND PROJECT.cmoc [ARGS] [--options]",
       "A version freezes every CMOC (its codes, status, prior, support counts) and chain\n"
       "link under a name and a date. Versions cannot be changed; undoing the snapshot is\n"
       "the only way to remove one. VERSION is a version's name or id; `current` is the\n"
       "live CMOC set.\n\n"
       "subcommands:\n"
       "  snapshot PROJECT NAME [--memo TEXT]\n"
       "                      freeze the current CMOC set as version NAME (one undoable step)\n"
       "  list PROJECT [--format F]\n"
       "                      the versions, oldest first\n"
       "  show PROJECT VERSION [--format F]\n"
       "                      a version's CMOCs and the CMOCs each feeds\n"
       "  diff PROJECT V1 V2 [--format table|csv|json|md|html|docx] [--out FILE]\n"
       "                      CMOCs added, removed and changed (status, prior, codes, support)\n"
       "                      and chains added or removed, by mechanism; md, html and docx\n"
       "                      are reports for a \"how the theory changed\" section\n\n"
       "Example: cmoc theory snapshot study.cmoc \"Initial programme theory\" --memo gleaning\n"
       "         cmoc theory diff study.cmoc \"Initial programme theory\" current --format md",
       theoryOptions(), runTheory}};
}

}  // namespace

const CommandRegistration theoryRegistration{theoryCommands};

}  // namespace cmoc::cli

// contradictions: where the evidence disagrees. CMOCs sharing a context and a mechanism with
// different outcomes, and refuting CMOCs beside the CMOCs they refute, with both sides' evidence.
#include <iostream>

#include "cmoc/contradictions.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "command.h"
#include "report_output.h"

namespace cmoc::cli {

namespace {

int runContradictions(const Args& args) {
  if (args.positionals().size() != 1)
    throw UsageError(
        "usage: cmoc contradictions PROJECT.cmoc [--format table|csv|json|md|html|docx] "
        "[--out FILE]");
  Project project = Project::open(projectArg(args));
  const Contradictions found = findContradictions(project);
  const std::string format = args.get("format", "table");
  if (format == "table") {
    if (args.has("out"))
      throw UsageError("--out is for the md, html and docx reports; table goes to standard output");
    const GroupedReport report = contradictionsReport(found);
    std::cout << (found.mechanisms.empty() ? report.none : found.summary()) << "\n";
    if (found.mechanisms.empty()) return 0;
  }
  writeReport({format, args.get("out"), {"table", "csv", "json", "md", "html", "docx"}},
              contradictionsTable(found), contradictionsReport(found),
              "the contradictions (" + found.summary() + ")");
  return 0;
}

std::vector<Command> contradictionsCommands() {
  return {{"contradictions", "where the evidence disagrees: refutations and differing outcomes",
           "cmoc contradictions PROJECT.cmoc [--format table|csv|json|md|html|docx] [--out FILE]",
           "Lists each refuting CMOC beside the CMOC it refutes (its prior), and every two CMOCs\n"
           "that share a context and a mechanism but differ in outcome, with both sides'\n"
           "evidence (quotes with their attribution) and sources, grouped by mechanism with the\n"
           "contexts each mechanism's pairs sit in. table, csv and json print one row per pair;\n"
           "md, html and docx are reports (docx needs --out).\n\n"
           "Example: cmoc contradictions study.cmoc --format html --out contradictions.html",
           {{"format", true, "table, csv, json, md, html or docx", "FORMAT"},
            {"out", true, "write the md, html or docx report to this file", "FILE"}},
           runContradictions}};
}

}  // namespace

const CommandRegistration contradictionsRegistration{contradictionsCommands};

}  // namespace cmoc::cli

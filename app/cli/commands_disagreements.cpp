// disagreements, adjudicate: reviewing where coders differ and resolving it into a consensus
// coder's codings.
#include <iostream>

#include "cmoc/adjudication.h"
#include "cmoc/disagreement_report.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "command.h"
#include "output.h"

namespace cmoc::cli {

namespace {

int runDisagreements(const Args& args) {
  if (args.positionals().size() > 1) throw UsageError("disagreements takes only the project file");
  const std::string format = args.get("format", "table");
  const bool html = format == "html";
  const Format f = html ? Format::Table : [&] {
    try {
      return parseFormat(format);
    } catch (const UsageError&) {
      throw UsageError("unknown format '" + format + "' (table, csv, json or html)");
    }
  }();
  DisagreementOptions options;
  options.coders = listOption(args, "coders");
  options.codes = listOption(args, "codes");
  options.sources = listOption(args, "sources");
  options.unit = parseAgreementUnit(args.get("unit", "char"));
  options.includeSingleCoderSources = args.has("include-single-coder-sources");
  const Project project = Project::open(projectArg(args));
  const std::vector<Disagreement> list = listDisagreements(project, options);
  if (html) {
    std::cout << disagreementsHtml(options.coders, list);
    return 0;
  }
  if (f != Format::Table) {
    write(std::cout, disagreementTable(options.coders, list), f);
    return 0;
  }
  // For the terminal: the span in one column and the text cut short.
  Table t;
  t.columns = {"id", "source", "span", "code", "coded by"};
  for (const std::string& c : options.coders) t.columns.push_back(c + "'s codes");
  t.columns.push_back("text");
  for (const Disagreement& d : list) {
    std::vector<std::string> by;
    for (std::size_t c = 0; c < options.coders.size(); ++c)
      if (d.applied[c]) by.push_back(options.coders[c]);
    const std::string span = std::to_string(d.start) + "-" + std::to_string(d.end);
    std::vector<Cell> row = {d.id, d.source, d.unit.empty() ? span : d.unit + " (" + span + ")", d.code,
                             joined(by, ", ")};
    for (const auto& codes : d.codesByCoder) row.push_back(joined(codes, "; "));
    std::string said = d.text;
    if (text::codePointCount(said) > 60) said = std::string(text::sliceCodePoints(said, 0, 59)) + "…";
    row.push_back(said);
    t.add(std::move(row));
  }
  write(std::cout, t, f);
  return 0;
}

int runAdjudicate(const Args& args) {
  if (args.positionals().size() > 1) throw UsageError("adjudicate takes only the project file");
  const std::vector<std::string> coders = listOption(args, "coders");
  if (coders.size() != 2) throw UsageError("adjudicate takes exactly two coders: --coders A,B");
  AdjudicationRequest request;
  request.coderA = coders[0];
  request.coderB = coders[1];
  request.consensus = args.get("as", "");
  if (auto rule = args.get("rule")) request.rule = parseAdjudicationRule(*rule);
  for (const std::string& d : args.all("decide")) {
    const auto eq = d.rfind('=');
    if (eq == std::string::npos || eq == 0) throw UsageError("--decide needs ID=a|b|both|none, not '" + d + "'");
    request.decisions.emplace_back(d.substr(0, eq), parseDecision(d.substr(eq + 1)));
  }
  request.codes = listOption(args, "codes");
  request.sources = listOption(args, "sources");
  request.includeSingleCoderSources = args.has("include-single-coder-sources");
  Project project = openProject(args);
  const AdjudicationResult r = adjudicate(project, request);
  std::cout << "Adjudicated " << r.decisions << (r.decisions == 1 ? " disagreement" : " disagreements")
            << " between " << request.coderA << " and " << request.coderB << " as "
            << request.consensus << ": " << r.added << " codings added, " << r.removed
            << " removed, " << r.kept << " kept\n";
  for (const std::string& s : r.skippedSources)
    std::cout << "  skipped " << s << ": coded by only one of the two coders\n";
  return 0;
}

std::vector<OptionSpec> scopeOptions() {
  return {{"coders", true, "the coders to compare, comma-separated", "A,B"},
          {"codes", true, "only these codes (names or paths), comma-separated", "C1,C2"},
          {"sources", true, "only these sources (ids or names), comma-separated", "S1,S2"},
          {"include-single-coder-sources", false, "also sources only one coder coded", ""}};
}

std::vector<OptionSpec> with(std::vector<OptionSpec> a, std::vector<OptionSpec> b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::vector<Command> disagreementCommands() {
  return {
      {"disagreements", "where coders differ: source, span, text and each coder's codes",
       "cmoc disagreements PROJECT.cmoc --coders A,B [--codes C1,C2] [--sources S1,S2] "
       "[--unit char|sentence|paragraph|turn] [--format table|csv|json|html]",
       "At the character level (the default) a disagreement is a stretch of text over which\n"
       "the same coders, not all, applied a code; with --unit, a unit some coders coded with\n"
       "the code and others did not. The id (SOURCE:START-END:CODE) names it for\n"
       "`cmoc adjudicate --decide`. --format html gives a self-contained page.",
       with(scopeOptions(), {{"unit", true, "char (default), sentence, paragraph or turn", "UNIT"},
                             {"format", true, "table (default), csv, json or html", "FORMAT"}}),
       runDisagreements},
      {"adjudicate", "resolve two coders' disagreements into a consensus coder's codings",
       "cmoc adjudicate PROJECT.cmoc --coders A,B --as CONSENSUS "
       "(--rule accept-a|accept-b|union|intersection|drop | --decide ID=a|b|both|none ...)",
       "What both coders coded is always kept, what neither coded never appears. Where they\n"
       "differ, --rule decides every disagreement in scope: accept-a or accept-b takes that\n"
       "coder's spans, union both, intersection and drop only where they overlap (the two\n"
       "give the same text). --decide settles one disagreement by its id from\n"
       "`cmoc disagreements` (a, b, both or none); with a rule it overrides the rule there,\n"
       "without one only the codes and sources decided change. One undoable action; every\n"
       "decision is in the audit log (`cmoc log`).",
       with(scopeOptions(),
            {{"as", true, "the consensus coder who receives the codings", "CONSENSUS"},
             {"rule", true, "accept-a, accept-b, union, intersection or drop", "RULE"},
             {"decide", true, "one disagreement: ID=a|b|both|none; repeatable", "ID=WHO"},
             coderOption()}),
       runAdjudicate},
  };
}

}  // namespace

const CommandRegistration disagreementRegistration{disagreementCommands};

}  // namespace cmoc::cli

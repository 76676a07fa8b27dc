// agree --cmocs: the two coders' CMOCs matched, the figures, and every unmatched CMOC with why,
// as a list to discuss.
#include <cstdio>
#include <iostream>

#include "agree_cmocs.h"
#include "cmoc/cmoc_agreement.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "command.h"
#include "output.h"

namespace cmoc::cli {

namespace {

std::string describe(const Cmoc& c) {
  return "#" + std::to_string(c.id) + " " + c.context.codePath + " -> " + c.mechanism.codePath +
         " -> " + c.outcome.codePath;
}

std::string percent(const agreement::Coefficient& c) {
  if (!c.value) return "n/a (" + c.reason + ")";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100 * *c.value);
  return buf;
}

Cell number(const agreement::Coefficient& c) { return c.value ? Cell(*c.value) : Cell(); }

Table figures(const CmocAgreementReport& r) {
  Table t{{"matched", r.coderA + " only", r.coderB + " only", "agreement (Jaccard)",
           "positive agreement (Dice)"}};
  t.add({static_cast<std::int64_t>(r.matched.size()), static_cast<std::int64_t>(r.aOnly.size()),
         static_cast<std::int64_t>(r.bOnly.size()), percent(r.proportion), percent(r.positive)});
  return t;
}

// One row per CMOC: matched pairs, then each coder's unmatched ones with the reason.
Table cmocRows(const CmocAgreementReport& r) {
  Table t{{"result", "cmoc_" + r.coderA, "cmoc_" + r.coderB, "context", "mechanism", "outcome",
           "label", "excerpts", "reason"}};
  for (const auto& [a, b] : r.matched)
    t.add({"matched", a.id, b.id, a.context.codePath, a.mechanism.codePath, a.outcome.codePath,
           a.label, static_cast<std::int64_t>(a.excerptCount() + b.excerptCount()), ""});
  auto unmatched = [&](const std::vector<UnmatchedCmoc>& list, bool isA) {
    for (const UnmatchedCmoc& u : list) {
      const Cmoc& c = u.cmoc;
      t.add({(isA ? r.coderA : r.coderB) + " only", isA ? Cell(c.id) : Cell(), isA ? Cell() : Cell(c.id),
             c.context.codePath, c.mechanism.codePath, c.outcome.codePath, c.label,
             static_cast<std::int64_t>(c.excerptCount()), u.reason});
    }
  };
  unmatched(r.aOnly, true);
  unmatched(r.bOnly, false);
  return t;
}

void writeText(std::ostream& o, const CmocAgreementReport& r) {
  o << r.method() << "\n\n";
  write(o, figures(r), Format::Table);
  if (!r.matched.empty()) {
    o << "\nMatched:\n";
    for (const auto& [a, b] : r.matched)
      o << "  " << r.coderA << " #" << a.id << " = " << r.coderB << " " << describe(b) << "\n";
  }
  if (!r.aOnly.empty() || !r.bOnly.empty()) {
    o << "\nUnmatched, for discussion:\n";
    for (const auto* list : {&r.aOnly, &r.bOnly})
      for (const UnmatchedCmoc& u : *list)
        o << "  " << (list == &r.aOnly ? r.coderA : r.coderB) << " " << describe(u.cmoc)
          << (u.cmoc.label.empty() ? "" : " (" + u.cmoc.label + ")") << ": " << u.reason << "\n";
  }
}

void writeMarkdown(std::ostream& o, const CmocAgreementReport& r) {
  o << "**Agreement on CMOCs**\n\n" << r.method() << "\n\n";
  auto row = [&](const std::vector<std::string>& cells) {
    o << "|";
    for (const std::string& c : cells) o << " " << c << " |";
    o << "\n";
  };
  const Table f = figures(r);
  row(f.columns);
  row({"---:", "---:", "---:", "---:", "---:"});
  row({std::to_string(r.matched.size()), std::to_string(r.aOnly.size()),
       std::to_string(r.bOnly.size()), percent(r.proportion), percent(r.positive)});
  if (r.aOnly.empty() && r.bOnly.empty()) return;
  o << "\nUnmatched CMOCs, for discussion:\n\n";
  for (const auto* list : {&r.aOnly, &r.bOnly})
    for (const UnmatchedCmoc& u : *list)
      o << "- " << (list == &r.aOnly ? r.coderA : r.coderB) << " " << describe(u.cmoc) << ": "
        << u.reason << "\n";
}

void writeJson(std::ostream& o, const CmocAgreementReport& r) {
  o << "{\"coders\": [" << jsonString(r.coderA) << ", " << jsonString(r.coderB) << "],\n"
    << "\"method\": " << jsonString(r.method()) << ",\n\"matched\": " << r.matched.size()
    << ", \"a_only\": " << r.aOnly.size() << ", \"b_only\": " << r.bOnly.size()
    << ",\n\"proportion\": " << jsonCell(number(r.proportion))
    << ", \"positive_agreement\": " << jsonCell(number(r.positive))
    << ",\n\"cmocs\": " << jsonObjects(cmocRows(r)) << "}\n";
}

}  // namespace

int runCmocAgreement(const Args& args) {
  if (args.positionals().size() > 1) throw UsageError("agree takes only the project file");
  for (const char* option : {"codes", "group", "sources", "unit", "coded-only",
                             "include-single-coder-sources"})
    if (args.has(option))
      throw UsageError(std::string("--") + option + " does not apply to --cmocs");
  const std::string format = args.get("format", "table");
  if (format != "table" && format != "csv" && format != "json" && format != "md")
    throw UsageError("unknown format '" + format + "' for --cmocs (table, csv, json or md)");
  const std::vector<std::string> coders = listOption(args, "coders");
  if (coders.size() != 2) throw UsageError("--cmocs compares two coders: --coders A,B");
  Project project = Project::open(projectArg(args));
  const CmocAgreementReport r = computeCmocAgreement(project, coders[0], coders[1]);
  if (format == "json") writeJson(std::cout, r);
  else if (format == "md") writeMarkdown(std::cout, r);
  else if (format == "csv") write(std::cout, cmocRows(r), Format::Csv);
  else writeText(std::cout, r);
  return 0;
}

}  // namespace cmoc::cli

// agree: inter-coder agreement per code and overall, as a table, CSV, JSON, or a Markdown or
// HTML table ready for a paper's methods section.
#include <iostream>

#include "agree_cmocs.h"
#include "cmoc/agreement_report.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "command.h"
#include "output.h"

namespace cmoc::cli {

namespace {

enum class Style { Table, Csv, Json, Markdown, Html };

Style parseStyle(const std::string& name) {
  if (name == "md" || name == "markdown") return Style::Markdown;
  if (name == "html") return Style::Html;
  if (name == "table" || name == "csv" || name == "json") {
    const Format f = parseFormat(name);
    return f == Format::Table ? Style::Table : f == Format::Csv ? Style::Csv : Style::Json;
  }
  throw UsageError("unknown format '" + name + "' (table, csv, json, md or html)");
}

void writeJson(std::ostream& o, const AgreementReport& r) {
  const AgreementTables t = agreementTables(r, AgreementLayout::Data);
  std::string coders;
  for (const std::string& c : r.coders) coders += (coders.empty() ? "" : ", ") + jsonString(c);
  Table codes = t.main, overall = t.main;
  codes.rows.pop_back();
  overall.rows = {t.main.rows.back()};
  std::string overallJson = jsonObjects(overall);  // "[\n  {...}\n]"
  overallJson = overallJson.substr(overallJson.find('{'), overallJson.rfind('}') - overallJson.find('{') + 1);
  Table pairs = t.pairs;
  pairs.columns = {"code", "coder_a", "coder_b", "units", "both", "a_only", "b_only", "neither",
                   "percent_agreement", "cohen_kappa", "krippendorff_alpha"};
  Table sources{{"source", "coded_by", "not_coded_by", "compared"}};
  for (const SourceCoverage& c : r.partialSources) {
    sources.add({c.source, joined(c.codedBy, ","), joined(c.notCodedBy, ","), c.compared});
  }
  o << "{\"coders\": [" << coders << "], \"unit\": " << jsonString(toString(r.unit))
    << ", \"coded_only\": " << (r.codedOnly ? "true" : "false")
    << ", \"include_single_coder_sources\": " << (r.includeSingleCoderSources ? "true" : "false")
    << ", \"group\": " << (r.group ? jsonString(*r.group) : "null")
    << ",\n\"method\": " << jsonString(r.method()) << ",\n\"sources_compared\": " << r.sourcesCompared
    << ", \"sources_uncoded\": " << r.sourcesUncoded;
  if (r.unitized) o << ", \"sources_unitized\": " << r.sourcesUnitized;
  o << ",\n\"codes\": " << jsonObjects(codes)
    << ",\n\"overall\": " << overallJson << ",\n\"pairs\": " << jsonObjects(pairs)
    << ",\n\"partial_sources\": " << jsonObjects(sources) << "}\n";
}

void writeText(std::ostream& o, const AgreementReport& r) {
  const AgreementTables t = agreementTables(r, AgreementLayout::People);
  o << r.method() << "\n\n";
  write(o, t.main, Format::Table);
  if (!t.pairs.rows.empty()) {
    o << "\nPairs of coders:\n";
    write(o, t.pairs, Format::Table);
  }
  if (!t.notes.empty()) {
    o << "\nNotes:\n";
    for (const std::string& n : t.notes) o << "  " << n << "\n";
  }
  const auto sources = agreementSourceLines(r);
  if (!sources.empty()) {
    o << "\nSources not coded by every coder:\n";
    for (const std::string& s : sources) o << "  " << s << "\n";
  }
}

int runAgree(const Args& args) {
  if (args.has("cmocs") && args.has("unitized"))
    throw UsageError("--unitized compares codings, --cmocs compares CMOCs: choose one");
  if (args.has("cmocs")) return runCmocAgreement(args);
  if (args.positionals().size() > 1) throw UsageError("agree takes only the project file");
  const Style style = parseStyle(args.get("format", "table"));
  AgreementOptions options;
  options.coders = listOption(args, "coders");
  options.codes = listOption(args, "codes");
  options.group = args.get("group");
  options.sources = listOption(args, "sources");
  options.unit = parseAgreementUnit(args.get("unit", "char"));
  options.codedOnly = args.has("coded-only");
  options.includeSingleCoderSources = args.has("include-single-coder-sources");
  options.unitized = args.has("unitized");
  const Project project = Project::open(projectArg(args));
  const AgreementReport report = computeAgreement(project, options);
  switch (style) {
    case Style::Table: writeText(std::cout, report); break;
    case Style::Markdown: std::cout << agreementMarkdown(report); break;
    case Style::Html: std::cout << agreementHtml(report); break;
    case Style::Json: writeJson(std::cout, report); break;
    case Style::Csv: std::cout << agreementCsv(report); break;
  }
  return 0;
}

std::vector<Command> agreeCommands() {
  return {{"agree", "inter-coder agreement per code: percent, Cohen's and Fleiss' kappa, alpha",
           "cmoc agree PROJECT.cmoc --coders A,B[,C...] [--codes C1,C2 | --group PARENT] "
           "[--sources S1,S2] [--unit char|sentence|paragraph|turn] [--coded-only] "
           "[--include-single-coder-sources] [--format table|csv|json|md|html]\n"
           "       cmoc agree PROJECT.cmoc --coders A,B[,C...] --unitized [--codes C1,C2] "
           "[--sources S1,S2] [--format ...]\n"
           "       cmoc agree PROJECT.cmoc --coders A,B --cmocs [--format table|csv|json|md]",
           "Compares coders who coded the same sources independently. At the character level\n"
           "(the default) each code point counts as coded or not with each code, as NVivo\n"
           "reports it; with --unit a sentence, paragraph (line) or speaker turn counts as coded\n"
           "when any part of it is. The overall row pools all codes. With --group the parent's\n"
           "child codes are mutually exclusive categories of one nominal variable.\n"
           "Sources only one coder coded are listed and left out unless\n"
           "--include-single-coder-sources. Coefficients the data leave undefined (no variation)\n"
           "show as n/a with the reason. --format md gives a Markdown table and a methods\n"
           "sentence for a paper; html a self-contained page. In lists, write a comma inside a\n"
           "name as \\,.\n\n"
           "With --unitized, Krippendorff's unitized alpha (alpha-u, 1995/2004) is added: it\n"
           "compares where each coder's passages of a code begin and end, the uncoded gaps\n"
           "counting too, over the sources every coder coded (each source a stretch of one\n"
           "continuum; a coder's overlapping or touching codings of a code are one unit). The\n"
           "overall row pools the codes as separate continua: 1 - sum of observed / sum of\n"
           "expected disagreement. Not with --unit, --group, --coded-only or --cmocs.\n\n"
           "With --cmocs, two coders' CMOCs are matched instead: the same context, mechanism\n"
           "and outcome codes and overlapping evidence (or none on either side). It reports\n"
           "matched, each coder's unmatched CMOCs with why, and matched / (matched + A only +\n"
           "B only) (Jaccard) beside positive (Dice) agreement; no kappa, as configurations\n"
           "neither coder proposed cannot be counted. Formats: table, csv (a row per CMOC),\n"
           "json or md.",
           {{"coders", true, "the coders to compare (two or more), comma-separated", "A,B"},
            {"codes", true, "only these codes (names or paths), comma-separated; default: all applied", "C1,C2"},
            {"group", true, "compare PARENT's child codes as categories of one variable", "PARENT"},
            {"sources", true, "only these sources (ids or names), comma-separated", "S1,S2"},
            {"unit", true, "char (default), sentence, paragraph or turn", "UNIT"},
            {"coded-only", false, "count only units at least one coder coded", ""},
            {"include-single-coder-sources", false, "also compare sources only one coder coded", ""},
            {"unitized", false, "add Krippendorff's unitized alpha (alpha-u) per code and overall", ""},
            {"cmocs", false, "compare the two coders' CMOCs instead of their codings", ""},
            {"format", true, "table (default), csv, json, md or html", "FORMAT"}},
           runAgree}};
}

}  // namespace

const CommandRegistration agreeRegistration{agreeCommands};

}  // namespace cmoc::cli

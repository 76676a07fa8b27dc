// agree: inter-coder agreement per code and overall, as a table, CSV, JSON, or a Markdown or
// HTML table ready for a paper's methods section.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>

#include "agree_cmocs.h"
#include "cmoc/agreement.h"
#include "cmoc/error.h"
#include "cmoc/escape.h"
#include "cmoc/project.h"
#include "agreement_markdown.h"
#include "command.h"
#include "output.h"

namespace cmoc::cli {

namespace {

using agreement::Coefficient;

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

bool forPeople(Style s) { return s == Style::Table || s == Style::Markdown || s == Style::Html; }

std::string fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

Cell coefficient(const Coefficient& c, Style s) {
  if (!c.value) return forPeople(s) ? Cell(std::string("n/a")) : Cell();
  return forPeople(s) ? Cell(fixed(*c.value, 3)) : Cell(*c.value);
}

Cell percent(const Coefficient& c, Style s) {
  if (!c.value) return forPeople(s) ? Cell(std::string("n/a")) : Cell();
  return forPeople(s) ? Cell(fixed(100 * *c.value, 1) + "%") : Cell(100 * *c.value);
}

Cell count(double v) { return static_cast<std::int64_t>(std::llround(v)); }

// Why each undefined coefficient of a row is n/a, one phrase per reason.
std::string notes(const std::vector<std::pair<std::string, const Coefficient*>>& coefficients) {
  std::vector<std::pair<std::string, std::string>> byReason;  // reason -> names
  for (const auto& [name, c] : coefficients) {
    if (!c || c->value) continue;  // not shown in this layout, or defined
    auto it = std::find_if(byReason.begin(), byReason.end(),
                           [&](const auto& r) { return r.first == c->reason; });
    if (it == byReason.end()) byReason.push_back({c->reason, name});
    else it->second += ", " + name;
  }
  std::string out;
  for (const auto& [reason, names] : byReason) out += (out.empty() ? "" : "; ") + names + " n/a: " + reason;
  return out;
}

struct Rendered {
  Table main, pairs;
  std::vector<std::string> notes;  // "code: ... n/a: reason"
};

Rendered render(const AgreementReport& r, Style s) {
  const bool two = r.coders.size() == 2;
  const bool fleiss = !two || r.group;
  const std::string a = r.coders[0], b = r.coders[1];
  const std::string units = r.unit == AgreementUnit::Character ? "characters" : "units";
  Rendered out;
  const bool people = forPeople(s);
  if (people) {
    out.main.columns = {"code", units};
    if (two) out.main.columns.insert(out.main.columns.end(), {"both", a + " only", b + " only", "neither"});
    out.main.columns.push_back("agreement");
    if (two) out.main.columns.push_back("Cohen's kappa");
    if (fleiss) out.main.columns.push_back("Fleiss' kappa");
    out.main.columns.push_back("Krippendorff's alpha");
  } else {
    out.main.columns = {"code", "coders", "units", "both", "a_only", "b_only", "neither",
                        "percent_agreement", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha",
                        "notes"};
  }
  out.pairs.columns = {"code", "coder_a", "coder_b", "units", "both", "a_only", "b_only", "neither",
                       "agreement", "Cohen's kappa", "Krippendorff's alpha"};
  std::string allCoders;
  for (const std::string& c : r.coders) allCoders += (allCoders.empty() ? "" : ",") + c;

  auto addRow = [&](const CodeAgreement& row) {
    const PairAgreement& p = row.pairs.front();
    const bool counts = two && !row.nominal;
    const std::string why = notes({{"agreement", &row.percent},
                                   {"Cohen's kappa", two ? &row.cohenKappa : nullptr},
                                   {"Fleiss' kappa", fleiss ? &row.fleissKappa : nullptr},
                                   {"Krippendorff's alpha", &row.alpha}});
    if (people) {
      std::vector<Cell> cells = {row.code, count(row.units)};
      if (two)
        for (double v : {p.counts.both, p.counts.aOnly, p.counts.bOnly, p.counts.neither})
          cells.push_back(counts ? count(v) : Cell());
      cells.push_back(percent(row.percent, s));
      if (two) cells.push_back(coefficient(row.cohenKappa, s));
      if (fleiss) cells.push_back(coefficient(row.fleissKappa, s));
      cells.push_back(coefficient(row.alpha, s));
      out.main.add(std::move(cells));
      if (!why.empty()) out.notes.push_back(row.code + ": " + why);
    } else {
      auto opt = [&](double v) { return counts ? count(v) : Cell(); };
      out.main.add({row.code, allCoders, count(row.units), opt(p.counts.both), opt(p.counts.aOnly),
                    opt(p.counts.bOnly), opt(p.counts.neither), percent(row.percent, s),
                    coefficient(row.cohenKappa, s), coefficient(row.fleissKappa, s),
                    coefficient(row.alpha, s), why});
    }
    if (two) return;
    for (const PairAgreement& q : row.pairs) {
      const bool c = !row.nominal;
      out.pairs.add({row.code, q.coderA, q.coderB, count(q.counts.units),
                     c ? count(q.counts.both) : Cell(), c ? count(q.counts.aOnly) : Cell(),
                     c ? count(q.counts.bOnly) : Cell(), c ? count(q.counts.neither) : Cell(),
                     percent(q.percent, s), coefficient(q.cohenKappa, s), coefficient(q.alpha, s)});
      const std::string pairWhy = notes({{"agreement", &q.percent}, {"Cohen's kappa", &q.cohenKappa},
                                         {"Krippendorff's alpha", &q.alpha}});
      if (people && !pairWhy.empty())
        out.notes.push_back(row.code + " (" + q.coderA + ", " + q.coderB + "): " + pairWhy);
    }
  };
  for (const CodeAgreement& row : r.codes) addRow(row);
  addRow(r.overall);
  return out;
}

std::vector<std::string> sourceLines(const AgreementReport& r) {
  std::vector<std::string> out;
  for (const SourceCoverage& c : r.partialSources) {
    std::string by;
    for (const std::string& n : c.codedBy) by += (by.empty() ? "" : ", ") + n;
    out.push_back(c.source + ": coded only by " + by + (c.compared ? " (compared)" : " (left out)"));
  }
  if (r.sourcesUncoded)
    out.push_back(std::to_string(r.sourcesUncoded) + " source(s) coded by none of the coders (left out)");
  return out;
}

std::string cellText(const Cell& c) {
  if (auto* s = std::get_if<std::string>(&c)) return *s;
  if (auto* n = std::get_if<std::int64_t>(&c)) return std::to_string(*n);
  return "";
}

std::string mdEscape(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|' || c == '*' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

void writeMarkdown(std::ostream& o, const AgreementReport& r, const Rendered& t) {
  o << "**Inter-coder agreement**\n\n" << r.method() << "\n\n";
  auto table = [&](const Table& tab) {
    std::string line = "|", rule = "|";
    for (std::size_t c = 0; c < tab.columns.size(); ++c) {
      line += " " + mdEscape(tab.columns[c]) + " |";
      rule += c == 0 ? " --- |" : " ---: |";
    }
    o << line << "\n" << rule << "\n";
    for (std::size_t i = 0; i < tab.rows.size(); ++i) {
      const bool last = &tab == &t.main && i + 1 == tab.rows.size();
      o << "|";
      for (std::size_t c = 0; c < tab.rows[i].size(); ++c) {
        const std::string v = mdEscape(cellText(tab.rows[i][c]));
        o << " " << (last && c == 0 ? "**" + v + "**" : v) << " |";
      }
      o << "\n";
    }
  };
  table(t.main);
  if (!t.pairs.rows.empty()) {
    o << "\nPairs of coders:\n\n";
    table(t.pairs);
  }
  if (!t.notes.empty()) {
    o << "\n";
    for (const std::string& n : t.notes) o << "- " << mdEscape(n) << "\n";
  }
  const auto sources = sourceLines(r);
  if (!sources.empty()) {
    o << "\nSources not coded by every coder:\n\n";
    for (const std::string& s : sources) o << "- " << mdEscape(s) << "\n";
  }
}

void writeHtml(std::ostream& o, const AgreementReport& r, const Rendered& t) {
  o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<title>Inter-coder agreement</title>\n<style>\n"
       "body{font-family:sans-serif;margin:2em;max-width:70em}"
       "table{border-collapse:collapse;margin:1em 0}"
       "th,td{border:1px solid #999;padding:.3em .6em}td.n{text-align:right}"
       "tr.overall td{font-weight:bold}\n</style>\n</head>\n<body>\n"
       "<h1>Inter-coder agreement</h1>\n<p>" << htmlEscape(r.method()) << "</p>\n";
  auto table = [&](const Table& tab, bool markLast) {
    o << "<table>\n<thead><tr>";
    for (const std::string& c : tab.columns) o << "<th>" << htmlEscape(c) << "</th>";
    o << "</tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < tab.rows.size(); ++i) {
      o << (markLast && i + 1 == tab.rows.size() ? "<tr class=\"overall\">" : "<tr>");
      for (std::size_t c = 0; c < tab.rows[i].size(); ++c)
        o << (c ? "<td class=\"n\">" : "<td>") << htmlEscape(cellText(tab.rows[i][c])) << "</td>";
      o << "</tr>\n";
    }
    o << "</tbody>\n</table>\n";
  };
  table(t.main, true);
  if (!t.pairs.rows.empty()) {
    o << "<h2>Pairs of coders</h2>\n";
    table(t.pairs, false);
  }
  if (!t.notes.empty()) {
    o << "<ul class=\"notes\">\n";
    for (const std::string& n : t.notes) o << "<li>" << htmlEscape(n) << "</li>\n";
    o << "</ul>\n";
  }
  const auto sources = sourceLines(r);
  if (!sources.empty()) {
    o << "<h2>Sources not coded by every coder</h2>\n<ul>\n";
    for (const std::string& s : sources) o << "<li>" << htmlEscape(s) << "</li>\n";
    o << "</ul>\n";
  }
  o << "</body>\n</html>\n";
}

void writeJson(std::ostream& o, const AgreementReport& r, const Rendered& t) {
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
    std::string by, notBy;
    for (const std::string& n : c.codedBy) by += (by.empty() ? "" : ",") + n;
    for (const std::string& n : c.notCodedBy) notBy += (notBy.empty() ? "" : ",") + n;
    sources.add({c.source, by, notBy, c.compared});
  }
  o << "{\"coders\": [" << coders << "], \"unit\": " << jsonString(toString(r.unit))
    << ", \"coded_only\": " << (r.codedOnly ? "true" : "false")
    << ", \"include_single_coder_sources\": " << (r.includeSingleCoderSources ? "true" : "false")
    << ", \"group\": " << (r.group ? jsonString(*r.group) : "null")
    << ",\n\"method\": " << jsonString(r.method()) << ",\n\"sources_compared\": " << r.sourcesCompared
    << ", \"sources_uncoded\": " << r.sourcesUncoded << ",\n\"codes\": " << jsonObjects(codes)
    << ",\n\"overall\": " << overallJson << ",\n\"pairs\": " << jsonObjects(pairs)
    << ",\n\"partial_sources\": " << jsonObjects(sources) << "}\n";
}

void writeText(std::ostream& o, const AgreementReport& r, const Rendered& t) {
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
  const auto sources = sourceLines(r);
  if (!sources.empty()) {
    o << "\nSources not coded by every coder:\n";
    for (const std::string& s : sources) o << "  " << s << "\n";
  }
}

}  // namespace

void writeAgreementMarkdown(std::ostream& out, const AgreementReport& report) {
  writeMarkdown(out, report, render(report, Style::Markdown));
}

namespace {

int runAgree(const Args& args) {
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
  const Project project = Project::open(projectArg(args));
  const AgreementReport report = computeAgreement(project, options);
  const Rendered t = render(report, style);
  switch (style) {
    case Style::Table: writeText(std::cout, report, t); break;
    case Style::Markdown: writeMarkdown(std::cout, report, t); break;
    case Style::Html: writeHtml(std::cout, report, t); break;
    case Style::Json: writeJson(std::cout, report, t); break;
    case Style::Csv: {
      Table all = t.main;
      for (const auto& row : t.pairs.rows) {
        // Pair rows in the main columns: code, "a,b", counts, percent, Cohen, -, alpha, -.
        all.add({row[0], cellText(row[1]) + "," + cellText(row[2]), row[3], row[4], row[5], row[6],
                 row[7], row[8], row[9], Cell(), row[10], Cell()});
      }
      write(std::cout, all, Format::Csv);
      break;
    }
  }
  return 0;
}

std::vector<Command> agreeCommands() {
  return {{"agree", "inter-coder agreement per code: percent, Cohen's and Fleiss' kappa, alpha",
           "cmoc agree PROJECT.cmoc --coders A,B[,C...] [--codes C1,C2 | --group PARENT] "
           "[--sources S1,S2] [--unit char|sentence|paragraph|turn] [--coded-only] "
           "[--include-single-coder-sources] [--format table|csv|json|md|html]\n"
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
            {"cmocs", false, "compare the two coders' CMOCs instead of their codings", ""},
            {"format", true, "table (default), csv, json, md or html", "FORMAT"}},
           runAgree}};
}

}  // namespace

const CommandRegistration agreeRegistration{agreeCommands};

}  // namespace cmoc::cli

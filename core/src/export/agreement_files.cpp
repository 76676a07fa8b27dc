// The agreement report as files for a paper: Markdown, a self-contained HTML page, CSV.
#include "cmoc/agreement_report.h"
#include "cmoc/atomic_file.h"
#include "cmoc/error.h"
#include "cmoc/escape.h"
#include "file_extension.h"

namespace cmoc {

namespace {

// Agreement tables hold code names, where * and _ would otherwise turn into emphasis.
std::string mdEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|' || c == '*' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string agreementMarkdown(const AgreementReport& r) {
  const AgreementTables t = agreementTables(r, AgreementLayout::People);
  std::string o = "**Inter-coder agreement**\n\n" + r.method() + "\n\n";
  auto table = [&](const ReportTable& tab, bool boldLast) {
    std::string line = "|", rule = "|";
    for (std::size_t c = 0; c < tab.columns.size(); ++c) {
      line += " " + mdEscape(tab.columns[c]) + " |";
      rule += c == 0 ? " --- |" : " ---: |";
    }
    o += line + "\n" + rule + "\n";
    for (std::size_t i = 0; i < tab.rows.size(); ++i) {
      const bool last = boldLast && i + 1 == tab.rows.size();
      o += "|";
      for (std::size_t c = 0; c < tab.rows[i].size(); ++c) {
        const std::string v = mdEscape(cellText(tab.rows[i][c]));
        o += " " + (last && c == 0 ? "**" + v + "**" : v) + " |";
      }
      o += "\n";
    }
  };
  table(t.main, true);
  if (!t.pairs.rows.empty()) {
    o += "\nPairs of coders:\n\n";
    table(t.pairs, false);
  }
  if (!t.notes.empty()) {
    o += "\n";
    for (const std::string& n : t.notes) o += "- " + mdEscape(n) + "\n";
  }
  const auto sources = agreementSourceLines(r);
  if (!sources.empty()) {
    o += "\nSources not coded by every coder:\n\n";
    for (const std::string& s : sources) o += "- " + mdEscape(s) + "\n";
  }
  return o;
}

std::string agreementHtml(const AgreementReport& r) {
  const AgreementTables t = agreementTables(r, AgreementLayout::People);
  std::string o =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>Inter-coder agreement</title>\n<style>\n"
      "body{font-family:sans-serif;margin:2em;max-width:70em}"
      "table{border-collapse:collapse;margin:1em 0}"
      "th,td{border:1px solid #999;padding:.3em .6em}td.n{text-align:right}"
      "tr.overall td{font-weight:bold}\n</style>\n</head>\n<body>\n"
      "<h1>Inter-coder agreement</h1>\n<p>" + htmlEscape(r.method()) + "</p>\n";
  auto table = [&](const ReportTable& tab, bool markLast) {
    o += "<table>\n<thead><tr>";
    for (const std::string& c : tab.columns) o += "<th>" + htmlEscape(c) + "</th>";
    o += "</tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < tab.rows.size(); ++i) {
      o += markLast && i + 1 == tab.rows.size() ? "<tr class=\"overall\">" : "<tr>";
      for (std::size_t c = 0; c < tab.rows[i].size(); ++c)
        o += (c ? "<td class=\"n\">" : "<td>") + htmlEscape(cellText(tab.rows[i][c])) + "</td>";
      o += "</tr>\n";
    }
    o += "</tbody>\n</table>\n";
  };
  table(t.main, true);
  if (!t.pairs.rows.empty()) {
    o += "<h2>Pairs of coders</h2>\n";
    table(t.pairs, false);
  }
  if (!t.notes.empty()) {
    o += "<ul class=\"notes\">\n";
    for (const std::string& n : t.notes) o += "<li>" + htmlEscape(n) + "</li>\n";
    o += "</ul>\n";
  }
  const auto sources = agreementSourceLines(r);
  if (!sources.empty()) {
    o += "<h2>Sources not coded by every coder</h2>\n<ul>\n";
    for (const std::string& s : sources) o += "<li>" + htmlEscape(s) + "</li>\n";
    o += "</ul>\n";
  }
  return o + "</body>\n</html>\n";
}

std::string agreementCsv(const AgreementReport& r) {
  const AgreementTables t = agreementTables(r, AgreementLayout::Data);
  ReportTable all = t.main;
  for (const auto& row : t.pairs.rows) {
    // Pair rows in the main columns: code, "a,b", counts, percent, Cohen, -, alpha, -.
    // With alpha-u, an empty cell for it too: alpha-u is reported per code, not per pair.
    std::vector<Cell> cells = {row[0], cellText(row[1]) + "," + cellText(row[2]), row[3], row[4],
                               row[5], row[6], row[7], row[8], row[9], Cell(), row[10], Cell()};
    if (r.unitized) cells.push_back(Cell());
    all.add(std::move(cells));
  }
  return tableCsv(all);
}

std::optional<AgreementReportFormat> agreementReportFormatOf(const std::filesystem::path& file) {
  const std::string ext = lowerExtension(file);
  if (ext == ".csv") return AgreementReportFormat::Csv;
  if (ext == ".md" || ext == ".markdown") return AgreementReportFormat::Markdown;
  if (ext == ".html" || ext == ".htm") return AgreementReportFormat::Html;
  return std::nullopt;
}

void writeAgreementReport(const AgreementReport& report, const std::filesystem::path& file) {
  const auto format = agreementReportFormatOf(file);
  if (!format)
    throw UsageError(file.string() + ": an agreement report is written as .csv, .md or .html");
  switch (*format) {
    case AgreementReportFormat::Csv: return writeAtomically(file, agreementCsv(report));
    case AgreementReportFormat::Markdown: return writeAtomically(file, agreementMarkdown(report));
    case AgreementReportFormat::Html: return writeAtomically(file, agreementHtml(report));
  }
}

}  // namespace cmoc

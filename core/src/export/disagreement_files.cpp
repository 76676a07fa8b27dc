// Disagreements between coders as an HTML page or CSV, for walking them together.
#include "cmoc/atomic_file.h"
#include "cmoc/disagreement_report.h"
#include "cmoc/error.h"
#include "cmoc/escape.h"
#include "file_extension.h"

namespace cmoc {

ReportTable disagreementTable(const std::vector<std::string>& coders, const std::vector<Disagreement>& list) {
  ReportTable t;
  t.columns = {"id", "source_id", "source", "unit", "start", "end", "code", "coded_by", "not_coded_by"};
  for (const std::string& c : coders) t.columns.push_back("codes_" + c);
  t.columns.push_back("text");
  for (const Disagreement& d : list) {
    std::vector<std::string> by, notBy;
    for (std::size_t c = 0; c < coders.size(); ++c) (d.applied[c] ? by : notBy).push_back(coders[c]);
    std::vector<Cell> row = {d.id, d.sourceId, d.source, d.unit, d.start, d.end, d.code,
                             joined(by, ","), joined(notBy, ",")};
    for (const auto& codes : d.codesByCoder) row.push_back(joined(codes, "; "));
    row.push_back(d.text);
    t.add(std::move(row));
  }
  return t;
}

std::string disagreementsCsv(const std::vector<std::string>& coders, const std::vector<Disagreement>& list) {
  return tableCsv(disagreementTable(coders, list));
}

std::string disagreementsHtml(const std::vector<std::string>& coders, const std::vector<Disagreement>& list) {
  std::string o =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>Disagreements</title>\n<style>\n"
      "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
      "th,td{border:1px solid #999;padding:.3em .6em;vertical-align:top}"
      "td.text{white-space:pre-wrap;max-width:40em}td.id{font-family:monospace;font-size:85%}"
      ".yes{background:#e6f4e6}.no{background:#fbe9e9}\n</style>\n</head>\n<body>\n"
      "<h1>Disagreements between " + htmlEscape(joined(coders, ", ")) + "</h1>\n<p>" +
      std::to_string(list.size()) + (list.size() == 1 ? " disagreement" : " disagreements") +
      ". Green: the coder applied the code; red: did not.</p>\n<table>\n<thead><tr><th>id</th>"
      "<th>source</th><th>span</th><th>code</th>";
  for (const std::string& c : coders) o += "<th>" + htmlEscape(c) + "'s codes</th>";
  o += "<th>text</th></tr></thead>\n<tbody>\n";
  for (const Disagreement& d : list) {
    o += "<tr><td class=\"id\">" + htmlEscape(d.id) + "</td><td>" + htmlEscape(d.source) + "</td><td>" +
         htmlEscape(d.unit.empty() ? "" : d.unit + " ") + std::to_string(d.start) + "&ndash;" +
         std::to_string(d.end) + "</td><td>" + htmlEscape(d.code) + "</td>";
    for (std::size_t c = 0; c < coders.size(); ++c)
      o += std::string("<td class=\"") + (d.applied[c] ? "yes" : "no") + "\">" +
           htmlEscape(joined(d.codesByCoder[c], "; ")) + "</td>";
    o += "<td class=\"text\">" + htmlEscape(d.text) + "</td></tr>\n";
  }
  return o + "</tbody>\n</table>\n</body>\n</html>\n";
}

void writeDisagreements(const std::vector<std::string>& coders, const std::vector<Disagreement>& list,
                        const std::filesystem::path& file) {
  const std::string ext = lowerExtension(file);
  if (ext == ".html" || ext == ".htm") return writeAtomically(file, disagreementsHtml(coders, list));
  if (ext == ".csv") return writeAtomically(file, disagreementsCsv(coders, list));
  throw UsageError(file.string() + ": disagreements are written as .html or .csv");
}

}  // namespace cmoc

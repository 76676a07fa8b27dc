// Grouped reports as Markdown and HTML (the Word document is grouped_report_docx.cpp).
#include "cmoc/grouped_report.h"

#include "cmoc/escape.h"
#include "export/report_style.h"

namespace cmoc {

std::string groupedReportMarkdown(const GroupedReport& r) {
  std::string o = "# " + r.title + "\n\n";
  for (const std::string& p : r.intro) o += p + "\n\n";
  if (r.sections.empty() && !r.none.empty()) o += r.none + "\n";
  for (const ReportSection& s : r.sections) {
    o += "## " + s.heading + "\n\n";
    if (!s.summary.empty()) o += s.summary + "\n\n";
    std::string line = "|", rule = "|";
    for (const std::string& c : s.table.columns) {
      line += " " + markdownCell(c) + " |";
      rule += " --- |";
    }
    o += line + "\n" + rule + "\n";
    for (const auto& row : s.table.rows) {
      o += "|";
      for (std::size_t c = 0; c < s.table.columns.size(); ++c)
        o += " " + markdownCell(c < row.size() ? cellText(row[c]) : "") + " |";
      o += "\n";
    }
    o += "\n";
  }
  return o;
}

std::string groupedReportHtml(const GroupedReport& r) {
  std::string o = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                  htmlEscape(r.title) + "</title>\n<style>" + exporting::kReportStyle +
                  "</style>\n</head>\n<body>\n<h1>" + htmlEscape(r.title) + "</h1>\n";
  for (const std::string& p : r.intro) o += "<p>" + htmlEscape(p) + "</p>\n";
  if (r.sections.empty() && !r.none.empty()) o += "<p>" + htmlEscape(r.none) + "</p>\n";
  for (const ReportSection& s : r.sections) {
    o += "<h2>" + htmlEscape(s.heading) + "</h2>\n";
    if (!s.summary.empty()) o += "<p class=\"summary\">" + htmlEscape(s.summary) + "</p>\n";
    o += "<table>\n<thead><tr>";
    for (const std::string& c : s.table.columns) o += "<th>" + htmlEscape(c) + "</th>";
    o += "</tr></thead>\n<tbody>\n";
    for (const auto& row : s.table.rows) {
      o += "<tr>";
      for (std::size_t c = 0; c < s.table.columns.size(); ++c) {
        const Cell cell = c < row.size() ? row[c] : Cell();
        o += (isNumeric(cell) ? "<td class=\"n\">" : "<td>") + htmlEscape(cellText(cell)) + "</td>";
      }
      o += "</tr>\n";
    }
    o += "</tbody>\n</table>\n";
  }
  return o + "</body>\n</html>\n";
}

}  // namespace cmoc

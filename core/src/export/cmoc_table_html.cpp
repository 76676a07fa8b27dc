// The CMOC table as one self-contained HTML page: inline CSS, no scripts or external files, so
// it can be mailed, archived or printed as it is. Print rules keep a CMOC's row on one page and
// repeat the header row on each.
#include "cmoc/cmoc_table_export.h"
#include "cmoc/escape.h"
#include "export/report_style.h"

namespace cmoc {

namespace {

bool isCount(const std::string& column) {
  return column == "CMOC" || column == "excerpts" || column == "sources" ||
         column == "participants" || column == "prior";
}

}  // namespace

std::string cmocTableHtml(const CmocTable& table, std::string_view title) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
      htmlEscape(title) + "</title>\n<style>" + exporting::kReportStyle +
      "</style>\n</head>\n<body>\n";
  out += "<h1>" + htmlEscape(title) + "</h1>\n<p>Multiple-sources rule: a CMOC needs " +
         std::to_string(table.threshold) + " distinct sources; rows that fail it are shaded.";
  if (table.pseudonymised) out += " Names are replaced by participant codes.";
  out += "</p>\n";
  const auto columns = cmocTableColumns(false);
  for (const CmocTableGroup& g : table.groups) {
    out += "<h2>" + htmlEscape(g.mechanism) + "</h2>\n<p class=\"summary\">" +
           htmlEscape(groupSummary(g)) + "</p>\n<table>\n<thead><tr>";
    for (const std::string& c : columns) out += "<th>" + htmlEscape(c) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const CmocTableRow& r : g.rows) {
      out += r.failsRule ? "<tr class=\"fails\">" : "<tr>";
      const auto cells = cmocTableCells(table, g, r, false);
      for (std::size_t i = 0; i < cells.size(); ++i)
        out += (isCount(columns[i]) ? "<td class=\"n\">" : "<td>") + htmlEscape(cells[i]) + "</td>";
      out += "<td><ul class=\"quotes\">";
      for (const CmocQuote& q : r.quotes)
        out += "<li>\u201C" + htmlEscape(q.text) + "\u201D <span class=\"attribution\">(" +
               htmlEscape(q.attribution) + ")</span></li>";
      out += "</ul></td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  return out + "</body>\n</html>\n";
}

}  // namespace cmoc

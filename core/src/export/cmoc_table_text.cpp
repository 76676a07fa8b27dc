// The CMOC table as CSV and as Markdown: the two plain-text layouts.
#include "cmoc/cmoc_table_export.h"
#include "cmoc/escape.h"

namespace cmoc {

std::string cmocTableCsv(const CmocTable& table) {
  std::string out;
  const auto columns = cmocTableColumns(true);
  for (std::size_t i = 0; i < columns.size(); ++i) out += (i ? "," : "") + csvField(columns[i]);
  out += "\n";
  for (const CmocTableGroup& g : table.groups)
    for (const CmocTableRow& r : g.rows) {
      for (const std::string& cell : cmocTableCells(table, g, r, true)) out += csvField(cell) + ",";
      out += csvField(quoteLines(r)) + "\n";
    }
  return out;
}

std::string cmocTableMarkdown(const CmocTable& table) {
  std::string out = "# CMOCs by mechanism\n\n";
  out += "Multiple-sources rule: a CMOC needs " + std::to_string(table.threshold) +
         " distinct sources.";
  if (table.pseudonymised) out += " Names are replaced by participant codes.";
  out += "\n";
  const auto columns = cmocTableColumns(false);
  for (const CmocTableGroup& g : table.groups) {
    out += "\n## " + markdownCell(g.mechanism) + "\n\n" + markdownCell(groupSummary(g)) + "\n\n|";
    for (const std::string& c : columns) out += " " + c + " |";
    out += "\n|";
    for (std::size_t i = 0; i < columns.size(); ++i) out += " --- |";
    out += "\n";
    for (const CmocTableRow& r : g.rows) {
      out += "|";
      for (const std::string& cell : cmocTableCells(table, g, r, false))
        out += " " + markdownCell(cell) + " |";
      out += " " + markdownCell(quoteLines(r)) + " |\n";
    }
  }
  return out;
}

}  // namespace cmoc

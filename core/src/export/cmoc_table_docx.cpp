// The CMOC table as a Word document: a real table per mechanism (header row repeated on each
// page, rows not split across pages) under a heading, in landscape A4 (export/docx_document.h).
#include "cmoc/cmoc_table_export.h"
#include "export/docx_document.h"

namespace cmoc {

namespace {

int columnWidth(const std::string& column) {
  if (column == "context" || column == "outcome") return 1700;
  if (column == "multiple sources") return 1200;
  if (column == "participants") return 1000;
  if (column == "status") return 900;
  if (column == "excerpts" || column == "sources") return 800;
  if (column == kQuotesColumn) return 0;  // the rest of the page
  return 600;                             // CMOC, prior
}

}  // namespace

void writeCmocTableDocx(const CmocTable& table, const std::filesystem::path& file,
                        std::string_view title) {
  exporting::DocxDocument doc;
  doc.paragraph(title, "Title");
  doc.paragraph("Multiple-sources rule: a CMOC needs " + std::to_string(table.threshold) +
                " distinct sources." +
                (table.pseudonymised ? " Names are replaced by participant codes." : ""));
  const auto columns = cmocTableColumns(false);
  std::vector<int> widths;
  for (const std::string& c : columns) widths.push_back(columnWidth(c));
  for (const CmocTableGroup& g : table.groups) {
    doc.paragraph(g.mechanism, "Heading1");
    doc.paragraph(groupSummary(g));
    std::vector<std::vector<std::string>> rows;
    for (const CmocTableRow& r : g.rows) {
      auto& cells = rows.emplace_back(cmocTableCells(table, g, r, false));
      cells.push_back(quoteLines(r));
    }
    doc.table(columns, rows, widths);
  }
  doc.save(file);
}

}  // namespace cmoc

// A grouped report as a Word document: the title, the intro, then a heading and a table per
// section, the columns sharing the page equally.
#include "cmoc/grouped_report.h"
#include "export/docx_document.h"

namespace cmoc {

void writeGroupedReportDocx(const GroupedReport& r, const std::filesystem::path& file) {
  exporting::DocxDocument doc;
  doc.paragraph(r.title, "Title");
  for (const std::string& p : r.intro) doc.paragraph(p);
  if (r.sections.empty() && !r.none.empty()) doc.paragraph(r.none);
  for (const ReportSection& s : r.sections) {
    doc.paragraph(s.heading, "Heading1");
    if (!s.summary.empty()) doc.paragraph(s.summary);
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : s.table.rows) {
      auto& cells = rows.emplace_back();
      for (std::size_t c = 0; c < s.table.columns.size(); ++c)
        cells.push_back(c < row.size() ? cellText(row[c]) : "");
    }
    doc.table(s.table.columns, rows, std::vector<int>(s.table.columns.size(), 0));
  }
  doc.save(file);
}

}  // namespace cmoc

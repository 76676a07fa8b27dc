#pragma once
// A report of tables under headings (one section per mechanism, say), as the files researchers
// paste into a paper: Markdown, a self-contained HTML page, or a Word document. The theory
// diff and the contradictions report are laid out this way; each writes its data once as a
// GroupedReport and gets every format.
#include <filesystem>
#include <string>
#include <vector>

#include "cmoc/report_table.h"

namespace cmoc {

struct ReportSection {
  std::string heading;
  std::string summary;  // a line under the heading, may be empty
  ReportTable table;
};

struct GroupedReport {
  std::string title;
  std::vector<std::string> intro;  // paragraphs under the title
  std::vector<ReportSection> sections;
  std::string none;  // said instead of sections when there are none ("No changes.")
};

std::string groupedReportMarkdown(const GroupedReport& report);
std::string groupedReportHtml(const GroupedReport& report);
// Written atomically; throws Error ("cannot write FILE: ...") when it cannot be.
void writeGroupedReportDocx(const GroupedReport& report, const std::filesystem::path& file);

}  // namespace cmoc

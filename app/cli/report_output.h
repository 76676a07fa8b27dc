#pragma once
// Output of the commands whose data is also a report (theory diff, contradictions): the flat
// table as table, CSV or JSON on stdout, or the grouped report as Markdown or HTML (stdout, or
// --out FILE) or a Word document (--out FILE only: a zip has no place on a terminal).
#include <optional>
#include <string>
#include <vector>

#include "cmoc/grouped_report.h"
#include "cmoc/report_table.h"

namespace cmoc::cli {

struct ReportOutput {
  std::string format;                // --format's value
  std::optional<std::string> out;    // --out's value
  std::vector<std::string> formats;  // those the command offers, for the error message
};

// Throws UsageError for a format the command does not offer, --out with table/csv/json, and
// docx without --out. `what` names the report in the line saying where it was written.
void writeReport(const ReportOutput& output, const ReportTable& flat, const GroupedReport& grouped,
                 const std::string& what);

}  // namespace cmoc::cli

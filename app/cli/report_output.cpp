#include "report_output.h"

#include <algorithm>
#include <iostream>

#include "cmoc/atomic_file.h"
#include "cmoc/error.h"
#include "output.h"

namespace cmoc::cli {

namespace {

std::string choices(const std::vector<std::string>& formats) {
  std::string out;
  for (std::size_t i = 0; i < formats.size(); ++i)
    out += (i == 0 ? "" : i + 1 == formats.size() ? " or " : ", ") + formats[i];
  return out;
}

}  // namespace

void writeReport(const ReportOutput& o, const ReportTable& flat, const GroupedReport& grouped,
                 const std::string& what) {
  const std::string& f = o.format;
  if (std::find(o.formats.begin(), o.formats.end(), f) == o.formats.end())
    throw UsageError("unknown format '" + f + "' (" + choices(o.formats) + ")");
  if (f == "table" || f == "csv" || f == "json") {
    if (o.out)
      throw UsageError("--out is for the md, html and docx reports; " + f +
                       " goes to standard output");
    write(std::cout, flat, parseFormat(f));
    return;
  }
  if (f == "docx" && !o.out) throw UsageError("--format docx needs --out FILE.docx");
  if (!o.out) {
    std::cout << (f == "md" ? groupedReportMarkdown(grouped) : groupedReportHtml(grouped));
    return;
  }
  if (f == "docx")
    writeGroupedReportDocx(grouped, *o.out);
  else
    writeAtomically(*o.out,
                    f == "md" ? groupedReportMarkdown(grouped) : groupedReportHtml(grouped));
  std::cout << "Wrote " << what << " to " << *o.out << "\n";
}

}  // namespace cmoc::cli

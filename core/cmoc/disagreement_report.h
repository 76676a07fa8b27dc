#pragma once
// The list of disagreements between coders (adjudication.h) as files for a coding meeting: a
// self-contained HTML page (green where a coder applied the code, red where not) or CSV. The
// CLI prints the same (`cmoc disagreements --format html|csv|json`); the desktop program saves
// them from File > Export.
#include <filesystem>
#include <string>
#include <vector>

#include "cmoc/adjudication.h"
#include "cmoc/report_table.h"

namespace cmoc {

// One row per disagreement: id, source id and name, unit, start, end, code, who applied it and
// who did not, each coder's codes there, and the text.
ReportTable disagreementTable(const std::vector<std::string>& coders, const std::vector<Disagreement>& list);

std::string disagreementsHtml(const std::vector<std::string>& coders, const std::vector<Disagreement>& list);
std::string disagreementsCsv(const std::vector<std::string>& coders, const std::vector<Disagreement>& list);

// By extension (.html, .htm or .csv, any case), written atomically. Throws UsageError naming
// the formats for any other extension, Error when the file cannot be written.
void writeDisagreements(const std::vector<std::string>& coders, const std::vector<Disagreement>& list,
                        const std::filesystem::path& file);

}  // namespace cmoc

#pragma once
// The inter-coder agreement report (agreement.h) laid out as tables, and written as the files a
// methods section takes: a Markdown table with the methods sentence, a self-contained HTML page,
// or CSV. The CLI prints the same tables (`cmoc agree --format ...`); the desktop program saves
// the files from File > Export.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cmoc/agreement.h"
#include "cmoc/report_table.h"

namespace cmoc {

// People read formatted coefficients ("0.712", "93.4%", "n/a") with counts split per coder;
// data keeps numbers as numbers, empty where undefined, with the reasons in a notes column.
enum class AgreementLayout { People, Data };

struct AgreementTables {
  ReportTable main;   // one row per code, then the overall row
  ReportTable pairs;  // with three or more coders: every pair per code (empty for two)
  std::vector<std::string> notes;  // People only: "code: Cohen's kappa n/a: reason"
};

AgreementTables agreementTables(const AgreementReport& report, AgreementLayout layout);
// "S3: coded only by AJ (left out)" per partially coded source, and the count coded by none.
std::vector<std::string> agreementSourceLines(const AgreementReport& report);

std::string agreementMarkdown(const AgreementReport& report);
std::string agreementHtml(const AgreementReport& report);
// The data layout's rows, then each pair as a row of the same columns (coders "A,B").
std::string agreementCsv(const AgreementReport& report);

enum class AgreementReportFormat { Csv, Markdown, Html };
// By the file's extension, any case: .csv .md (.markdown) .html (.htm); nullopt for others.
std::optional<AgreementReportFormat> agreementReportFormatOf(const std::filesystem::path& file);
// By extension, written atomically. Throws UsageError naming the formats for any other
// extension, Error when the file cannot be written.
void writeAgreementReport(const AgreementReport& report, const std::filesystem::path& file);

}  // namespace cmoc

#pragma once
// Writing a CMOC table (cmoc_table.h) as a file researchers paste into a report: CSV, Markdown,
// a self-contained printable HTML page, an Excel workbook or a Word document; and the CMOCs as
// if-then-because statements in Markdown. One writer per format (src/export/); each file is
// written atomically (atomic_file.h).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cmoc/cmoc_table.h"

namespace cmoc {

enum class CmocTableFormat { Csv, Markdown, Html, Xlsx, Docx };

// By the file's extension, any case: .csv .md .html (.htm) .xlsx .docx; nullopt for others.
std::optional<CmocTableFormat> cmocTableFormatOf(const std::filesystem::path& file);

// The columns every format shows, the quotes last. Grouped formats (Markdown, HTML, Word) put
// the mechanism in a heading instead of a column.
std::vector<std::string> cmocTableColumns(bool withMechanism);
// One row's cells in those columns, without the quotes (each format lays quotes out itself).
std::vector<std::string> cmocTableCells(const CmocTable& table, const CmocTableGroup& group,
                                        const CmocTableRow& row, bool withMechanism);
inline constexpr std::string_view kQuotesColumn = "quotes";

std::string cmocTableCsv(const CmocTable& table);       // one row per CMOC, quotes one per line
std::string cmocTableMarkdown(const CmocTable& table);  // a heading and a table per mechanism
std::string cmocTableHtml(const CmocTable& table, std::string_view title);
void writeCmocTableXlsx(const CmocTable& table, const std::filesystem::path& file);
void writeCmocTableDocx(const CmocTable& table, const std::filesystem::path& file,
                        std::string_view title);
// By extension; throws UsageError naming the formats for any other extension, Error when the
// file cannot be written ("cannot write FILE: reason").
void writeCmocTable(const CmocTable& table, const std::filesystem::path& file,
                    std::string_view title = "CMOCs by mechanism");

// Per mechanism, each CMOC as "If <context>, then <outcome>, because <mechanism>" with its
// status, support and quotes.
std::string statementsMarkdown(const CmocTable& table, std::string_view title = "If-then-because statements");

}  // namespace cmoc

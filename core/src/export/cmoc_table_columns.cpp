// The column layout shared by every CMOC table format, and choosing a format by extension.
#include "cmoc/atomic_file.h"
#include "cmoc/cmoc_table_export.h"
#include "cmoc/error.h"
#include "file_extension.h"

namespace cmoc {

std::optional<CmocTableFormat> cmocTableFormatOf(const std::filesystem::path& file) {
  const std::string ext = lowerExtension(file);
  if (ext == ".csv") return CmocTableFormat::Csv;
  if (ext == ".md" || ext == ".markdown") return CmocTableFormat::Markdown;
  if (ext == ".html" || ext == ".htm") return CmocTableFormat::Html;
  if (ext == ".xlsx") return CmocTableFormat::Xlsx;
  if (ext == ".docx") return CmocTableFormat::Docx;
  return std::nullopt;
}

std::vector<std::string> cmocTableColumns(bool withMechanism) {
  std::vector<std::string> c;
  if (withMechanism) c.push_back("mechanism");
  for (const char* name : {"CMOC", "context", "outcome", "status", "prior", "excerpts", "sources",
                           "participants", "multiple sources"})
    c.push_back(name);
  c.emplace_back(kQuotesColumn);
  return c;
}

std::vector<std::string> cmocTableCells(const CmocTable& table, const CmocTableGroup& group,
                                        const CmocTableRow& row, bool withMechanism) {
  std::vector<std::string> c;
  if (withMechanism) c.push_back(group.mechanism);
  c.push_back(std::to_string(row.id));
  c.push_back(row.context);
  c.push_back(row.outcome);
  c.emplace_back(toString(row.status));
  c.push_back(row.priorId ? std::to_string(*row.priorId) : "");
  c.push_back(std::to_string(row.excerpts));
  c.push_back(std::to_string(row.sources));
  c.push_back(std::to_string(row.participants));
  c.push_back(ruleCell(row, table.threshold));
  return c;
}

void writeCmocTable(const CmocTable& table, const std::filesystem::path& file,
                    std::string_view title) {
  const auto format = cmocTableFormatOf(file);
  if (!format)
    throw UsageError(file.string() +
                     ": a CMOC table is written as .csv, .md, .html, .xlsx or .docx");
  switch (*format) {
    case CmocTableFormat::Csv: return writeAtomically(file, cmocTableCsv(table));
    case CmocTableFormat::Markdown: return writeAtomically(file, cmocTableMarkdown(table));
    case CmocTableFormat::Html: return writeAtomically(file, cmocTableHtml(table, title));
    case CmocTableFormat::Xlsx: return writeCmocTableXlsx(table, file);
    case CmocTableFormat::Docx: return writeCmocTableDocx(table, file, title);
  }
}

}  // namespace cmoc

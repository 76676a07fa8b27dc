#pragma once
// RFC 4180 CSV reading (quoted fields, doubled quotes, embedded newlines, CRLF, UTF-8 BOM).
#include <cstdint>
#include <string>
#include <vector>

namespace cmoc::importers {

struct CsvRow {
  int line = 0;  // 1-based line where the row starts
  std::vector<std::string> fields;
};

// Parses UTF-8 CSV text; blank lines are skipped. Throws InputError naming the line of an
// unterminated quote or a stray quote inside an unquoted field.
std::vector<CsvRow> parseCsv(const std::string& text, const std::string& fileName);

// A CSV with a header row, columns looked up by (case-insensitive, trimmed) name.
class CsvTable {
 public:
  CsvTable(const std::string& text, const std::string& fileName);
  const std::vector<std::string>& header() const { return header_; }
  const std::vector<CsvRow>& rows() const { return rows_; }
  int column(const std::string& name) const;  // -1 when absent
  std::string cell(const CsvRow& row, int column) const;  // trimmed; "" when absent

 private:
  std::vector<std::string> header_;
  std::vector<CsvRow> rows_;
};

// A column the sheet must have; throws InputError(file, "line 1", "no 'NAME' column").
int requireColumn(const CsvTable& table, const std::string& name, const std::string& fileName);
// The cell as a whole number; throws InputError naming the row's line and `what`.
std::int64_t wholeNumber(const CsvTable& table, const CsvRow& row, int column,
                         const std::string& what, const std::string& fileName);

}  // namespace cmoc::importers

#pragma once
// RFC 4180 CSV reading (quoted fields, doubled quotes, embedded newlines, CRLF, UTF-8 BOM).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cmoc::importers {

struct CsvRow {
  int line = 0;  // 1-based line where the row starts
  std::vector<std::string> fields;
};

// Reads UTF-8 CSV text row by row, so a sheet of a million rows need not be held as a list of
// rows; blank lines are skipped. next() throws InputError naming the line of an unterminated
// quote, a stray quote inside an unquoted field, or text after a closing quote. `text` must
// outlive the reader.
class CsvReader {
 public:
  CsvReader(std::string_view text, std::string fileName);
  bool next(CsvRow& row);  // false after the last row

 private:
  std::string_view s_;
  std::string fileName_;
  std::size_t i_ = 0;
  int line_ = 1;
};

// Every row of `text` (CsvReader's rules).
std::vector<CsvRow> parseCsv(const std::string& text, const std::string& fileName);

// A header row's columns, looked up by (case-insensitive, trimmed) name.
class CsvHeader {
 public:
  CsvHeader() = default;
  explicit CsvHeader(const CsvRow& row);
  const std::vector<std::string>& names() const { return names_; }
  int column(const std::string& name) const;              // -1 when absent
  std::string cell(const CsvRow& row, int column) const;  // trimmed; "" when absent

 private:
  std::vector<std::string> names_;
};

// A CSV with a header row read row by row: "no header row" when there is none, and a row wider
// than the header is refused with its line.
class CsvStream {
 public:
  CsvStream(std::string_view text, const std::string& fileName);
  const CsvHeader& header() const { return header_; }
  bool next(CsvRow& row);

 private:
  CsvReader reader_;
  std::string fileName_;
  CsvHeader header_;
};

// A CSV with a header row, all rows read.
class CsvTable {
 public:
  CsvTable(const std::string& text, const std::string& fileName);
  const std::vector<std::string>& header() const { return header_.names(); }
  const std::vector<CsvRow>& rows() const { return rows_; }
  int column(const std::string& name) const { return header_.column(name); }
  std::string cell(const CsvRow& row, int column) const { return header_.cell(row, column); }

 private:
  CsvHeader header_;
  std::vector<CsvRow> rows_;
};

// A column the sheet must have; throws InputError(file, "line 1", "no 'NAME' column").
int requireColumn(const CsvTable& table, const std::string& name, const std::string& fileName);
// The cell as a whole number; throws InputError naming the row's line and `what`.
std::int64_t wholeNumber(const CsvTable& table, const CsvRow& row, int column,
                         const std::string& what, const std::string& fileName);

}  // namespace cmoc::importers

#pragma once
// Data output in the three formats every data command offers (DESIGN.md decision 7):
// an aligned text table, RFC 4180 CSV, or JSON (an array of objects).
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "cmoc/escape.h"
#include "cmoc/report_table.h"

namespace cmoc::cli {

enum class Format { Table, Csv, Json };
Format parseFormat(const std::string& name);  // throws UsageError

// Core's report table: the agreement report and the CLI's tables are the same data.
using Cell = cmoc::Cell;
using Table = cmoc::ReportTable;
Cell cell(const std::optional<std::int64_t>& v);

void write(std::ostream& out, const Table& table, Format format);

// Rows written as they come, so a long listing needs no memory for all of its rows: CSV and
// JSON (an array of objects, the bytes write() gives) at once. An aligned table needs every
// column's width first, so it keeps its rows until finish().
class RowStream {
 public:
  RowStream(std::ostream& out, std::vector<std::string> columns, Format format);
  void add(std::vector<Cell> row);
  void finish();  // ends the JSON array, or writes the table

 private:
  std::ostream& out_;
  Table table_;
  Format format_;
  std::size_t rows_ = 0;
};

// JSON building blocks for outputs that nest (an object with named arrays).
std::string jsonCell(const Cell& c);
std::string jsonObjects(const Table& table);  // the table as an array of objects

// Items with a separator between them: a list inside one cell or line ("a, b").
using cmoc::joined;  // core's, from report_table.h

// Display width of UTF-8 text in terminal columns (wide CJK counts 2).
std::size_t displayWidth(std::string_view s);

}  // namespace cmoc::cli

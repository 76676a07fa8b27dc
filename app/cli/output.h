#pragma once
// Data output in the three formats every data command offers (DESIGN.md decision 7):
// an aligned text table, RFC 4180 CSV, or JSON (an array of objects).
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

namespace cmoc::cli {

enum class Format { Table, Csv, Json };
Format parseFormat(const std::string& name);  // throws UsageError

using Cell = std::variant<std::monostate, std::string, std::int64_t, double, bool>;
Cell cell(const std::optional<std::int64_t>& v);

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  void add(std::vector<Cell> row) { rows.push_back(std::move(row)); }
};

void write(std::ostream& out, const Table& table, Format format);

// JSON building blocks for outputs that nest (an object with named arrays).
std::string jsonString(std::string_view s);
std::string jsonCell(const Cell& c);
std::string jsonObjects(const Table& table);  // the table as an array of objects

// Items with a separator between them: a list inside one cell or line ("a, b").
std::string joined(const std::vector<std::string>& items, std::string_view separator);

// Display width of UTF-8 text in terminal columns (wide CJK counts 2).
std::size_t displayWidth(std::string_view s);

}  // namespace cmoc::cli

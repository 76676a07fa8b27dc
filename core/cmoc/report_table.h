#pragma once
// A table of typed cells, as reports lay out their data before a writer formats it: the CLI's
// text, CSV and JSON output and core's report files (the agreement report) share it, so a number
// stays a number in CSV and JSON and is formatted once for people.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cmoc {

using Cell = std::variant<std::monostate, std::string, std::int64_t, double, bool>;

struct ReportTable {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  void add(std::vector<Cell> row) { rows.push_back(std::move(row)); }
};

// Items with a separator between them: a list inside one cell or line ("AJ, RB").
std::string joined(const std::vector<std::string>& items, std::string_view separator);

// A cell as text: empty for no value, "yes"/"no", doubles to three decimals.
std::string cellText(const Cell& c);
bool isNumeric(const Cell& c);

// RFC 4180 CSV: a header line, then one line per row (missing cells empty).
std::string tableCsv(const ReportTable& table);

}  // namespace cmoc

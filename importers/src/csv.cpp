#include "csv.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "cmoc/error.h"

namespace cmoc::importers {

std::vector<CsvRow> parseCsv(const std::string& input, const std::string& fileName) {
  std::string_view s(input);
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  int line = 1;
  row.line = 1;
  bool quoted = false, wasQuoted = false, any = false;
  auto endField = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    wasQuoted = false;
  };
  auto endRow = [&] {
    endField();
    const bool blank = row.fields.size() == 1 && row.fields[0].empty() && !any;
    if (!blank) rows.push_back(std::move(row));
    row = CsvRow{};
    row.line = line;
    any = false;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    switch (c) {
      case '"':
        if (!field.empty() || wasQuoted)
          throw InputError(fileName, "line " + std::to_string(line), "stray quote inside a field");
        quoted = wasQuoted = any = true;
        break;
      case ',':
        endField();
        any = true;
        break;
      case '\r':
        if (i + 1 < s.size() && s[i + 1] == '\n') break;
        [[fallthrough]];
      case '\n':
        ++line;
        endRow();
        break;
      default:
        if (wasQuoted && c != ' ' && c != '\t')
          throw InputError(fileName, "line " + std::to_string(line), "text after a closing quote");
        if (!wasQuoted) field.push_back(c);
        any = true;
    }
  }
  if (quoted) throw InputError(fileName, "line " + std::to_string(row.line), "unterminated quoted field");
  if (any || !field.empty()) endRow();
  return rows;
}

namespace {
std::string trim(std::string_view v) {
  std::size_t b = v.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  std::size_t e = v.find_last_not_of(" \t");
  return std::string(v.substr(b, e - b + 1));
}
std::string lower(std::string v) {
  std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
  return v;
}
}  // namespace

CsvTable::CsvTable(const std::string& text, const std::string& fileName) {
  rows_ = parseCsv(text, fileName);
  if (rows_.empty()) throw InputError(fileName, "line 1", "no header row");
  for (const std::string& h : rows_.front().fields) header_.push_back(lower(trim(h)));
  rows_.erase(rows_.begin());
  for (const CsvRow& r : rows_)
    if (r.fields.size() > header_.size())
      throw InputError(fileName, "line " + std::to_string(r.line),
                       std::to_string(r.fields.size()) + " fields, but the header has " +
                           std::to_string(header_.size()));
}

int CsvTable::column(const std::string& name) const {
  auto it = std::find(header_.begin(), header_.end(), lower(name));
  return it == header_.end() ? -1 : static_cast<int>(it - header_.begin());
}

std::string CsvTable::cell(const CsvRow& row, int column) const {
  if (column < 0 || static_cast<std::size_t>(column) >= row.fields.size()) return {};
  return trim(row.fields[static_cast<std::size_t>(column)]);
}

std::int64_t wholeNumber(const CsvTable& table, const CsvRow& row, int column,
                         const std::string& what, const std::string& fileName) {
  const std::string value = table.cell(row, column);
  const std::string where = "line " + std::to_string(row.line);
  if (value.empty()) throw InputError(fileName, where, "empty " + what);
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc() || end != value.data() + value.size())
    throw InputError(fileName, where, what + " '" + value + "' is not a whole number");
  return n;
}

int requireColumn(const CsvTable& table, const std::string& name, const std::string& fileName) {
  const int c = table.column(name);
  if (c < 0) throw InputError(fileName, "line 1", "no '" + name + "' column");
  return c;
}

}  // namespace cmoc::importers

#include "csv.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "cmoc/error.h"

namespace cmoc::importers {

CsvReader::CsvReader(std::string_view text, std::string fileName)
    : s_(text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text),
      fileName_(std::move(fileName)) {}

bool CsvReader::next(CsvRow& row) {
  while (true) {
    row = CsvRow{};
    row.line = line_;
    std::string field;
    bool quoted = false, wasQuoted = false, any = false, ended = false;
    auto endField = [&] {
      row.fields.push_back(std::move(field));
      field.clear();
      wasQuoted = false;
    };
    for (; i_ < s_.size() && !ended; ++i_) {
      const char c = s_[i_];
      if (quoted) {
        if (c == '"') {
          if (i_ + 1 < s_.size() && s_[i_ + 1] == '"') {
            field.push_back('"');
            ++i_;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') ++line_;
          field.push_back(c);
        }
        continue;
      }
      switch (c) {
        case '"':
          if (!field.empty() || wasQuoted)
            throw InputError(fileName_, "line " + std::to_string(line_),
                             "stray quote inside a field");
          quoted = wasQuoted = any = true;
          break;
        case ',':
          endField();
          any = true;
          break;
        case '\r':
          if (i_ + 1 < s_.size() && s_[i_ + 1] == '\n') break;
          [[fallthrough]];
        case '\n':
          ++line_;
          ended = true;
          break;
        default:
          if (wasQuoted && c != ' ' && c != '\t')
            throw InputError(fileName_, "line " + std::to_string(line_),
                             "text after a closing quote");
          if (!wasQuoted) field.push_back(c);
          any = true;
      }
    }
    if (!ended) {  // the end of the text
      if (quoted)
        throw InputError(fileName_, "line " + std::to_string(row.line),
                         "unterminated quoted field");
      if (!any && field.empty()) return false;
      endField();
      return true;
    }
    endField();
    const bool blank = row.fields.size() == 1 && row.fields[0].empty() && !any;
    if (!blank) return true;
  }
}

std::vector<CsvRow> parseCsv(const std::string& input, const std::string& fileName) {
  CsvReader reader(input, fileName);
  std::vector<CsvRow> rows;
  for (CsvRow row; reader.next(row);) rows.push_back(std::move(row));
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

CsvHeader::CsvHeader(const CsvRow& row) {
  for (const std::string& h : row.fields) names_.push_back(lower(trim(h)));
}

int CsvHeader::column(const std::string& name) const {
  auto it = std::find(names_.begin(), names_.end(), lower(name));
  return it == names_.end() ? -1 : static_cast<int>(it - names_.begin());
}

std::string CsvHeader::cell(const CsvRow& row, int column) const {
  if (column < 0 || static_cast<std::size_t>(column) >= row.fields.size()) return {};
  return trim(row.fields[static_cast<std::size_t>(column)]);
}

CsvStream::CsvStream(std::string_view text, const std::string& fileName)
    : reader_(text, fileName), fileName_(fileName) {
  CsvRow first;
  if (!reader_.next(first)) throw InputError(fileName, "line 1", "no header row");
  header_ = CsvHeader(first);
}

bool CsvStream::next(CsvRow& row) {
  if (!reader_.next(row)) return false;
  if (row.fields.size() > header_.names().size())
    throw InputError(fileName_, "line " + std::to_string(row.line),
                     std::to_string(row.fields.size()) + " fields, but the header has " +
                         std::to_string(header_.names().size()));
  return true;
}

CsvTable::CsvTable(const std::string& text, const std::string& fileName) {
  CsvStream stream(text, fileName);
  header_ = stream.header();
  for (CsvRow row; stream.next(row);) rows_.push_back(std::move(row));
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

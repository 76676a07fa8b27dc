#include "output.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdio>

#include "cmoc/error.h"
#include "cmoc/escape.h"

namespace cmoc::cli {

Format parseFormat(const std::string& name) {
  if (name == "table") return Format::Table;
  if (name == "csv") return Format::Csv;
  if (name == "json") return Format::Json;
  throw UsageError("unknown format '" + name + "' (table, csv or json)");
}

Cell cell(const std::optional<std::int64_t>& v) { return v ? Cell(*v) : Cell(); }

std::size_t displayWidth(std::string_view s) {
  std::size_t w = 0;
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c < 0) {
      ++w;
      continue;
    }
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    w += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return w;
}

std::string jsonCell(const Cell& c) {
  if (std::holds_alternative<std::monostate>(c)) return "null";
  if (auto* b = std::get_if<bool>(&c)) return *b ? "true" : "false";
  if (auto* s = std::get_if<std::string>(&c)) return jsonString(*s);
  if (auto* d = std::get_if<double>(&c)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", *d);
    return buf;
  }
  return std::to_string(std::get<std::int64_t>(c));
}

std::string jsonObjects(const Table& table) {
  std::string out = "[";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    out += r ? ",\n  {" : "\n  {";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      if (c) out += ", ";
      out += jsonString(table.columns[c]) + ": " +
             jsonCell(c < table.rows[r].size() ? table.rows[r][c] : Cell());
    }
    out += "}";
  }
  return out + (table.rows.empty() ? "]" : "\n]");
}

void write(std::ostream& out, const Table& table, Format format) {
  if (format == Format::Json) {
    out << jsonObjects(table) << "\n";
    return;
  }
  if (format == Format::Csv) {
    out << tableCsv(table);
    return;
  }
  std::vector<std::size_t> width(table.columns.size());
  for (std::size_t c = 0; c < table.columns.size(); ++c) width[c] = displayWidth(table.columns[c]);
  for (const auto& row : table.rows)
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c)
      width[c] = std::max(width[c], displayWidth(cellText(row[c])));
  auto line = [&](const std::vector<std::string>& cells, const std::vector<bool>& right) {
    std::string s;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::size_t pad = width[c] - displayWidth(cells[c]);
      const bool last = c + 1 == cells.size();
      if (right[c])
        s += std::string(pad, ' ') + cells[c];
      else
        s += cells[c] + (last ? "" : std::string(pad, ' '));
      if (!last) s += "  ";
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out << s << "\n";
  };
  line(table.columns, std::vector<bool>(table.columns.size(), false));
  for (const auto& row : table.rows) {
    std::vector<std::string> cells;
    std::vector<bool> right;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const Cell& v = c < row.size() ? row[c] : Cell();
      std::string t = cellText(v);
      for (char& ch : t)
        if (ch == '\n' || ch == '\t') ch = ' ';
      cells.push_back(std::move(t));
      right.push_back(isNumeric(v));
    }
    line(cells, right);
  }
}

RowStream::RowStream(std::ostream& out, std::vector<std::string> columns, Format format)
    : out_(out), table_{std::move(columns), {}}, format_(format) {
  if (format_ == Format::Csv) out_ << tableCsv(table_);  // the header line
}

void RowStream::add(std::vector<Cell> row) {
  if (format_ == Format::Table) {
    table_.add(std::move(row));
    return;
  }
  std::string line;
  if (format_ == Format::Json) {
    line = rows_ ? ",\n  {" : "[\n  {";
    for (std::size_t c = 0; c < table_.columns.size(); ++c)
      line += (c ? ", " : "") + jsonString(table_.columns[c]) + ": " +
              jsonCell(c < row.size() ? row[c] : Cell());
    line += "}";
  } else {
    for (std::size_t c = 0; c < table_.columns.size(); ++c)
      line += (c ? "," : "") + csvField(c < row.size() ? cellText(row[c]) : "");
    line += "\n";
  }
  out_ << line;
  ++rows_;
}

void RowStream::finish() {
  if (format_ == Format::Table) write(out_, table_, format_);
  if (format_ == Format::Json) out_ << (rows_ ? "\n]\n" : "[]\n");  // as write() ends it
}

}  // namespace cmoc::cli

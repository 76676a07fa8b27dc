#include "cmoc/importers/codings_csv.h"

#include "bytes.h"
#include "cmoc/error.h"
#include "csv.h"
#include "encoding.h"

namespace cmoc::importers {

std::vector<CodingRow> parseCodingsCsv(const std::string& text, const std::string& fileName) {
  const CsvTable table(text, fileName);
  const int source = requireColumn(table, "source", fileName);
  const int turn = table.column("turn");
  const bool byTurn = turn >= 0;
  if (byTurn && (table.column("start") >= 0 || table.column("end") >= 0))
    throw InputError(fileName, "line 1",
                     "the header has both 'turn' and 'start'/'end' columns; use one or the other");
  if (!byTurn && table.column("start") < 0 && table.column("end") < 0)
    throw InputError(fileName, "line 1", "no 'start' and 'end' columns (or a 'turn' column)");
  const int start = byTurn ? -1 : requireColumn(table, "start", fileName);
  const int end = byTurn ? -1 : requireColumn(table, "end", fileName);
  const int code = requireColumn(table, "code", fileName);
  const int coder = table.column("coder");
  const int memo = table.column("memo");

  std::vector<CodingRow> rows;
  rows.reserve(table.rows().size());
  for (const CsvRow& r : table.rows()) {
    CodingRow row;
    row.line = r.line;
    const std::string where = "line " + std::to_string(r.line);
    row.source = table.cell(r, source);
    if (row.source.empty()) throw InputError(fileName, where, "empty source");
    if (byTurn) {
      row.turn = wholeNumber(table, r, turn, "turn", fileName);
      if (*row.turn < 1)
        throw InputError(
            fileName, where,
            "turn " + std::to_string(*row.turn) + " does not exist: turns are numbered from 1");
    } else {
      row.start = wholeNumber(table, r, start, "start", fileName);
      row.end = wholeNumber(table, r, end, "end", fileName);
    }
    row.code = table.cell(r, code);
    if (row.code.empty()) throw InputError(fileName, where, "empty code");
    row.coder = table.cell(r, coder);
    // Memos keep their own spacing and line breaks; only cells of identifiers are trimmed.
    if (memo >= 0 && static_cast<std::size_t>(memo) < r.fields.size())
      row.memo = r.fields[static_cast<std::size_t>(memo)];
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<CodingRow> loadCodingsCsv(const std::filesystem::path& file,
                                      const std::string& encoding) {
  const std::string name = displayName(file);
  return parseCodingsCsv(decodeText(readFileBytes(file), name, encoding), name);
}

}  // namespace cmoc::importers

#include "cmoc/importers/cmoc_csv.h"

#include <charconv>

#include "bytes.h"
#include "cmoc/error.h"
#include "csv.h"
#include "encoding.h"

namespace cmoc::importers {

namespace {

std::vector<std::string> splitList(const std::string& s) {
  std::vector<std::string> out;
  std::string item;
  auto flush = [&] {
    const auto b = item.find_first_not_of(" \t\r\n");
    if (b != std::string::npos) out.push_back(item.substr(b, item.find_last_not_of(" \t\r\n") - b + 1));
    item.clear();
  };
  for (char c : s) {
    if (c == ';' || c == '\n') flush();
    else item += c;
  }
  flush();
  return out;
}

bool wholeNumber(std::string_view s, std::int64_t& n) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  return ec == std::errc() && end == s.data() + s.size();
}

EvidenceRef parseEvidence(const std::string& item) {
  const std::size_t colon = item.find(':'), at = item.rfind('@');
  const std::size_t dash = at == std::string::npos ? std::string::npos : item.find('-', at);
  EvidenceRef e;
  if (colon == std::string::npos || at == std::string::npos || at < colon || dash == std::string::npos ||
      !wholeNumber(std::string_view(item).substr(at + 1, dash - at - 1), e.start) ||
      !wholeNumber(std::string_view(item).substr(dash + 1), e.end))
    throw UsageError("evidence '" + item + "' is not SLOT:SOURCE@START-END");
  e.slot = parseSlot(item.substr(0, colon));
  e.source = item.substr(colon + 1, at - colon - 1);
  return e;
}

}  // namespace

std::vector<CmocRow> parseCmocsCsv(const std::string& text, const std::string& fileName) {
  const CsvTable table(text, fileName);
  const int key = requireColumn(table, "key", fileName);
  const int context = requireColumn(table, "context", fileName);
  const int mechanism = requireColumn(table, "mechanism", fileName);
  const int outcome = requireColumn(table, "outcome", fileName);
  const int status = table.column("status"), prior = table.column("prior");
  const int memo = table.column("memo"), evidence = table.column("evidence");
  const int feeds = table.column("feeds");
  std::vector<CmocRow> rows;
  for (const CsvRow& r : table.rows()) {
    CmocRow row;
    row.line = r.line;
    try {
      row.key = table.cell(r, key);
      row.context = table.cell(r, context);
      row.mechanism = table.cell(r, mechanism);
      row.outcome = table.cell(r, outcome);
      if (row.key.empty()) throw UsageError("empty key");
      for (const std::string* s : {&row.context, &row.mechanism, &row.outcome})
        if (s->empty()) throw UsageError("a CMOC needs a context, a mechanism and an outcome");
      const std::string st = table.cell(r, status);
      if (!st.empty()) row.status = parseCmocStatus(st);
      row.prior = table.cell(r, prior);
      row.memo = table.cell(r, memo);
      for (const std::string& item : splitList(table.cell(r, evidence)))
        row.evidence.push_back(parseEvidence(item));
      row.feeds = splitList(table.cell(r, feeds));
    } catch (const UsageError& e) {
      throw InputError(fileName, "line " + std::to_string(r.line), e.what());
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<CmocRow> loadCmocsCsv(const std::filesystem::path& file, const std::string& encoding) {
  const std::string name = displayName(file);
  return parseCmocsCsv(decodeText(readFileBytes(file), name, encoding), name);
}

}  // namespace cmoc::importers

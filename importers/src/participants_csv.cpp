#include <map>

#include "bytes.h"
#include "cmoc/error.h"
#include "cmoc/importers/importer.h"
#include "cmoc/text.h"
#include "csv.h"
#include "encoding.h"

namespace cmoc::importers {

namespace {
bool truthy(const std::string& v) {
  const std::string f = text::fold(v);
  return f == "yes" || f == "y" || f == "true" || f == "1" || f == "x";
}

// Rows of one participant code may give more speaker labels (one per file, say) and
// attributes of each interview (an interviewer's phase), but they describe one person: a
// different role, case or name is two people under one code, which the last row would win.
void checkSamePerson(const ParticipantRow& first, const ParticipantRow& again,
                     const std::string& file) {
  auto differ = [&](const std::string& what, const std::string& a, const std::string& b) {
    throw InputError(file, "line " + std::to_string(again.line),
                     "participant '" + again.participant + "' has " + what + " '" + b +
                         "' here but '" + a + "' on line " + std::to_string(first.line));
  };
  for (const auto& [key, value] : again.attributes)
    for (const auto& [k, v] : first.attributes)
      if (k == key && (key == "role" || key == "case" || key == "name") && !v.empty() &&
          !value.empty() && v != value)
        differ(key, v, value);
  if (first.interviewer != again.interviewer)
    differ("interviewer", first.interviewer ? "yes" : "no", again.interviewer ? "yes" : "no");
}
}  // namespace

// The sheet is read row by row: only its rows as participants are held, not the CSV's rows too.
ParticipantSheet loadParticipants(const std::filesystem::path& file, const std::string& encoding) {
  const std::string name = displayName(file);
  const std::string text = decodeText(readFileBytes(file), name, encoding);
  CsvStream csv(text, name);
  const CsvHeader& header = csv.header();
  const int participant = header.column("participant");
  int speaker = header.column("speaker");
  if (speaker < 0) speaker = header.column("name");
  if (participant < 0) throw InputError(name, "line 1", "no 'participant' column");
  if (speaker < 0) throw InputError(name, "line 1", "no 'speaker' or 'name' column");
  const int fileCol = header.column("file");
  const int interviewerCol = header.column("interviewer");
  // The attribute columns: every other column with a name.
  std::vector<int> attributeCols;
  for (std::size_t c = 0; c < header.names().size(); ++c) {
    const int ci = static_cast<int>(c);
    if (ci == participant || ci == speaker || ci == fileCol || ci == interviewerCol) continue;
    if (!header.names()[c].empty()) attributeCols.push_back(ci);
  }
  ParticipantSheet sheet;
  sheet.fileName = name;
  std::map<std::string, std::size_t> firstRowOf;  // participant code -> row
  for (CsvRow r; csv.next(r);) {
    for (std::size_t c = 0; c < header.names().size(); ++c)
      // A trailing comma is harmless; a column of values without a name would become an
      // attribute named "".
      if (header.names()[c].empty() && !header.cell(r, static_cast<int>(c)).empty())
        throw InputError(name, "line 1", "column " + std::to_string(c + 1) + " has no name");
    ParticipantRow row;
    row.line = r.line;
    row.participant = header.cell(r, participant);
    row.speaker = header.cell(r, speaker);
    row.file = header.cell(r, fileCol);
    if (row.participant.empty())
      throw InputError(name, "line " + std::to_string(r.line), "empty participant");
    if (row.speaker.empty())
      throw InputError(name, "line " + std::to_string(r.line), "empty speaker");
    row.attributes.reserve(attributeCols.size());  // growing by doubling held 8 for 5
    for (const int ci : attributeCols) {
      const std::string& key = header.names()[static_cast<std::size_t>(ci)];
      std::string value = header.cell(r, ci);
      if (key == "role" && text::fold(value) == "interviewer") row.interviewer = true;
      // An empty cell sets nothing (applying a sheet skips it), so it is not kept.
      if (!value.empty()) row.attributes.emplace_back(key, std::move(value));
    }
    if (interviewerCol >= 0 && truthy(header.cell(r, interviewerCol))) row.interviewer = true;
    if (auto [it, fresh] = firstRowOf.emplace(row.participant, sheet.rows.size()); !fresh)
      checkSamePerson(sheet.rows[it->second], row, name);
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace cmoc::importers

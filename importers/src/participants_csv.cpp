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
}  // namespace

ParticipantSheet loadParticipants(const std::filesystem::path& file) {
  const std::string name = displayName(file);
  const CsvTable table(decodeText(readFileBytes(file), name, ""), name);
  const int participant = table.column("participant");
  int speaker = table.column("speaker");
  if (speaker < 0) speaker = table.column("name");
  if (participant < 0) throw InputError(name, "line 1", "no 'participant' column");
  if (speaker < 0) throw InputError(name, "line 1", "no 'speaker' or 'name' column");
  const int fileCol = table.column("file");
  const int interviewerCol = table.column("interviewer");
  ParticipantSheet sheet;
  sheet.fileName = name;
  for (const CsvRow& r : table.rows()) {
    ParticipantRow row;
    row.line = r.line;
    row.participant = table.cell(r, participant);
    row.speaker = table.cell(r, speaker);
    row.file = table.cell(r, fileCol);
    if (row.participant.empty())
      throw InputError(name, "line " + std::to_string(r.line), "empty participant");
    if (row.speaker.empty())
      throw InputError(name, "line " + std::to_string(r.line), "empty speaker");
    for (std::size_t c = 0; c < table.header().size(); ++c) {
      const int ci = static_cast<int>(c);
      if (ci == participant || ci == speaker || ci == fileCol || ci == interviewerCol) continue;
      const std::string& key = table.header()[c];
      std::string value = table.cell(r, ci);
      if (key == "role" && text::fold(value) == "interviewer") row.interviewer = true;
      row.attributes.emplace_back(key, std::move(value));
    }
    if (interviewerCol >= 0 && truthy(table.cell(r, interviewerCol))) row.interviewer = true;
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace cmoc::importers

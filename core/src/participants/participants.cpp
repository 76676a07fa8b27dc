#include "participants.h"

#include "backend/sqlite/attribute_rows.h"
#include "backend/sqlite/participant_rows.h"
#include "backend/sqlite/speaker_links.h"
#include "cmoc/error.h"
#include "cmoc/names.h"
#include "cmoc/project.h"
#include "cmoc/text.h"

namespace cmoc::store {

namespace {
std::string labelKey(std::string_view label) {
  std::size_t b = label.find_first_not_of(" \t");
  std::size_t e = label.find_last_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return text::fold(label.substr(b, e - b + 1));
}

const cmoc::ParticipantRow* findRow(const ParticipantSheet& sheet, const std::string& fileName,
                                    const std::string& key) {
  const cmoc::ParticipantRow* general = nullptr;
  for (const cmoc::ParticipantRow& r : sheet.rows) {
    if (labelKey(r.speaker) != key) continue;
    if (r.file == fileName) return &r;
    if (r.file.empty() && !general) general = &r;
  }
  return general;
}

// The gateways mapping a sheet writes through, kept for the whole sheet.
struct SheetWriter {
  explicit SheetWriter(sql::Db& db)
      : cases(db), participants(db), attributes(db, AttributeOwner::Participant), speakers(db) {}
  CaseRows cases;
  ParticipantRows participants;
  AttributeRows attributes;
  SpeakerLinks speakers;

  std::int64_t upsertParticipant(const cmoc::ParticipantRow& row) {
    if (auto tooLong = nameLengthProblem("participant code", row.participant))
      throw UsageError(*tooLong);
    std::string caseName, caseType;
    for (const auto& [k, v] : row.attributes) {
      if (k == "case") caseName = v;
      if (k == "case_type") caseType = v;
    }
    std::optional<std::int64_t> caseId;
    if (!caseName.empty()) caseId = upsertCase(cases, caseName, caseType);
    const std::int64_t id =
        participants.upsert(row.participant, row.interviewer, caseId, newGuid(), nowUtc());
    for (const auto& [k, v] : row.attributes)
      if (!v.empty()) attributes.put(id, k, v);
    return id;
  }

  static std::int64_t upsertCase(CaseRows& cases, const std::string& name,
                                 const std::string& caseType) {
    if (auto tooLong = nameLengthProblem("case", name)) throw UsageError(*tooLong);
    return cases.upsert(name, caseType, newGuid(), nowUtc());
  }
};
}  // namespace

std::int64_t upsertCase(sql::Db& db, const std::string& name, const std::string& caseType) {
  CaseRows cases(db);
  return SheetWriter::upsertCase(cases, name, caseType);
}

bool isInterviewerLabel(std::string_view label) {
  const std::string k = labelKey(label);
  for (const char* l : {"i", "int", "interviewer", "facilitator", "moderator", "q"})
    if (k == l) return true;
  return false;
}

std::vector<std::string> mapSpeakers(sql::Db& db, std::int64_t sourceId,
                                     const std::string& fileName, const ParticipantSheet& sheet,
                                     std::vector<bool>* used) {
  SheetWriter w(db);
  std::vector<std::string> unmapped;
  for (const SpeakerRow& speaker : w.speakers.speakersOf(sourceId)) {
    const cmoc::ParticipantRow* row = findRow(sheet, fileName, labelKey(speaker.label));
    if (!row) {
      unmapped.push_back(speaker.label);
      continue;
    }
    if (used) (*used)[static_cast<std::size_t>(row - sheet.rows.data())] = true;
    const std::int64_t pid = w.upsertParticipant(*row);
    w.speakers.link(speaker.id, pid, row->interviewer || isInterviewerLabel(speaker.label));
  }
  w.speakers.refreshMainParticipant(sourceId);
  return unmapped;
}

void refreshMainParticipant(sql::Db& db, std::int64_t sourceId) {
  SpeakerLinks(db).refreshMainParticipant(sourceId);
}

void setInterviewer(sql::Db& db, std::int64_t participantId, bool interviewer) {
  ParticipantRows(db).setInterviewer(participantId, interviewer);
  SpeakerLinks links(db);
  for (const SpeakerRow& speaker : links.speakersOfParticipant(participantId))
    links.setInterviewer(speaker.id, interviewer || isInterviewerLabel(speaker.label));
  for (std::int64_t s : links.sourcesOf(participantId)) links.refreshMainParticipant(s);
}

}  // namespace cmoc::store

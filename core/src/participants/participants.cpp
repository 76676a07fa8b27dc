#include "participants.h"

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

const ParticipantRow* findRow(const ParticipantSheet& sheet, const std::string& fileName,
                              const std::string& key) {
  const ParticipantRow* general = nullptr;
  for (const ParticipantRow& r : sheet.rows) {
    if (labelKey(r.speaker) != key) continue;
    if (r.file == fileName) return &r;
    if (r.file.empty() && !general) general = &r;
  }
  return general;
}

std::int64_t upsertParticipant(sql::Db& db, const ParticipantRow& row) {
  if (auto tooLong = nameLengthProblem("participant code", row.participant))
    throw UsageError(*tooLong);
  std::string caseName, caseType;
  for (const auto& [k, v] : row.attributes) {
    if (k == "case") caseName = v;
    if (k == "case_type") caseType = v;
  }
  std::optional<std::int64_t> caseId;
  if (!caseName.empty()) caseId = upsertCase(db, caseName, caseType);
  sql::Stmt up(db, R"(
    INSERT INTO participants(guid, code, is_interviewer, case_id, created_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(code) DO UPDATE SET is_interviewer = excluded.is_interviewer,
      case_id = coalesce(excluded.case_id, case_id)
    RETURNING id)");
  up.bind(1, newGuid()).bind(2, row.participant).bind(3, row.interviewer ? 1 : 0);
  up.bind(4, caseId).bind(5, nowUtc());
  up.step();
  const std::int64_t id = up.i64(0);
  up.reset();
  sql::Stmt attr(db,
                 "INSERT OR REPLACE INTO participant_attributes(participant_id, name, value) "
                 "VALUES (?, ?, ?)");
  for (const auto& [k, v] : row.attributes) {
    if (v.empty()) continue;
    attr.bind(1, id).bind(2, k).bind(3, v).run();
  }
  return id;
}
}  // namespace

std::int64_t upsertCase(sql::Db& db, const std::string& name, const std::string& caseType) {
  if (auto tooLong = nameLengthProblem("case", name)) throw UsageError(*tooLong);
  sql::Stmt up(db, R"(
    INSERT INTO cases(guid, name, case_type, created_at) VALUES (?, ?, nullif(?, ''), ?)
    ON CONFLICT(name) DO UPDATE SET case_type = coalesce(nullif(excluded.case_type, ''), case_type)
    RETURNING id)");
  up.bind(1, newGuid()).bind(2, name).bind(3, caseType).bind(4, nowUtc());
  up.step();
  std::int64_t id = up.i64(0);
  up.reset();
  return id;
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
  std::vector<std::pair<std::int64_t, std::string>> speakers;
  {
    sql::Stmt st(db, "SELECT id, label FROM speakers WHERE source_id = ? ORDER BY id");
    st.bind(1, sourceId);
    while (st.step()) speakers.emplace_back(st.i64(0), st.str(1));
  }
  std::vector<std::string> unmapped;
  sql::Stmt set(db, "UPDATE speakers SET participant_id = ?, is_interviewer = ? WHERE id = ?");
  for (const auto& [id, label] : speakers) {
    const ParticipantRow* row = findRow(sheet, fileName, labelKey(label));
    if (!row) {
      unmapped.push_back(label);
      continue;
    }
    if (used) (*used)[static_cast<std::size_t>(row - sheet.rows.data())] = true;
    const std::int64_t pid = upsertParticipant(db, *row);
    set.bind(1, pid).bind(2, (row->interviewer || isInterviewerLabel(label)) ? 1 : 0).bind(3, id).run();
  }
  refreshMainParticipant(db, sourceId);
  return unmapped;
}

void refreshMainParticipant(sql::Db& db, std::int64_t sourceId) {
  sql::Stmt main(db, R"(
    UPDATE sources SET participant_id = coalesce((
      SELECT k.participant_id FROM turns t JOIN speakers k ON k.id = t.speaker_id
      WHERE t.source_id = ?1 AND k.is_interviewer = 0 AND k.participant_id IS NOT NULL
      ORDER BY t.seq LIMIT 1),
      (SELECT p.id FROM participants p
       WHERE p.id = sources.participant_id AND p.is_interviewer = 0))
    WHERE id = ?1)");
  main.bind(1, sourceId).run();
}

void setInterviewer(sql::Db& db, std::int64_t participantId, bool interviewer) {
  sql::Stmt flag(db, "UPDATE participants SET is_interviewer = ? WHERE id = ?");
  flag.bind(1, interviewer ? 1 : 0).bind(2, participantId).run();
  std::vector<std::pair<std::int64_t, std::string>> speakers;
  {
    sql::Stmt st(db, "SELECT id, label FROM speakers WHERE participant_id = ?");
    st.bind(1, participantId);
    while (st.step()) speakers.emplace_back(st.i64(0), st.str(1));
  }
  sql::Stmt set(db, "UPDATE speakers SET is_interviewer = ? WHERE id = ?");
  for (const auto& [id, label] : speakers)
    set.bind(1, (interviewer || isInterviewerLabel(label)) ? 1 : 0).bind(2, id).run();
  std::vector<std::int64_t> sources;
  {
    sql::Stmt st(db,
                 "SELECT source_id FROM speakers WHERE participant_id = ?1 "
                 "UNION SELECT id FROM sources WHERE participant_id = ?1");
    st.bind(1, participantId);
    while (st.step()) sources.push_back(st.i64(0));
  }
  for (std::int64_t s : sources) refreshMainParticipant(db, s);
}

}  // namespace cmoc::store

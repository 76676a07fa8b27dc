#include "participant_rows.h"

namespace cmoc::store {

namespace {

constexpr const char* kCases = "SELECT id, guid, name, case_type, memo, created_at FROM cases";
constexpr const char* kParticipants =
    "SELECT id, guid, code, is_interviewer, case_id, memo, created_at FROM participants";

CaseRow readCase(const sql::Stmt& st) {
  return {st.i64("id"),           st.str("guid"),    st.str("name"),
          st.optStr("case_type"), st.optStr("memo"), st.str("created_at")};
}

ParticipantRow readParticipant(const sql::Stmt& st) {
  return {
      st.i64("id"),         st.str("guid"),    st.str("code"),      st.i64("is_interviewer") != 0,
      st.optI64("case_id"), st.optStr("memo"), st.str("created_at")};
}

}  // namespace

void CaseRows::each(const std::function<void(const CaseRow&)>& f) {
  eachRow(st_(std::string(kCases) + " ORDER BY id"), readCase, f);
}

std::optional<CaseRow> CaseRows::byId(std::int64_t id) {
  return firstRow(st_(std::string(kCases) + " WHERE id = ?").bind(1, id), readCase);
}

std::optional<std::int64_t> CaseRows::idOfGuid(const std::string& guid) {
  return firstI64(st_("SELECT id FROM cases WHERE guid = ?").bind(1, guid));
}

std::optional<std::int64_t> CaseRows::idOfName(const std::string& name) {
  return firstI64(st_("SELECT id FROM cases WHERE name = ?").bind(1, name));
}

std::int64_t CaseRows::insert(const CaseRow& r) {
  st_("INSERT INTO cases(guid, name, case_type, memo, created_at) VALUES (?, ?, ?, ?, ?)")
      .bind(1, r.guid)
      .bind(2, r.name)
      .bind(3, r.caseType)
      .bind(4, r.memo)
      .bind(5, r.createdAt)
      .run();
  return st_.db().lastInsertId();
}

std::int64_t CaseRows::upsert(const std::string& name, const std::string& caseType,
                              const std::string& guid, const std::string& now) {
  sql::Stmt& up = st_(R"(
    INSERT INTO cases(guid, name, case_type, created_at) VALUES (?, ?, nullif(?, ''), ?)
    ON CONFLICT(name) DO UPDATE SET case_type = coalesce(nullif(excluded.case_type, ''), case_type)
    RETURNING id)");
  return *firstI64(up.bind(1, guid).bind(2, name).bind(3, caseType).bind(4, now));
}

void CaseRows::setTypeOfCaseOf(std::int64_t participantId, const std::string& caseType) {
  st_("UPDATE cases SET case_type = nullif(?, '') WHERE id = (SELECT case_id FROM participants "
      "WHERE id = ?)")
      .bind(1, caseType)
      .bind(2, participantId)
      .run();
}

std::int64_t ParticipantRows::upsert(const std::string& code, bool interviewer,
                                     std::optional<std::int64_t> caseId, const std::string& guid,
                                     const std::string& now) {
  sql::Stmt& up = st_(R"(
    INSERT INTO participants(guid, code, is_interviewer, case_id, created_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(code) DO UPDATE SET is_interviewer = excluded.is_interviewer,
      case_id = coalesce(excluded.case_id, case_id)
    RETURNING id)");
  return *firstI64(
      up.bind(1, guid).bind(2, code).bind(3, interviewer ? 1 : 0).bind(4, caseId).bind(5, now));
}

void ParticipantRows::setInterviewer(std::int64_t id, bool interviewer) {
  st_("UPDATE participants SET is_interviewer = ? WHERE id = ?")
      .bind(1, interviewer ? 1 : 0)
      .bind(2, id)
      .run();
}

void ParticipantRows::setCase(std::int64_t id, std::optional<std::int64_t> caseId) {
  st_("UPDATE participants SET case_id = ? WHERE id = ?").bind(1, caseId).bind(2, id).run();
}

void ParticipantRows::eachWithCase(std::optional<std::string> code,
                                   const std::function<void(const ParticipantWithCase&)>& f) {
  eachRow(
      st_(R"(
      SELECT p.id, p.guid, p.code, p.is_interviewer, ifnull(cs.name, '') AS case_name,
        ifnull(cs.case_type, '') AS case_type
      FROM participants p LEFT JOIN cases cs ON cs.id = p.case_id
      WHERE ?1 IS NULL OR p.code = ?1)")
          .bind(1, code),
      [](const sql::Stmt& st) {
        return ParticipantWithCase{st.i64("id"),        st.str("guid"),
                                   st.str("code"),      st.i64("is_interviewer") != 0,
                                   st.str("case_name"), st.str("case_type")};
      },
      f);
}

void ParticipantRows::remove(std::int64_t id) {
  st_("DELETE FROM participant_attributes WHERE participant_id = ?").bind(1, id).run();
  st_("DELETE FROM participants WHERE id = ?").bind(1, id).run();
}

void ParticipantRows::each(const std::function<void(const ParticipantRow&)>& f) {
  eachRow(st_(std::string(kParticipants) + " ORDER BY id"), readParticipant, f);
}

std::optional<ParticipantRow> ParticipantRows::byId(std::int64_t id) {
  return firstRow(st_(std::string(kParticipants) + " WHERE id = ?").bind(1, id), readParticipant);
}

std::optional<std::int64_t> ParticipantRows::idOfGuid(const std::string& guid) {
  return firstI64(st_("SELECT id FROM participants WHERE guid = ?").bind(1, guid));
}

std::optional<std::int64_t> ParticipantRows::idOfCode(const std::string& code) {
  return firstI64(st_("SELECT id FROM participants WHERE code = ?").bind(1, code));
}

std::int64_t ParticipantRows::insert(const ParticipantRow& r) {
  st_("INSERT INTO participants(guid, code, is_interviewer, case_id, memo, created_at) VALUES "
      "(?, ?, ?, ?, ?, ?)")
      .bind(1, r.guid)
      .bind(2, r.code)
      .bind(3, r.isInterviewer ? 1 : 0)
      .bind(4, r.caseId)
      .bind(5, r.memo)
      .bind(6, r.createdAt)
      .run();
  return st_.db().lastInsertId();
}

}  // namespace cmoc::store

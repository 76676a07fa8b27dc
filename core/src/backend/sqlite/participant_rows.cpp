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

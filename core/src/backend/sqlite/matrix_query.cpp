#include "matrix_query.h"

namespace cmoc::store {

std::vector<std::string> MatrixQueries::attributeNames() {
  std::vector<std::string> out;
  eachRow(
      st_("SELECT name FROM participant_attributes UNION SELECT name FROM case_attributes "
          "ORDER BY 1"),
      [](const sql::Stmt& s) { return s.str("name"); },
      [&out](std::string n) { out.push_back(std::move(n)); });
  return out;
}

void MatrixQueries::eachValue(const std::string& attribute,
                              const std::function<void(const ParticipantValue&)>& f) {
  sql::Stmt& st = st_(R"(
    SELECT id, is_interviewer, value FROM (
      SELECT p.id, p.is_interviewer, nullif(CASE ?1
               WHEN 'participant' THEN p.code
               WHEN 'case' THEN coalesce(cs.name, pa.value)
               WHEN 'case_type' THEN coalesce(cs.case_type, pa.value)
               ELSE coalesce(pa.value, ca.value) END, '') AS value
      FROM participants p
      LEFT JOIN cases cs ON cs.id = p.case_id
      LEFT JOIN participant_attributes pa ON pa.participant_id = p.id AND pa.name = ?1
      LEFT JOIN case_attributes ca ON ca.case_id = p.case_id AND ca.name = ?1)
    WHERE value IS NOT NULL)");
  eachRow(
      st.bind(1, attribute),
      [](const sql::Stmt& s) {
        return ParticipantValue{s.i64("id"), s.i64("is_interviewer") != 0, s.str("value")};
      },
      f);
}

std::vector<TurnOwner> MatrixQueries::turnOwners(std::int64_t sourceId) {
  std::vector<TurnOwner> out;
  eachRow(
      st_("SELECT t.start, t.end, k.participant_id FROM turns t LEFT JOIN speakers k ON k.id = "
          "t.speaker_id WHERE t.source_id = ? ORDER BY t.start")
          .bind(1, sourceId),
      [](const sql::Stmt& s) {
        return TurnOwner{s.i64("start"), s.i64("end"), s.optI64("participant_id")};
      },
      [&out](const TurnOwner& t) { out.push_back(t); });
  return out;
}

}  // namespace cmoc::store

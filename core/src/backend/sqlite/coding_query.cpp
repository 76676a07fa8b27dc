#include "coding_query.h"

#include <variant>

namespace cmoc::store {

namespace {

constexpr const char* kColumns =
    "SELECT c.id, c.guid, c.source_id, s.name AS source_name, c.code_id, c.coder_id, "
    "k.name AS coder_name, c.start, c.end, c.memo, c.created_at, c.modified_at, "
    "s.participant_id AS source_participant_id";
constexpr const char* kJoins =
    " FROM codings c JOIN sources s ON s.id = c.source_id JOIN coders k ON k.id = c.coder_id";

CodingListRow readListRow(const sql::Stmt& st) {
  CodingListRow r;
  CodingRow& c = r.coding;
  c.id = st.i64("id");
  c.guid = st.str("guid");
  c.sourceId = st.i64("source_id");
  c.codeId = st.i64("code_id");
  c.coderId = st.i64("coder_id");
  c.start = st.i64("start");
  c.end = st.i64("end");
  c.memo = st.str("memo");
  c.createdAt = st.str("created_at");
  c.modifiedAt = st.str("modified_at");
  r.sourceName = st.str("source_name");
  r.coderName = st.str("coder_name");
  r.sourceParticipantId = st.optI64("source_participant_id");
  return r;
}

// A WHERE clause (starting " WHERE", or empty) over the aliases in kJoins, and its parameters
// in order.
struct Where {
  std::string sql;
  std::vector<std::variant<std::int64_t, std::string>> params;

  sql::Stmt& bind(sql::Stmt& st) const {
    int i = 1;
    for (const auto& p : params) {
      if (const auto* n = std::get_if<std::int64_t>(&p))
        st.bind(i++, *n);
      else
        st.bind(i++, std::get<std::string>(p));
    }
    return st;
  }
};

std::string placeholders(std::size_t n) {
  std::string s = "(";
  for (std::size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s + ")";
}

Where where(const CodingSelection& sel) {
  Where w;
  std::vector<std::string> clauses;
  if (!sel.codeIds.empty()) {
    clauses.push_back("c.code_id IN " + placeholders(sel.codeIds.size()));
    for (std::int64_t id : sel.codeIds) w.params.push_back(id);
  }
  if (!sel.codingIds.empty()) {
    // One JSON parameter however many ids: a list of placeholders would pass SQLite's limit of
    // 32,766 variables for a large study's CMOC evidence.
    std::string json = "[";
    for (std::int64_t id : sel.codingIds) json += (json.size() > 1 ? "," : "") + std::to_string(id);
    clauses.push_back("c.id IN (SELECT value FROM json_each(?))");
    w.params.push_back(json + "]");
  }
  if (!sel.sourceIds.empty()) {
    clauses.push_back("c.source_id IN " + placeholders(sel.sourceIds.size()));
    for (std::int64_t id : sel.sourceIds) w.params.push_back(id);
  }
  if (!sel.coders.empty()) {
    clauses.push_back("k.name IN " + placeholders(sel.coders.size()));
    for (const std::string& s : sel.coders) w.params.push_back(s);
  }
  const char* participantOf =
      "coalesce((SELECT sp.participant_id FROM turns t JOIN speakers sp ON sp.id = t.speaker_id "
      "WHERE t.source_id = c.source_id AND t.start <= c.start AND c.start < t.end LIMIT 1), "
      "s.participant_id)";
  if (!sel.participants.empty()) {
    clauses.push_back(std::string("(SELECT code FROM participants WHERE id = ") + participantOf +
                      ") IN " + placeholders(sel.participants.size()));
    for (const std::string& p : sel.participants) w.params.push_back(p);
  }
  for (const auto& [name, value] : sel.attributes) {
    clauses.push_back(
        std::string("EXISTS (SELECT 1 FROM participants p LEFT JOIN cases cs ON cs.id = p.case_id "
                    "WHERE p.id = ") +
        participantOf +
        " AND (EXISTS (SELECT 1 FROM participant_attributes a WHERE a.participant_id = p.id "
        "AND a.name = ? AND a.value = ?) OR EXISTS (SELECT 1 FROM case_attributes ca WHERE "
        "ca.case_id = cs.id AND ca.name = ? AND ca.value = ?)))");
    for (int i = 0; i < 2; ++i) {
      w.params.push_back(name);
      w.params.push_back(value);
    }
  }
  for (std::size_t i = 0; i < clauses.size(); ++i) w.sql += (i ? " AND " : " WHERE ") + clauses[i];
  return w;
}

}  // namespace

std::optional<CodingListRow> CodingQueries::byId(std::int64_t id) {
  return firstRow(st_(std::string(kColumns) + kJoins + " WHERE c.id = ?").bind(1, id), readListRow);
}

void CodingQueries::each(const CodingSelection& sel, CodingOrder order,
                         const std::function<void(const CodingListRow&)>& f) {
  const Where w = where(sel);
  const char* by = order == CodingOrder::BySourceName
                       ? " ORDER BY s.name, c.start, c.end, c.id"
                       : " ORDER BY s.name, c.source_id, c.start, c.end, c.id";
  // Prepared afresh: a filter's SQL differs with its lists' lengths, so keeping each would
  // keep one statement per list length a session ever used.
  sql::Stmt st(db_, std::string(kColumns) + kJoins + w.sql + by);
  eachRow(w.bind(st), readListRow, f);
}

void CodingQueries::eachStart(const CodingSelection& sel,
                              const std::function<void(const CodingStart&)>& f) {
  const Where w = where(sel);
  sql::Stmt st(db_, std::string("SELECT c.code_id, c.source_id, c.start, s.participant_id") +
                        kJoins + w.sql + " ORDER BY c.source_id");
  eachRow(
      w.bind(st),
      [](const sql::Stmt& s) {
        return CodingStart{s.i64("code_id"), s.i64("source_id"), s.i64("start"),
                           s.optI64("participant_id")};
      },
      f);
}

std::vector<CodingTally> CodingQueries::countPer(const CodingSelection& sel, CodingGroup group) {
  const Where w = where(sel);
  const std::string per = group == CodingGroup::Code ? "c.code_id" : "c.source_id";
  sql::Stmt st(db_, "SELECT " + per + " AS id, count(*) AS n, count(DISTINCT c.source_id) AS " +
                        "sources" + kJoins + w.sql + " GROUP BY " + per + " ORDER BY " + per);
  std::vector<CodingTally> out;
  eachRow(
      w.bind(st),
      [](const sql::Stmt& s) {
        return CodingTally{s.i64("id"), s.i64("n"), s.i64("sources")};
      },
      [&out](const CodingTally& t) { out.push_back(t); });
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> CodingQueries::perCoder() {
  std::vector<std::pair<std::string, std::int64_t>> out;
  eachRow(
      st_("SELECT k.name, n FROM (SELECT coder_id, count(*) AS n FROM codings GROUP BY coder_id) c "
          "JOIN coders k ON k.id = c.coder_id ORDER BY n DESC, k.name"),
      [](const sql::Stmt& s) { return std::pair(s.str("name"), s.i64("n")); },
      [&out](std::pair<std::string, std::int64_t> p) { out.push_back(std::move(p)); });
  return out;
}

void CodingQueries::eachAttributed(const std::function<void(const AttributedRow&)>& f) {
  eachRow(
      st_(R"(
    SELECT p.id, p.code,
           ifnull((SELECT value FROM participant_attributes a
                   WHERE a.participant_id = p.id AND a.name = 'role'), '') AS role,
           coalesce(cs.name, (SELECT value FROM participant_attributes a
                              WHERE a.participant_id = p.id AND a.name = 'case'), '') AS case_name
    FROM participants p LEFT JOIN cases cs ON cs.id = p.case_id)"),
      [](const sql::Stmt& s) {
        return AttributedRow{s.i64("id"), s.str("code"), s.str("role"), s.str("case_name")};
      },
      f);
}

}  // namespace cmoc::store

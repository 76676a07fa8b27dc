#include "coding_query.h"

#include <variant>

namespace cmoc::store {

namespace {

const std::string kColumns =
    "SELECT c.id, c.guid, c.source_id, s.name AS source_name, c.code_id, c.coder_id, "
    "k.name AS coder_name, c.start, c.end, c.memo, c.created_at, c.modified_at, "
    "s.participant_id AS source_participant_id";

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

}  // namespace

std::optional<CodingListRow> CodingQueries::byId(std::int64_t id) {
  return firstRow(st_(kColumns + selectionSql({}, true).from + " WHERE c.id = ?").bind(1, id),
                  readListRow);
}

void CodingQueries::each(const CodingSelection& sel, CodingOrder order,
                         const std::function<void(const CodingListRow&)>& f) {
  const SelectionSql w = selectionSql(sel, true);
  const char* by = order == CodingOrder::BySourceName ? " ORDER BY s.name, c.start, c.end, c.id"
                   : order == CodingOrder::BySourceNameThenId
                       ? " ORDER BY s.name, c.source_id, c.start, c.end, c.id"
                       : " ORDER BY c.id";
  // Prepared afresh: a filter's SQL differs with its lists' lengths, so keeping each would
  // keep one statement per list length a session ever used.
  sql::Stmt st(db_, kColumns + w.from + w.where + by);
  w.bind(st);
  eachRow(st, readListRow, f);
}

void CodingQueries::eachStart(const CodingSelection& sel,
                              const std::function<void(const CodingStart&)>& f) {
  const SelectionSql w = selectionSql(sel, true);
  sql::Stmt st(db_, "SELECT c.code_id, c.source_id, c.start, s.participant_id" + w.from + w.where +
                        " ORDER BY c.source_id");
  w.bind(st);
  eachRow(
      st,
      [](const sql::Stmt& s) {
        return CodingStart{s.i64("code_id"), s.i64("source_id"), s.i64("start"),
                           s.optI64("participant_id")};
      },
      f);
}

std::vector<CodingTally> CodingQueries::countPer(const CodingSelection& sel, CodingGroup group) {
  const SelectionSql w = selectionSql(sel);
  const std::string per = group == CodingGroup::Code ? "c.code_id" : "c.source_id";
  sql::Stmt st(db_, "SELECT " + per + " AS id, count(*) AS n, count(DISTINCT c.source_id) AS " +
                        "sources" + w.from + w.where + " GROUP BY " + per + " ORDER BY " + per);
  w.bind(st);
  std::vector<CodingTally> out;
  eachRow(
      st,
      [](const sql::Stmt& s) {
        return CodingTally{s.i64("id"), s.i64("n"), s.i64("sources")};
      },
      [&out](const CodingTally& t) { out.push_back(t); });
  return out;
}

std::vector<CodingTwin> CodingQueries::twins(const CodingSelection& sel, const TwinOf& of) {
  SelectionSql w = selectionSql(sel);
  // The twin's conditions come before the WHERE, so their parameters bind first.
  std::string on =
      " JOIN codings i ON i.source_id = c.source_id AND i.start = c.start AND "
      "i.end = c.end AND i.id <> c.id";
  std::vector<std::variant<std::int64_t, std::string>> first;
  on += of.codeId ? " AND i.code_id = ?" : " AND i.code_id = c.code_id";
  if (of.codeId) first.emplace_back(*of.codeId);
  on += of.coderId ? " AND i.coder_id = ?" : " AND i.coder_id = c.coder_id";
  if (of.coderId) first.emplace_back(*of.coderId);
  w.params.insert(w.params.begin(), first.begin(), first.end());
  sql::Stmt st(db_, "SELECT c.id AS id, min(i.id) AS twin" + w.from + on + w.where +
                        " GROUP BY c.id ORDER BY c.id");
  w.bind(st);
  std::vector<CodingTwin> out;
  eachRow(
      st,
      [](const sql::Stmt& s) {
        return CodingTwin{s.i64("id"), s.i64("twin")};
      },
      [&out](const CodingTwin& t) { out.push_back(t); });
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

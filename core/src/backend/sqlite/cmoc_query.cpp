#include "cmoc_query.h"

#include <variant>

namespace cmoc::store {

namespace {

constexpr const char* kFrom = " FROM cmocs m JOIN coders k ON k.id = m.coder_id";

// A WHERE clause (starting " WHERE", or empty) over kFrom's aliases, and its parameters in
// order.
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

Where where(const CmocSelection& sel) {
  Where w;
  std::vector<std::string> clauses;
  auto in = [&](const std::vector<std::int64_t>& ids) {
    std::string list = "(";
    for (std::int64_t id : ids) {
      list += list.size() > 1 ? ", ?" : "?";
      w.params.push_back(id);
    }
    return list + ")";
  };
  if (sel.id) {
    clauses.push_back("m.id = ?");
    w.params.push_back(*sel.id);
  }
  if (!sel.mechanismIds.empty()) clauses.push_back("m.mechanism_code_id IN " + in(sel.mechanismIds));
  if (sel.status) {
    clauses.push_back("m.status = ?");
    w.params.push_back(*sel.status);
  }
  if (!sel.coders.empty()) {
    std::string list = "(";
    for (const std::string& name : sel.coders) {
      list += list.size() > 1 ? ", ?" : "?";
      w.params.push_back(name);
    }
    clauses.push_back("k.name IN " + list + ")");
  }
  if (!sel.codeIds.empty()) {
    std::string any = "(m.context_code_id IN " + in(sel.codeIds);
    any += " OR m.mechanism_code_id IN " + in(sel.codeIds);
    any += " OR m.outcome_code_id IN " + in(sel.codeIds) + ")";
    clauses.push_back(any);
  }
  for (std::size_t i = 0; i < clauses.size(); ++i) w.sql += (i ? " AND " : " WHERE ") + clauses[i];
  return w;
}

CmocListRow readListRow(const sql::Stmt& st) {
  CmocListRow r;
  r.cmoc = readCmocRow(st);
  r.coderName = st.str("coder_name");
  r.priorGuid = st.str("prior_guid");
  return r;
}

}  // namespace

std::int64_t CmocQueries::count(const CmocSelection& sel) {
  const Where w = where(sel);
  // Prepared afresh, as every filtered read here: a filter's SQL differs with its lists'
  // lengths, so keeping each would keep one statement per list length a session ever used.
  sql::Stmt st(db_, std::string("SELECT count(*) AS n") + kFrom + w.sql);
  return firstRow(w.bind(st), [](const sql::Stmt& s) { return s.i64("n"); }).value_or(0);
}

void CmocQueries::each(const CmocSelection& sel, const std::function<void(const CmocListRow&)>& f) {
  const Where w = where(sel);
  sql::Stmt st(db_,
               std::string("SELECT m.*, k.name AS coder_name, ifnull(p.guid, '') AS prior_guid") +
                   kFrom + " LEFT JOIN cmocs p ON p.id = m.prior_cmoc_id" + w.sql +
                   " ORDER BY m.id");
  eachRow(w.bind(st), readListRow, f);
}

void CmocQueries::eachEvidence(const CmocSelection& sel,
                               const std::function<void(const CmocEvidenceRow&)>& f) {
  const Where w = where(sel);
  // Without a filter, no subquery at all.
  std::string sql =
      "SELECT e.cmoc_id, e.slot, e.coding_id, c.code_id, c.source_id, c.start, c.end "
      "FROM cmoc_evidence e JOIN codings c ON c.id = e.coding_id";
  if (!w.sql.empty()) sql += std::string(" WHERE e.cmoc_id IN (SELECT m.id") + kFrom + w.sql + ")";
  sql::Stmt st(db_, sql + " ORDER BY e.coding_id");
  eachRow(
      w.bind(st),
      [](const sql::Stmt& s) {
        return CmocEvidenceRow{s.i64("cmoc_id"),   s.str("slot"),  s.i64("coding_id"),
                               s.i64("code_id"),   s.i64("source_id"), s.i64("start"),
                               s.i64("end")};
      },
      f);
}

void CmocQueries::eachLinkView(const std::function<void(const CmocLinkView&)>& f) {
  eachRow(st_(R"(
    SELECT l.id, l.guid, l.from_cmoc_id, l.to_cmoc_id, a.outcome_code_id, b.context_code_id,
           l.memo, l.created_at
    FROM cmoc_links l JOIN cmocs a ON a.id = l.from_cmoc_id JOIN cmocs b ON b.id = l.to_cmoc_id
    ORDER BY l.from_cmoc_id, l.to_cmoc_id)"),
          [](const sql::Stmt& s) {
            return CmocLinkView{{s.i64("id"), s.str("guid"), s.i64("from_cmoc_id"),
                                 s.i64("to_cmoc_id"), s.str("memo"), s.str("created_at")},
                                s.i64("outcome_code_id"),
                                s.i64("context_code_id")};
          },
          f);
}

std::vector<CmocPair> CmocQueries::unlinkedPairs() {
  std::vector<CmocPair> out;
  eachRow(st_(R"(
    SELECT a.id AS from_id, b.id AS to_id, a.outcome_code_id AS code_id
    FROM cmocs a JOIN cmocs b ON b.context_code_id = a.outcome_code_id AND b.id <> a.id
    WHERE NOT EXISTS (SELECT 1 FROM cmoc_links l WHERE l.from_cmoc_id = a.id AND l.to_cmoc_id = b.id)
    ORDER BY a.id, b.id)"),
          [](const sql::Stmt& s) {
            return CmocPair{s.i64("from_id"), s.i64("to_id"), s.i64("code_id")};
          },
          [&out](const CmocPair& p) { out.push_back(p); });
  return out;
}

std::optional<std::int64_t> CmocQueries::codingSpanning(std::int64_t sourceId, std::int64_t start,
                                                        std::int64_t end, std::int64_t codeId,
                                                        const std::string& coder) {
  sql::Stmt& st = st_(R"(
    SELECT c.id FROM codings c JOIN coders k ON k.id = c.coder_id
    WHERE c.source_id = ?3 AND c.start = ?4 AND c.end = ?5
    ORDER BY c.code_id = ?1 DESC, k.name = ?2 DESC, c.id LIMIT 1)");
  st.bind(1, codeId).bind(2, coder).bind(3, sourceId).bind(4, start).bind(5, end);
  return firstI64(st);
}

}  // namespace cmoc::store

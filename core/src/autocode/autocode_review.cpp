// Reviewing auto-coding: accepting `auto` codings as a person's, or rejecting them.
#include <set>

#include "cmoc/autocode.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "codebook/code_index.h"
#include "codebook/codebook_rows.h"
#include "coding/coding_rows.h"

namespace cmoc {

namespace {

// The `auto` codings a filter names, as a WHERE clause over codings (`prefix` is the table
// alias with its dot, or empty) and its parameters after the coder id.
struct Selection {
  std::optional<std::int64_t> autoId;  // none: nobody ever auto-coded
  std::vector<std::int64_t> codes, sources;

  std::string where(const std::string& prefix) const {
    std::string w = " WHERE " + prefix + "coder_id = ?";
    auto in = [&](const char* column, std::size_t n) {
      if (n == 0) return;
      w += " AND " + prefix + column + " IN (";
      for (std::size_t i = 0; i < n; ++i) w += i ? ", ?" : "?";
      w += ")";
    };
    in("code_id", codes.size());
    in("source_id", sources.size());
    return w;
  }
  int bind(sql::Stmt& st, int first) const {
    st.bind(first++, *autoId);
    for (std::int64_t id : codes) st.bind(first++, id);
    for (std::int64_t id : sources) st.bind(first++, id);
    return first;
  }
};

Selection select(const sql::Db& db, const AutocodeReviewFilter& filter) {
  Selection s;
  const store::CodeIndex index(db);
  std::set<std::int64_t> codes, sources;
  for (const std::string& c : filter.codes) codes.insert(index.require(c));
  for (const std::string& src : filter.sources) sources.insert(store::resolveSource(db, src));
  s.codes.assign(codes.begin(), codes.end());
  s.sources.assign(sources.begin(), sources.end());
  sql::Stmt st(db, "SELECT id FROM coders WHERE name = ?");
  st.bind(1, kAutoCoder);
  if (st.step()) s.autoId = st.i64(0);
  return s;
}

}  // namespace

AutocodeReviewResult Autocoder::accept(const std::string& person, const AutocodeReviewFilter& filter) {
  if (person.empty()) throw UsageError("name the person who accepts the auto codings");
  if (person == kAutoCoder)
    throw UsageError(std::string("accept auto codings as a person, not as '") + kAutoCoder + "'");
  sql::Db& db = project_.impl().db;
  const Selection sel = select(db, filter);
  AutocodeReviewResult result;
  if (!sel.autoId) return result;
  store::Action action(project_.impl(), "accept auto codings as " + person);
  const std::int64_t personId = store::coderId(db, person);

  // Where the person already coded the same span with the same code, keep theirs and drop the
  // auto one, moving any CMOC evidence over: a second identical coding would count twice.
  std::vector<std::pair<std::int64_t, std::int64_t>> twins;
  {
    sql::Stmt st(db, "SELECT c.id, p.id FROM codings c JOIN codings p ON p.source_id = c.source_id "
                     "AND p.code_id = c.code_id AND p.start = c.start AND p.end = c.end "
                     "AND p.coder_id = ?" + sel.where("c."));
    st.bind(1, personId);
    sel.bind(st, 2);
    while (st.step()) twins.emplace_back(st.i64(0), st.i64(1));
  }
  sql::Stmt moveEvidence(db, "UPDATE OR IGNORE cmoc_evidence SET coding_id = ? WHERE coding_id = ?");
  sql::Stmt drop(db, "DELETE FROM codings WHERE id = ?");
  for (const auto& [autoCoding, theirs] : twins) {
    moveEvidence.bind(1, theirs).bind(2, autoCoding).run();
    drop.bind(1, autoCoding).run();
  }
  sql::Stmt update(db, "UPDATE codings SET coder_id = ?, modified_at = ?" + sel.where(""));
  update.bind(1, personId).bind(2, nowUtc());
  sel.bind(update, 3);
  update.run();
  result.merged = static_cast<std::int64_t>(twins.size());
  result.codings = db.changes() + result.merged;
  if (result.codings == 0) return result;
  sql::Stmt guid(db, "SELECT guid FROM coders WHERE id = ?");
  guid.bind(1, personId);
  guid.step();
  action.audit("accept-autocoding", "coder", guid.str(0),
               "{\"as\": " + jsonString(person) + ", \"codings\": " +
                   std::to_string(result.codings) + ", \"merged\": " + std::to_string(result.merged) + "}");
  guid.reset();
  action.commit();
  return result;
}

AutocodeReviewResult Autocoder::reject(const AutocodeReviewFilter& filter) {
  sql::Db& db = project_.impl().db;
  const Selection sel = select(db, filter);
  AutocodeReviewResult result;
  if (!sel.autoId) return result;
  store::Action action(project_.impl(), "reject auto codings");
  const store::CodeIndex index(db);
  std::vector<CodingRecord> rejected;
  {
    sql::Stmt st(db, std::string("SELECT ") + store::kCodingColumns + store::kCodingJoins + sel.where("c."));
    sel.bind(st, 1);
    while (st.step()) rejected.push_back(store::readCoding(st, index));
  }
  if (rejected.empty()) return result;
  sql::Stmt del(db, "DELETE FROM codings" + sel.where(""));
  sel.bind(del, 1);
  del.run();
  // The entries Action::audit writes, through one prepared statement: a rejection can delete
  // tens of thousands of codings, and preparing the insert anew for each would dominate.
  sql::Stmt audit(db,
                  "INSERT INTO audit(at, coder, action, entity_kind, entity_guid, detail) "
                  "VALUES (?, ?, 'delete-coding', 'coding', ?, json(?))");
  const std::string now = nowUtc();
  for (const CodingRecord& r : rejected) {
    std::string detail = store::codingAuditJson(r);
    detail.pop_back();
    audit.bind(1, now).bind(2, action.coder()).bind(3, r.guid);
    audit.bind(4, detail + ", \"reason\": \"auto-coding rejected\"}").run();
  }
  result.codings = static_cast<std::int64_t>(rejected.size());
  action.commit();
  return result;
}

}  // namespace cmoc

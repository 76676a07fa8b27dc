// Codings: applying, removing, moving and listing. (Excerpts, bulk CSV, auto-coding and text
// edits have files of their own.)
#include "cmoc/coding.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "backend/sqlite/action.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "codebook/code_index.h"
#include "codebook/codebook_rows.h"
#include "coding_rows.h"

namespace cmoc {

namespace store {

std::int64_t resolveSource(const sql::Db& db, std::string_view idOrName) {
  // A 19-digit "id" is no id: from_chars says so, where stoll would throw out of the domain.
  std::int64_t id = 0;
  const char* last = idOrName.data() + idOrName.size();
  if (const auto [end, ec] = std::from_chars(idOrName.data(), last, id);
      !idOrName.empty() && std::isdigit(static_cast<unsigned char>(idOrName.front())) &&
      ec == std::errc() && end == last) {
    sql::Stmt st(db, "SELECT id FROM sources WHERE id = ?");
    st.bind(1, id);
    if (st.step()) return st.i64(0);
  }
  sql::Stmt st(db, "SELECT id FROM sources WHERE name = ?");
  st.bind(1, idOrName);
  if (!st.step()) throw NotFound("no source named '" + std::string(idOrName) + "'");
  const std::int64_t found = st.i64(0);
  if (st.step())
    throw UsageError("several sources are named '" + std::string(idOrName) +
                     "'; name one by its id");
  return found;
}

std::int64_t coderId(CoderRows& coders, const std::string& name) {
  if (name.empty()) throw UsageError("no coder set: name one with --coder");
  if (const auto id = coders.idOfName(name)) return *id;
  return coders.insert({0, newGuid(), name, nowUtc()});
}

std::int64_t coderId(sql::Db& db, const std::string& name) {
  CoderRows coders(db);
  return coderId(coders, name);
}

void checkSpan(const sql::Db& db, std::int64_t sourceId, std::int64_t start, std::int64_t end) {
  sql::Stmt st(db, "SELECT char_count, name FROM sources WHERE id = ?");
  st.bind(1, sourceId);
  if (!st.step()) throw NotFound("no source with id " + std::to_string(sourceId));
  const std::int64_t length = st.i64(0);
  const std::string span = "[" + std::to_string(start) + ", " + std::to_string(end) + ")";
  if (start < 0 || end > length)
    throw UsageError("span " + span + " lies outside " + st.str(1) + " (0 to " +
                     std::to_string(length) + ")");
  if (end < start) throw UsageError("span " + span + " is inverted: its end is before its start");
  if (end == start) throw UsageError("span " + span + " is empty");
}

std::int64_t insertCoding(CodingRows& codings, std::int64_t sourceId, std::int64_t codeId,
                          std::int64_t coder, std::int64_t start, std::int64_t end,
                          const std::string& memo) {
  const std::string now = nowUtc();
  return codings.insert({0, newGuid(), sourceId, codeId, coder, start, end, memo, now, now});
}

CodingRecord readCoding(const sql::Stmt& st, const CodeIndex& index) {
  CodingRecord r;
  r.id = st.i64(0);
  r.guid = st.str(1);
  r.sourceId = st.i64(2);
  r.sourceName = st.str(3);
  r.codeId = st.i64(4);
  r.codePath = index.entry(r.codeId).path;
  r.coder = st.str(5);
  r.start = st.i64(6);
  r.end = st.i64(7);
  r.memo = st.str(8);
  r.createdAt = st.str(9);
  r.modifiedAt = st.str(10);
  return r;
}

std::string codingAuditJson(const CodingRecord& r) {
  return "{\"source\": " + jsonString(r.sourceName) + ", \"code\": " + jsonString(r.codePath) +
         ", \"coder\": " + jsonString(r.coder) + ", \"start\": " + std::to_string(r.start) +
         ", \"end\": " + std::to_string(r.end) + "}";
}

}  // namespace store

Coding::Coding(Project& project) : project_(project) {}

CodingRecord Coding::apply(std::string_view source, std::string_view code, std::int64_t start,
                           std::int64_t end, const std::string& memo) {
  sql::Db& db = project_.impl().db;
  const store::CodeIndex index(db);
  const std::int64_t codeId = index.require(code);
  const std::int64_t sourceId = store::resolveSource(db, source);
  store::Action action(project_.impl(), "apply code " + index.entry(codeId).name);
  store::checkSpan(db, sourceId, start, end);
  store::CodingRows codings(db);
  const std::int64_t id = store::insertCoding(
      codings, sourceId, codeId, store::coderId(db, project_.coder()), start, end, memo);
  action.commit();
  return get(id);
}

CodingRecord Coding::applyToTurn(std::string_view source, std::int64_t turn, std::string_view code,
                                 const std::string& memo) {
  sql::Db& db = project_.impl().db;
  const std::int64_t sourceId = store::resolveSource(db, source);
  sql::Stmt st(db, "SELECT start, end FROM turns WHERE source_id = ? AND seq = ?");
  st.bind(1, sourceId).bind(2, turn);
  if (!st.step())
    throw NotFound("source '" + std::string(source) + "' has no turn " + std::to_string(turn));
  const std::int64_t start = st.i64(0), end = st.i64(1);
  st.reset();
  return apply(std::to_string(sourceId), code, start, end, memo);
}

CodingRecord Coding::get(std::int64_t codingId) const {
  const sql::Db& db = project_.impl().db;
  const store::CodeIndex index(db);
  sql::Stmt st(
      db, std::string("SELECT ") + store::kCodingColumns + store::kCodingJoins + " WHERE c.id = ?");
  st.bind(1, codingId);
  if (!st.step()) throw NotFound("no coding with id " + std::to_string(codingId));
  return store::readCoding(st, index);
}

void Coding::remove(std::int64_t codingId) {
  const CodingRecord r = get(codingId);
  store::Action action(project_.impl(), "remove coding of " + r.codePath);
  sql::Stmt st(action.db(), "DELETE FROM codings WHERE id = ?");
  st.bind(1, codingId).run();
  action.audit("delete-coding", "coding", r.guid, store::codingAuditJson(r));
  action.commit();
}

CodingRecord Coding::moveSpan(std::int64_t codingId, std::int64_t start, std::int64_t end) {
  const CodingRecord r = get(codingId);
  store::Action action(project_.impl(), "move coding of " + r.codePath);
  store::checkSpan(action.db(), r.sourceId, start, end);
  sql::Stmt st(action.db(), "UPDATE codings SET start = ?, end = ?, modified_at = ? WHERE id = ?");
  st.bind(1, start).bind(2, end).bind(3, nowUtc()).bind(4, codingId).run();
  action.commit();
  return get(codingId);
}

CodingRecord Coding::setMemo(std::int64_t codingId, const std::string& memo) {
  const CodingRecord r = get(codingId);
  store::Action action(project_.impl(), "memo on coding of " + r.codePath);
  sql::Stmt st(action.db(), "UPDATE codings SET memo = ?, modified_at = ? WHERE id = ?");
  st.bind(1, memo).bind(2, nowUtc()).bind(3, codingId).run();
  action.commit();
  return get(codingId);
}

std::vector<CoderCount> Coding::codingsPerCoder() const {
  sql::Stmt st(project_.impl().db, R"(
    SELECT k.name, n FROM (SELECT coder_id, count(*) AS n FROM codings GROUP BY coder_id) c
    JOIN coders k ON k.id = c.coder_id ORDER BY n DESC, k.name)");
  std::vector<CoderCount> out;
  while (st.step()) out.push_back({st.str(0), st.i64(1)});
  return out;
}

namespace {

std::vector<CodingCount> countCodings(const sql::Db& db, const CodingFilter& filter,
                                      const char* per) {
  const store::CodeIndex index(db);
  store::CodingQuery q = store::buildCodingQuery(db, index, filter);
  sql::Stmt st(db, std::string("SELECT ") + per + ", count(*), count(DISTINCT c.source_id)" +
                       store::kCodingJoins + q.where + " GROUP BY " + per + " ORDER BY " + per);
  q.bind(st);
  std::vector<CodingCount> out;
  while (st.step()) out.push_back({st.i64(0), st.i64(1), st.i64(2)});
  return out;
}

}  // namespace

std::vector<CodingCount> Coding::countPerCode(const CodingFilter& filter) const {
  return countCodings(project_.impl().db, filter, "c.code_id");
}

std::vector<CodingCount> Coding::countPerSource(const CodingFilter& filter) const {
  return countCodings(project_.impl().db, filter, "c.source_id");
}

std::vector<CodingRecord> Coding::list(const CodingFilter& filter) const {
  std::vector<CodingRecord> out;
  each(filter, [&out](const CodingRecord& c) { out.push_back(c); });
  return out;
}

void Coding::each(const CodingFilter& filter,
                  const std::function<void(const CodingRecord&)>& row) const {
  const sql::Db& db = project_.impl().db;
  const store::CodeIndex index(db);
  store::CodingQuery q = store::buildCodingQuery(db, index, filter, project_.coder());
  sql::Stmt st(db, std::string("SELECT ") + store::kCodingColumns + store::kCodingJoins + q.where +
                       " ORDER BY s.name, c.start, c.end, c.id");
  q.bind(st);
  while (st.step()) row(store::readCoding(st, index));
}

}  // namespace cmoc

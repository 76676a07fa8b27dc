// Codings: applying, removing, moving and listing. (Excerpts, bulk CSV, auto-coding and text
// edits have files of their own.)
#include "cmoc/coding.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "backend/sqlite/action.h"
#include "backend/sqlite/source_rows.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "codebook/code_index.h"
#include "codebook/codebook_rows.h"
#include "coding_shared.h"

namespace cmoc {

namespace store {

std::int64_t resolveSource(const sql::Db& db, std::string_view idOrName) {
  SourceRows sources(db);
  // A 19-digit "id" is no id: from_chars says so, where stoll would throw out of the domain.
  std::int64_t id = 0;
  const char* last = idOrName.data() + idOrName.size();
  if (const auto [end, ec] = std::from_chars(idOrName.data(), last, id);
      !idOrName.empty() && std::isdigit(static_cast<unsigned char>(idOrName.front())) &&
      ec == std::errc() && end == last) {
    if (sources.byId(id)) return id;
  }
  const std::vector<std::int64_t> named = sources.idsOfName(std::string(idOrName));
  if (named.empty()) throw NotFound("no source named '" + std::string(idOrName) + "'");
  if (named.size() > 1)
    throw UsageError("several sources are named '" + std::string(idOrName) +
                     "'; name one by its id");
  return named.front();
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
  const std::optional<SourceRow> source = SourceRows(db).byId(sourceId);
  if (!source) throw NotFound("no source with id " + std::to_string(sourceId));
  const std::int64_t length = source->charCount;
  const std::string span = "[" + std::to_string(start) + ", " + std::to_string(end) + ")";
  if (start < 0 || end > length)
    throw UsageError("span " + span + " lies outside " + source->name + " (0 to " +
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

CodingRecord toRecord(const CodingListRow& row, const CodeIndex& index) {
  CodingRecord r;
  r.id = row.coding.id;
  r.guid = row.coding.guid;
  r.sourceId = row.coding.sourceId;
  r.sourceName = row.sourceName;
  r.codeId = row.coding.codeId;
  r.codePath = index.entry(r.codeId).path;
  r.coder = row.coderName;
  r.start = row.coding.start;
  r.end = row.coding.end;
  r.memo = row.coding.memo;
  r.createdAt = row.coding.createdAt;
  r.modifiedAt = row.coding.modifiedAt;
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
  std::optional<std::pair<std::int64_t, std::int64_t>> span;
  store::SourceRows(db).turnsOf(sourceId, [&](const store::TurnRow& t) {
    if (t.seq == turn) span = {t.start, t.end};
  });
  if (!span)
    throw NotFound("source '" + std::string(source) + "' has no turn " + std::to_string(turn));
  return apply(std::to_string(sourceId), code, span->first, span->second, memo);
}

CodingRecord Coding::get(std::int64_t codingId) const {
  const sql::Db& db = project_.impl().db;
  const std::optional<store::CodingListRow> row = store::CodingQueries(db).byId(codingId);
  if (!row) throw NotFound("no coding with id " + std::to_string(codingId));
  return store::toRecord(*row, store::CodeIndex(db));
}

void Coding::remove(std::int64_t codingId) {
  const CodingRecord r = get(codingId);
  store::Action action(project_.impl(), "remove coding of " + r.codePath);
  store::CodingRows(action.db()).remove(codingId);
  action.audit("delete-coding", "coding", r.guid, store::codingAuditJson(r));
  action.commit();
}

CodingRecord Coding::moveSpan(std::int64_t codingId, std::int64_t start, std::int64_t end) {
  const CodingRecord r = get(codingId);
  store::Action action(project_.impl(), "move coding of " + r.codePath);
  store::checkSpan(action.db(), r.sourceId, start, end);
  store::CodingRows(action.db()).setSpan(codingId, start, end, nowUtc());
  action.commit();
  return get(codingId);
}

CodingRecord Coding::setMemo(std::int64_t codingId, const std::string& memo) {
  const CodingRecord r = get(codingId);
  store::Action action(project_.impl(), "memo on coding of " + r.codePath);
  store::CodingRows(action.db()).setMemo(codingId, memo, nowUtc());
  action.commit();
  return get(codingId);
}

std::vector<CoderCount> Coding::codingsPerCoder() const {
  std::vector<CoderCount> out;
  for (auto& [coder, n] : store::CodingQueries(project_.impl().db).perCoder())
    out.push_back({coder, n});
  return out;
}

namespace {

std::vector<CodingCount> countCodings(const sql::Db& db, const CodingFilter& filter,
                                      store::CodingGroup per) {
  const store::CodeIndex index(db);
  std::vector<CodingCount> out;
  for (const store::CodingTally& t :
       store::CodingQueries(db).countPer(store::selectCodings(db, index, filter), per))
    out.push_back({t.id, t.codings, t.sources});
  return out;
}

}  // namespace

std::vector<CodingCount> Coding::countPerCode(const CodingFilter& filter) const {
  return countCodings(project_.impl().db, filter, store::CodingGroup::Code);
}

std::vector<CodingCount> Coding::countPerSource(const CodingFilter& filter) const {
  return countCodings(project_.impl().db, filter, store::CodingGroup::Source);
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
  store::CodingQueries(db).each(
      store::selectCodings(db, index, filter, project_.coder()), store::CodingOrder::BySourceName,
      [&](const store::CodingListRow& r) { row(store::toRecord(r, index)); });
}

}  // namespace cmoc

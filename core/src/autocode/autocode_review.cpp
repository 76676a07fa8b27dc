// Reviewing auto-coding: accepting `auto` codings as a person's, or rejecting them.
#include <set>

#include "backend/sqlite/cmoc_rows.h"
#include "cmoc/autocode.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "codebook/code_index.h"
#include "codebook/codebook_rows.h"
#include "coding/coding_shared.h"

namespace cmoc {

namespace {

// The `auto` codings a filter names; none when nobody ever auto-coded.
std::optional<store::CodingSelection> select(const sql::Db& db,
                                             const AutocodeReviewFilter& filter) {
  const store::CodeIndex index(db);
  std::set<std::int64_t> codes, sources;
  for (const std::string& c : filter.codes) codes.insert(index.require(c));
  for (const std::string& src : filter.sources) sources.insert(store::resolveSource(db, src));
  if (!store::CoderRows(db).idOfName(kAutoCoder)) return std::nullopt;
  store::CodingSelection s;
  s.codeIds.assign(codes.begin(), codes.end());
  s.sourceIds.assign(sources.begin(), sources.end());
  s.coders = {kAutoCoder};
  return s;
}

}  // namespace

AutocodeReviewResult Autocoder::accept(const std::string& person,
                                       const AutocodeReviewFilter& filter) {
  if (person.empty()) throw UsageError("name the person who accepts the auto codings");
  if (person == kAutoCoder)
    throw UsageError(std::string("accept auto codings as a person, not as '") + kAutoCoder + "'");
  sql::Db& db = project_.impl().db;
  const std::optional<store::CodingSelection> sel = select(db, filter);
  AutocodeReviewResult result;
  if (!sel) return result;
  store::Action action(project_.impl(), "accept auto codings as " + person);
  const std::int64_t personId = store::coderId(db, person);

  // Where the person already coded the same span with the same code, keep theirs and drop the
  // auto one, moving any CMOC evidence over: a second identical coding would count twice.
  const std::vector<store::CodingTwin> twins =
      store::CodingQueries(db).twins(*sel, {.coderId = personId});
  store::CodingRows codings(db);
  store::CmocRows cmocs(db);
  for (const store::CodingTwin& t : twins) {
    cmocs.carryEvidence(t.id, t.twinId);
    codings.remove(t.id);
  }
  result.merged = static_cast<std::int64_t>(twins.size());
  result.codings = codings.reassign(*sel, personId, nowUtc()) + result.merged;
  if (result.codings == 0) return result;
  action.audit("accept-autocoding", "coder", store::CoderRows(db).byId(personId)->guid,
               "{\"as\": " + jsonString(person) +
                   ", \"codings\": " + std::to_string(result.codings) +
                   ", \"merged\": " + std::to_string(result.merged) + "}");
  action.commit();
  return result;
}

AutocodeReviewResult Autocoder::reject(const AutocodeReviewFilter& filter) {
  sql::Db& db = project_.impl().db;
  const std::optional<store::CodingSelection> sel = select(db, filter);
  AutocodeReviewResult result;
  if (!sel) return result;
  store::Action action(project_.impl(), "reject auto codings");
  const store::CodeIndex index(db);
  std::vector<CodingRecord> rejected;
  store::CodingQueries(db).each(
      *sel, store::CodingOrder::ById,
      [&](const store::CodingListRow& row) { rejected.push_back(store::toRecord(row, index)); });
  if (rejected.empty()) return result;
  store::CodingRows(db).removeAll(*sel);
  for (const CodingRecord& r : rejected) {
    std::string detail = store::codingAuditJson(r);
    detail.pop_back();
    action.audit("delete-coding", "coding", r.guid,
                 detail + ", \"reason\": \"auto-coding rejected\"}");
  }
  result.codings = static_cast<std::int64_t>(rejected.size());
  action.commit();
  return result;
}

}  // namespace cmoc

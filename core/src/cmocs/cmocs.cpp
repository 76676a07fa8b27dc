// CMOCs: adding, editing and deleting them and their evidence. (Reading is cmoc_read.cpp,
// chains cmoc_links.cpp.)
#include "cmoc/cmocs.h"

#include <set>

#include "backend/sqlite/action.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc_access.h"
#include "codebook/code_index.h"
#include "codebook/codebook_rows.h"
#include "coding/coding_shared.h"

namespace cmoc {

namespace {

std::string withArticle(std::string_view kind) {
  return (kind == "outcome" || kind == "other" ? "an " : "a ") + std::string(kind);
}

// A CMOC that tests itself, directly or through the CMOCs it tests, would make "what does this
// refine" circular; everything else about priors is the researcher's call.
void checkPrior(const sql::Db& db, std::int64_t id, std::int64_t prior) {
  if (prior == id) throw UsageError("CMOC " + std::to_string(id) + " cannot test itself");
  store::CmocRows cmocs(db);
  std::set<std::int64_t> seen;
  for (std::optional<std::int64_t> p = prior; p && seen.insert(*p).second;) {
    p = cmocs.priorOf(*p);
    if (p == id)
      throw UsageError("CMOC " + std::to_string(id) + " cannot test CMOC " + std::to_string(prior) +
                       ", which already builds on it");
  }
}

// The prior CMOC an edit sets: none for an empty reference.
std::optional<std::int64_t> newPrior(const sql::Db& db, std::int64_t id, const std::string& ref) {
  if (ref.empty()) return std::nullopt;
  const std::int64_t prior = store::resolveCmoc(db, ref);
  checkPrior(db, id, prior);
  return prior;
}

void insertEvidence(store::Action& action, std::int64_t cmocId, Slot slot, std::int64_t codingId) {
  if (!store::CodingRows(action.db()).byId(codingId))
    throw NotFound("no coding with id " + std::to_string(codingId));
  if (!store::CmocRows(action.db()).addEvidence(cmocId, {std::string(toString(slot)), codingId}))
    throw UsageError("coding " + std::to_string(codingId) + " already supports the " +
                     std::string(toString(slot)) + " of CMOC " + std::to_string(cmocId));
}

void touch(store::Action& action, std::int64_t id) {
  store::CmocRows(action.db()).touch(id, nowUtc());
}

std::string names(const store::CodeIndex& index, std::int64_t c, std::int64_t m, std::int64_t o) {
  return index.entry(c).name + " -> " + index.entry(m).name + " -> " + index.entry(o).name;
}

}  // namespace

// The code for a slot; a code of another realist kind is refused unless forced, because a
// mechanism in the context slot is usually a slip that would skew every demiregularity.
std::int64_t store::slotCode(const store::CodeIndex& index, const std::string& code, Slot slot,
                             KindCheck check) {
  if (code.find_first_not_of(" \t") == std::string::npos)
    throw UsageError("a CMOC needs a " + std::string(toString(slot)) + " code");
  const std::int64_t id = index.require(code);
  const store::CodeIndex::Entry& e = index.entry(id);
  if (check == KindCheck::Strict && e.kind != "other" && e.kind != toString(slot))
    throw UsageError("'" + e.path + "' is " + withArticle(e.kind) + " code, not " +
                     withArticle(toString(slot)) + " code (use --force to allow)");
  return id;
}

std::int64_t store::insertCmoc(Action& action, const CmocDraft& d, std::int64_t c, std::int64_t m,
                               std::int64_t o) {
  sql::Db& db = action.db();
  std::optional<std::int64_t> prior;
  if (d.prior && !d.prior->empty()) prior = store::resolveCmoc(db, *d.prior);
  const std::int64_t coder = store::coderId(db, action.coder());
  // Evidence rows go in before their CMOC (foreign keys checked at commit), so the undo
  // changeset deletes them first: deleting the CMOC first would cascade to them, and undo would
  // then find them gone and refuse. The id is the one SQLite would give the row.
  db.exec("PRAGMA defer_foreign_keys = ON");
  store::CmocRows cmocs(db);
  const std::int64_t id = cmocs.nextId();
  for (const auto& [slot, coding] : d.evidence) insertEvidence(action, id, slot, coding);
  const std::string now = nowUtc();
  return cmocs.insert({0, newGuid(), c, m, o, std::string(toString(d.status)), prior, d.label,
                       d.memo, coder, now, now},
                      id);
}

Cmoc Cmocs::add(const CmocDraft& d, KindCheck check) {
  const store::CodeIndex index(project_.impl().db);
  const std::int64_t c = store::slotCode(index, d.context, Slot::Context, check);
  const std::int64_t m = store::slotCode(index, d.mechanism, Slot::Mechanism, check);
  const std::int64_t o = store::slotCode(index, d.outcome, Slot::Outcome, check);
  store::Action action(project_.impl(), "add CMOC " + names(index, c, m, o));
  const std::int64_t id = store::insertCmoc(action, d, c, m, o);
  action.commit();
  return get(id);
}

Cmoc Cmocs::edit(std::int64_t id, const CmocEdit& e, KindCheck check) {
  const Cmoc before = get(id);
  const store::CodeIndex index(project_.impl().db);
  // Only changed slots are checked: a slot forced once stays valid through other edits.
  auto code = [&](const std::optional<std::string>& name, Slot slot) {
    return name ? store::slotCode(index, *name, slot, check) : before.slot(slot).codeId;
  };
  const std::int64_t c = code(e.context, Slot::Context);
  const std::int64_t m = code(e.mechanism, Slot::Mechanism);
  const std::int64_t o = code(e.outcome, Slot::Outcome);
  store::Action action(project_.impl(), "edit CMOC " + std::to_string(id));
  sql::Db& db = action.db();
  const std::optional<std::int64_t> prior = e.prior ? newPrior(db, id, *e.prior) : before.priorId;
  store::CmocRow row;
  row.id = id;
  row.contextCodeId = c;
  row.mechanismCodeId = m;
  row.outcomeCodeId = o;
  row.status = toString(e.status.value_or(before.status));
  row.priorCmocId = prior;
  row.label = e.label.value_or(before.label);
  row.memo = e.memo.value_or(before.memo);
  row.modifiedAt = nowUtc();
  store::CmocRows(db).update(row);
  action.commit();
  return get(id);
}

void Cmocs::remove(std::int64_t id) {
  const Cmoc c = get(id);
  store::Action action(project_.impl(), "delete CMOC " + std::to_string(id));
  store::CmocRows cmocs(action.db());
  const std::int64_t linkCount = cmocs.linkCountOf(id);
  // Children before the CMOC, for the same reason as in add(): a redo must not find them
  // already removed by the cascade.
  cmocs.remove(id);
  // Enough to know what was lost; undo restores the rows themselves.
  action.audit(
      "delete-cmoc", "cmoc", c.guid,
      "{\"id\": " + std::to_string(id) + ", \"context\": " + jsonString(c.context.codePath) +
          ", \"mechanism\": " + jsonString(c.mechanism.codePath) +
          ", \"outcome\": " + jsonString(c.outcome.codePath) + ", \"status\": " +
          jsonString(std::string(toString(c.status))) + ", \"label\": " + jsonString(c.label) +
          ", \"excerpts\": " + std::to_string(c.excerptCount()) +
          ", \"links\": " + std::to_string(linkCount) + "}");
  action.commit();
}

Cmoc Cmocs::addEvidence(std::int64_t id, Slot slot, std::int64_t codingId) {
  store::Action action(project_.impl(), "add evidence to CMOC " + std::to_string(id));
  store::requireCmoc(action.db(), id);
  insertEvidence(action, id, slot, codingId);
  touch(action, id);
  action.commit();
  return get(id);
}

Cmoc Cmocs::removeEvidence(std::int64_t id, Slot slot, std::int64_t codingId) {
  store::Action action(project_.impl(), "remove evidence from CMOC " + std::to_string(id));
  store::requireCmoc(action.db(), id);
  if (!store::CmocRows(action.db()).removeEvidence(id, {std::string(toString(slot)), codingId}))
    throw NotFound("coding " + std::to_string(codingId) + " is not evidence for the " +
                   std::string(toString(slot)) + " of CMOC " + std::to_string(id));
  touch(action, id);
  action.commit();
  return get(id);
}

}  // namespace cmoc

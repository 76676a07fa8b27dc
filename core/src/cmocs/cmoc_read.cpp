// Reading CMOCs: names of statuses and slots, get, list and resolving references. Lists load
// the whole matching set in two reads (CMOCs, then their evidence: backend/sqlite/cmoc_query.h)
// because demiregularities and exports read tens of thousands of CMOCs at once.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "cmoc/cmocs.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "backend/sqlite/code_rows.h"
#include "backend/sqlite/coder_rows.h"
#include "backend/sqlite/project_impl.h"
#include "cmoc_access.h"

namespace cmoc {

std::string_view toString(CmocStatus status) {
  switch (status) {
    case CmocStatus::Affirms: return "affirms";
    case CmocStatus::Refines: return "refines";
    case CmocStatus::Refutes: return "refutes";
    case CmocStatus::Novel: return "novel";
  }
  return "novel";
}

std::string_view toString(Slot slot) {
  switch (slot) {
    case Slot::Context: return "context";
    case Slot::Mechanism: return "mechanism";
    case Slot::Outcome: return "outcome";
  }
  return "context";
}

CmocStatus parseCmocStatus(std::string_view s) {
  for (CmocStatus st : {CmocStatus::Affirms, CmocStatus::Refines, CmocStatus::Refutes,
                        CmocStatus::Novel})
    if (s == toString(st)) return st;
  throw UsageError("unknown CMOC status '" + std::string(s) +
                   "' (affirms, refines, refutes or novel)");
}

Slot parseSlot(std::string_view s) {
  if (s == "context" || s == "c" || s == "C") return Slot::Context;
  if (s == "mechanism" || s == "m" || s == "M") return Slot::Mechanism;
  if (s == "outcome" || s == "o" || s == "O") return Slot::Outcome;
  throw UsageError("unknown CMOC slot '" + std::string(s) + "' (context, mechanism or outcome)");
}

const CmocSlot& Cmoc::slot(Slot s) const {
  return s == Slot::Context ? context : s == Slot::Mechanism ? mechanism : outcome;
}

CmocSlot& Cmoc::slot(Slot s) {
  return s == Slot::Context ? context : s == Slot::Mechanism ? mechanism : outcome;
}

std::size_t Cmoc::excerptCount() const {
  std::set<std::int64_t> ids;
  for (const CmocSlot* s : {&context, &mechanism, &outcome})
    for (const Evidence& e : s->evidence) ids.insert(e.codingId);
  return ids.size();
}

std::size_t Cmoc::sourceCount() const {
  std::set<std::int64_t> ids;
  for (const CmocSlot* s : {&context, &mechanism, &outcome})
    for (const Evidence& e : s->evidence) ids.insert(e.sourceId);
  return ids.size();
}

namespace store {

namespace {

bool isNumber(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// A coding of a sub-code supports its parent's slot: "Trust/Initial trust" backs "Trust".
bool fits(const CodeIndex& index, std::int64_t codingCode, std::int64_t slotCode) {
  for (std::optional<std::int64_t> c = codingCode; c; c = index.entry(*c).parent)
    if (*c == slotCode) return true;
  return false;
}

}  // namespace

void requireCmoc(const sql::Db& db, std::int64_t id) {
  if (!CmocRows(db).exists(id)) throw NotFound("no CMOC with id " + std::to_string(id));
}

std::int64_t resolveCmoc(const sql::Db& db, std::string_view ref) {
  if (isNumber(ref) && ref.size() < 19) {
    const std::int64_t id = std::stoll(std::string(ref));
    requireCmoc(db, id);
    return id;
  }
  if (auto id = CmocRows(db).idOfGuid(std::string(ref))) return *id;
  throw NotFound("no CMOC with id or GUID '" + std::string(ref) + "'");
}

std::vector<Cmoc> loadCmocs(const sql::Db& db, const CodeIndex& index, const CmocSelection& sel) {
  std::map<std::int64_t, std::string> colors;
  CodeRows(db).each([&colors](const CodeRow& c) {
    if (!c.color.empty()) colors[c.id] = c.color;
  });
  auto fill = [&](CmocSlot& slot, std::int64_t codeId) {
    const CodeIndex::Entry& e = index.entry(codeId);
    slot.codeId = codeId;
    slot.code = e.name;
    slot.codePath = e.path;
    slot.kind = parseCodeKind(e.kind);
    if (auto it = colors.find(codeId); it != colors.end()) slot.color = it->second;
  };

  CmocQueries query(db);
  std::vector<Cmoc> out;
  // Reserved up front: a Cmoc is large, and regrowing 20,000 of them moves megabytes.
  out.reserve(static_cast<std::size_t>(query.count(sel)));
  query.each(sel, [&](const CmocListRow& row) {
    const CmocRow& r = row.cmoc;
    Cmoc c;
    c.id = r.id;
    c.guid = r.guid;
    fill(c.context, r.contextCodeId);
    fill(c.mechanism, r.mechanismCodeId);
    fill(c.outcome, r.outcomeCodeId);
    c.status = parseCmocStatus(r.status);
    c.priorId = r.priorCmocId;
    c.priorGuid = row.priorGuid;
    c.label = r.label;
    c.memo = r.memo;
    c.coder = row.coderName;
    c.createdAt = r.createdAt;
    c.modifiedAt = r.modifiedAt;
    out.push_back(std::move(c));
  });
  if (out.empty()) return out;

  // The evidence of every matching CMOC at once, in coding id order, so each slot's evidence
  // arrives sorted by coding id. Rows are gathered flat and sorted into CMOC order, then dealt
  // out in one sequential pass: attaching each row as it comes would jump around 20,000 large
  // Cmoc values in coding order.
  struct Row {
    std::int64_t cmoc;
    Slot slot;
    Evidence evidence;
  };
  std::vector<Row> rows;
  query.eachEvidence(sel, [&rows](const CmocEvidenceRow& e) {
    rows.push_back({e.cmocId, parseSlot(e.slot),
                    {e.codingId, e.codeId, e.sourceId, e.start, e.end, true}});
  });
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.cmoc != b.cmoc) return a.cmoc < b.cmoc;
    if (a.slot != b.slot) return a.slot < b.slot;
    return a.evidence.codingId < b.evidence.codingId;
  });
  auto c = out.begin();
  for (Row& r : rows) {
    while (c != out.end() && c->id < r.cmoc) ++c;
    if (c == out.end()) break;
    if (c->id != r.cmoc) continue;
    CmocSlot& slot = c->slot(r.slot);
    r.evidence.fitsSlot = fits(index, r.evidence.codeId, slot.codeId);
    slot.evidence.push_back(r.evidence);
  }
  return out;
}

}  // namespace store

Cmocs::Cmocs(Project& project) : project_(project) {}

std::int64_t Cmocs::resolve(std::string_view idOrGuid) const {
  return store::resolveCmoc(project_.impl().db, idOrGuid);
}

Cmoc Cmocs::get(std::int64_t id) const {
  const sql::Db& db = project_.impl().db;
  const store::CodeIndex index(db);
  store::CmocSelection one;
  one.id = id;
  auto found = store::loadCmocs(db, index, one);
  if (found.empty()) throw NotFound("no CMOC with id " + std::to_string(id));
  return std::move(found.front());
}

namespace {

// A filter with its names resolved. A filter coder not in the project is NotFound, except the
// acting coder, who may simply not have made a CMOC yet (and so has no coders row): they see
// none.
store::CmocSelection selectCmocs(const sql::Db& db, const store::CodeIndex& index,
                                 const CmocFilter& filter, const std::string& actingCoder) {
  auto codeIds = [&](const std::vector<std::string>& names) {
    std::vector<std::int64_t> ids;
    for (const std::string& n : names) {
      ids.push_back(index.require(n));
      if (filter.withChildCodes)
        for (std::int64_t d : index.descendants(ids.back())) ids.push_back(d);
    }
    return ids;
  };
  store::CmocSelection sel;
  sel.mechanismIds = codeIds(filter.mechanisms);
  if (filter.status) sel.status = std::string(toString(*filter.status));
  store::CoderRows coders(db);
  for (const std::string& name : filter.coders) {
    if (!coders.idOfName(name) && name != actingCoder)
      throw NotFound("no coder named '" + name + "'");
    sel.coders.push_back(name);
  }
  sel.codeIds = codeIds(filter.codes);
  return sel;
}

}  // namespace

std::vector<Cmoc> Cmocs::list(const CmocFilter& filter) const {
  const sql::Db& db = project_.impl().db;
  const store::CodeIndex index(db);
  return store::loadCmocs(db, index, selectCmocs(db, index, filter, project_.coder()));
}

std::int64_t Cmocs::count(const CmocFilter& filter) const {
  const sql::Db& db = project_.impl().db;
  const store::CodeIndex index(db);
  return store::CmocQueries(db).count(selectCmocs(db, index, filter, project_.coder()));
}

}  // namespace cmoc

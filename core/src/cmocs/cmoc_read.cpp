// Reading CMOCs: names of statuses and slots, get, list and resolving references. Lists load
// the whole matching set in two queries (CMOCs, then their evidence) because demiregularities
// and exports read tens of thousands of CMOCs at once.
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include "cmoc/cmocs.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc_rows.h"
#include "backend/sqlite/project_impl.h"

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
  sql::Stmt st(db, "SELECT 1 FROM cmocs WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) throw NotFound("no CMOC with id " + std::to_string(id));
}

std::int64_t resolveCmoc(const sql::Db& db, std::string_view ref) {
  if (isNumber(ref) && ref.size() < 19) {
    const std::int64_t id = std::stoll(std::string(ref));
    requireCmoc(db, id);
    return id;
  }
  sql::Stmt st(db, "SELECT id FROM cmocs WHERE guid = ?");
  st.bind(1, ref);
  if (!st.step()) throw NotFound("no CMOC with id or GUID '" + std::string(ref) + "'");
  return st.i64(0);
}

std::vector<Cmoc> loadCmocs(const sql::Db& db, const CodeIndex& index, const std::string& where,
                            const std::function<void(sql::Stmt&)>& bind) {
  std::map<std::int64_t, std::string> colors;
  {
    sql::Stmt st(db, "SELECT id, color FROM codes WHERE color IS NOT NULL AND color <> ''");
    while (st.step()) colors[st.i64(0)] = st.str(1);
  }
  auto fill = [&](CmocSlot& slot, std::int64_t codeId) {
    const CodeIndex::Entry& e = index.entry(codeId);
    slot.codeId = codeId;
    slot.code = e.name;
    slot.codePath = e.path;
    slot.kind = parseCodeKind(e.kind);
    if (auto it = colors.find(codeId); it != colors.end()) slot.color = it->second;
  };

  std::vector<Cmoc> out;
  {
    // Reserved up front: a Cmoc is large, and regrowing 20,000 of them moves megabytes.
    sql::Stmt count(db, "SELECT count(*) FROM cmocs m JOIN coders k ON k.id = m.coder_id" + where);
    bind(count);
    if (count.step()) out.reserve(static_cast<std::size_t>(count.i64(0)));
  }
  {
    sql::Stmt st(db, R"(
      SELECT m.id, m.guid, m.context_code_id, m.mechanism_code_id, m.outcome_code_id, m.status,
             m.prior_cmoc_id, ifnull(p.guid, ''), m.label, m.memo, k.name, m.created_at,
             m.modified_at
      FROM cmocs m JOIN coders k ON k.id = m.coder_id LEFT JOIN cmocs p ON p.id = m.prior_cmoc_id)" +
                         where + " ORDER BY m.id");
    bind(st);
    while (st.step()) {
      Cmoc c;
      c.id = st.i64(0);
      c.guid = st.str(1);
      fill(c.context, st.i64(2));
      fill(c.mechanism, st.i64(3));
      fill(c.outcome, st.i64(4));
      c.status = parseCmocStatus(st.view(5));
      c.priorId = st.optI64(6);
      c.priorGuid = st.str(7);
      c.label = st.str(8);
      c.memo = st.str(9);
      c.coder = st.str(10);
      c.createdAt = st.str(11);
      c.modifiedAt = st.str(12);
      out.push_back(std::move(c));
    }
  }
  if (out.empty()) return out;

  // The evidence of every matching CMOC at once; without a filter, no subquery at all. Read in
  // coding id order (a covering index) so the codings table is visited in rowid order: in CMOC
  // order the lookups jump around it and cost ten times as much on 80,000 rows. Each slot's
  // evidence therefore arrives sorted by coding id.
  std::string sql =
      "SELECT e.cmoc_id, e.slot, e.coding_id, c.code_id, c.source_id, c.start, c.end "
      "FROM cmoc_evidence e "
      "JOIN codings c ON c.id = e.coding_id";
  if (!where.empty())
    sql += " WHERE e.cmoc_id IN (SELECT m.id FROM cmocs m JOIN coders k ON k.id = m.coder_id" +
           where + ")";
  sql += " ORDER BY e.coding_id";
  // Rows are gathered flat and sorted into CMOC order, then dealt out in one sequential pass:
  // attaching each row as it comes would jump around 20,000 large Cmoc values in coding order.
  struct Row {
    std::int64_t cmoc;
    Slot slot;
    Evidence evidence;
  };
  std::vector<Row> rows;
  sql::Stmt ev(db, sql);
  if (!where.empty()) bind(ev);
  while (ev.step())
    rows.push_back({ev.i64(0), parseSlot(ev.view(1)),
                    {ev.i64(2), ev.i64(3), ev.i64(4), ev.i64(5), ev.i64(6), true}});
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
  auto found = store::loadCmocs(db, index, " WHERE m.id = ?", [id](sql::Stmt& st) { st.bind(1, id); });
  if (found.empty()) throw NotFound("no CMOC with id " + std::to_string(id));
  return std::move(found.front());
}

namespace {

// The WHERE clause (over cmocs m JOIN coders k) for a filter, and how to bind its parameters.
// A filter coder not in the project is NotFound, except the acting coder, who may simply not
// have made a CMOC yet (and so has no coders row): they see none.
struct CmocWhere {
  std::string where;
  std::function<void(sql::Stmt&)> bind;
};

CmocWhere cmocWhere(const sql::Db& db, const store::CodeIndex& index, const CmocFilter& filter,
                    const std::string& actingCoder) {
  // Each parameter as a function that binds it, in placeholder order.
  using Binder = std::function<void(sql::Stmt&, int)>;
  auto binders = std::make_shared<std::vector<Binder>>();
  auto text = [&](const std::string& v) {
    binders->push_back([v](sql::Stmt& st, int i) { st.bind(i, v); });
  };
  auto codeIds = [&](const std::vector<std::string>& names) {
    std::vector<std::int64_t> ids;
    for (const std::string& n : names) {
      ids.push_back(index.require(n));
      if (filter.withChildCodes)
        for (std::int64_t d : index.descendants(ids.back())) ids.push_back(d);
    }
    return ids;
  };
  // "(?, ?, ?)" for the ids, bound in that order.
  auto in = [&](const std::vector<std::int64_t>& ids) {
    std::string list = "(";
    for (std::int64_t id : ids) {
      list += list.size() > 1 ? ", ?" : "?";
      binders->push_back([id](sql::Stmt& st, int i) { st.bind(i, id); });
    }
    return list + ")";
  };

  std::vector<std::string> clauses;
  if (!filter.mechanisms.empty())
    clauses.push_back("m.mechanism_code_id IN " + in(codeIds(filter.mechanisms)));
  if (filter.status) {
    clauses.push_back("m.status = ?");
    text(std::string(toString(*filter.status)));
  }
  if (!filter.coders.empty()) {
    std::string list = "(";
    for (const std::string& name : filter.coders) {
      sql::Stmt st(db, "SELECT 1 FROM coders WHERE name = ?");
      st.bind(1, name);
      if (!st.step() && name != actingCoder) throw NotFound("no coder named '" + name + "'");
      list += list.size() > 1 ? ", ?" : "?";
      text(name);
    }
    clauses.push_back("k.name IN " + list + ")");
  }
  if (!filter.codes.empty()) {
    const std::vector<std::int64_t> ids = codeIds(filter.codes);
    std::string any = "(m.context_code_id IN " + in(ids);
    any += " OR m.mechanism_code_id IN " + in(ids);
    any += " OR m.outcome_code_id IN " + in(ids) + ")";
    clauses.push_back(any);
  }
  CmocWhere out;
  for (std::size_t i = 0; i < clauses.size(); ++i) out.where += (i ? " AND " : " WHERE ") + clauses[i];
  out.bind = [binders](sql::Stmt& st) {
    for (std::size_t i = 0; i < binders->size(); ++i) (*binders)[i](st, static_cast<int>(i + 1));
  };
  return out;
}

}  // namespace

std::vector<Cmoc> Cmocs::list(const CmocFilter& filter) const {
  const sql::Db& db = project_.impl().db;
  const store::CodeIndex index(db);
  const CmocWhere w = cmocWhere(db, index, filter, project_.coder());
  return store::loadCmocs(db, index, w.where, w.bind);
}

std::int64_t Cmocs::count(const CmocFilter& filter) const {
  const sql::Db& db = project_.impl().db;
  const store::CodeIndex index(db);
  const CmocWhere w = cmocWhere(db, index, filter, project_.coder());
  sql::Stmt st(db, "SELECT count(*) FROM cmocs m JOIN coders k ON k.id = m.coder_id" + w.where);
  w.bind(st);
  return st.step() ? st.i64(0) : 0;
}

}  // namespace cmoc

// The merge's id map (a temp table, so the undo session, which records `main` only, never sees
// it) and report counters.
#include "merge_run.h"

namespace cmoc::store::merge {

namespace {
const char* matchName(Match how) {
  switch (how) {
    case Match::Added: return "added";
    case Match::SameGuid: return "guid";
    case Match::SameIdentity: return "identity";
  }
  return "added";
}
}  // namespace

std::string other(const std::string& table) { return std::string(kOther) + "." + table; }

std::string localOf(const std::string& kind, const std::string& otherIdExpr) {
  // Qualified, so an outer column of the same name (codes.kind) cannot capture the lookup.
  return "(SELECT mm_.local_id FROM temp.merge_map mm_ WHERE mm_.kind = '" + kind +
         "' AND mm_.other_id = " + otherIdExpr + ")";
}

std::optional<std::int64_t> firstId(sql::Stmt& lookup, const std::string& value) {
  lookup.bind(1, value);
  std::optional<std::int64_t> id;
  if (lookup.step()) id = lookup.i64(0);
  lookup.reset();
  return id;
}

std::string localGuid(const std::string& guidExpr) {
  return "coalesce((SELECT m_.guid FROM " + other("codes") + " c_ JOIN main.codes m_ ON m_.id = " +
         localOf("code", "c_.id") + " WHERE c_.guid = " + guidExpr + "), " + guidExpr + ")";
}

void Run::map(const std::string& kind, std::int64_t otherId, std::int64_t localId, Match how) {
  sql::Stmt st(db_, "INSERT INTO temp.merge_map(kind, other_id, local_id, how) VALUES (?, ?, ?, ?)");
  st.bind(1, kind).bind(2, otherId).bind(3, localId).bind(4, matchName(how)).run();
}

std::optional<std::int64_t> Run::local(const std::string& kind,
                                       std::optional<std::int64_t> otherId) const {
  if (!otherId) return std::nullopt;
  sql::Stmt st(db_, "SELECT local_id FROM temp.merge_map WHERE kind = ? AND other_id = ?");
  st.bind(1, kind).bind(2, *otherId);
  if (!st.step()) return std::nullopt;
  return st.i64(0);
}

void Run::addMissing(const Copy& c) {
  const std::string pairs = " FROM " + other(c.table) + " o JOIN main." + c.table +
                            " m ON m.guid = o.guid";
  sql::Stmt same(db_, "INSERT INTO temp.merge_map(kind, other_id, local_id, how) SELECT ?, o.id, "
                      "m.id, 'guid'" + pairs);
  same.bind(1, c.kind).run();
  sql::Stmt insert(db_, std::string("INSERT ") + (c.orIgnore ? "OR IGNORE " : "") + "INTO main." +
                            c.table + "(" + c.columns + ") SELECT " + c.values + " FROM " +
                            other(c.table) + " o " + c.joins + " WHERE NOT EXISTS (SELECT 1 FROM "
                            "main." + c.table + " m WHERE m.guid = o.guid) ORDER BY o.id");
  insert.run();
  sql::Stmt added(db_, "INSERT OR IGNORE INTO temp.merge_map(kind, other_id, local_id, how) "
                       "SELECT ?, o.id, m.id, 'added'" + pairs);
  added.bind(1, c.kind).run();
  report_.added[c.label] += db_.changes();
}

void Run::sameIdentity(const std::string& kind, const std::string& name, const std::string& why) {
  auto [it, fresh] = identity_.try_emplace(kind, why, std::vector<std::string>{});
  if (fresh) identityKinds_.push_back(kind);
  it->second.second.push_back(name);
}

void Run::noteSameIdentity() {
  constexpr std::size_t kNamed = 10;  // a whole starter codebook in one note helps nobody
  for (const std::string& kind : identityKinds_) {
    const auto& [why, names] = identity_.at(kind);
    std::string list;
    for (std::size_t i = 0; i < names.size() && i < kNamed; ++i)
      list += (i ? ", '" : "'") + names[i] + "'";
    if (names.size() > kNamed) list += " and " + std::to_string(names.size() - kNamed) + " more";
    const bool one = names.size() == 1;
    note(std::to_string(names.size()) + " " + kind + (one ? " has" : "s have") +
         " another GUID in the other project but " + why + "; taken as the same " + kind +
         (one ? "" : "s") + ": " + list);
  }
}

void Run::added(const std::string& label, std::int64_t n) { report_.added[label] += n; }

}  // namespace cmoc::store::merge

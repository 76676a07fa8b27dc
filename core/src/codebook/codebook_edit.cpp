// Codebook: editing, moving, merging and deleting codes. Each is one undoable Action. Every
// refusal is checked here before any row changes, so a foreign key or unique index is never
// what reports a problem to the researcher: they get a sentence that says what to do instead.
#include <algorithm>

#include "backend/sqlite/action.h"
#include "backend/sqlite/cmoc_rows.h"
#include "backend/sqlite/code_uses.h"
#include "backend/sqlite/memo_rows.h"
#include "cmoc/codebook.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "code_index.h"
#include "codebook_rows.h"
#include "coding/coding_shared.h"

namespace cmoc {

namespace {

using store::CodeIndex;
using Ids = std::vector<std::int64_t>;

std::string quoted(const CodeIndex& index, std::int64_t id) {
  return "'" + index.entry(id).path + "'";
}

std::string counted(std::int64_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string joinWords(const std::vector<std::string>& parts, const std::string& last = " and ") {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i)
    out += (i == 0 ? "" : i + 1 == parts.size() ? last : ", ") + parts[i];
  return out;
}

std::string codeGuid(const sql::Db& db, std::int64_t id) { return store::CodeRows(db).guidOf(id); }

// Puts a code last under `parent`.
void placeLast(sql::Db& db, std::int64_t id, std::optional<std::int64_t> parent) {
  store::CodeRows rows(db);
  rows.place(id, parent, rows.nextSortOrder(parent), nowUtc());
}

std::optional<std::int64_t> childNamed(const sql::Db& db, std::optional<std::int64_t> parent,
                                       const std::string& name) {
  const auto same = store::CodeRows(db).siblingNamed(parent, name);
  return same ? std::optional(same->id) : std::nullopt;
}

std::string placeOf(const CodeIndex& index, std::optional<std::int64_t> parent) {
  return parent ? "under " + quoted(index, *parent) : "at the top level";
}

// Sibling names are unique (the schema's index says so too, in SQLite's words).
void requireFreeName(const sql::Db& db, const CodeIndex& index, std::optional<std::int64_t> parent,
                     const std::string& name, std::int64_t self) {
  const auto other = childNamed(db, parent, name);
  if (other && *other != self)
    throw UsageError("a code named '" + name + "' already exists " + placeOf(index, parent));
}

std::int64_t countCodings(const sql::Db& db, std::int64_t code) {
  const auto tally =
      store::CodingQueries(db).countPer({.codeIds = {code}}, store::CodingGroup::Code);
  return tally.empty() ? 0 : tally.front().codings;
}

// Why CMOCs stop `codes` from going away: "CMOC 3 has 'Trust' as its mechanism", and with
// `evidence`, "CMOC 4 cites a coding of 'Trust'" (deleting codings would strip its support).
std::vector<std::string> cmocBlockers(const sql::Db& db, const CodeIndex& index, const Ids& codes,
                                      bool evidence) {
  std::vector<std::string> out;
  store::CodeUses uses(db);
  for (const store::SlotUse& u : uses.inSlots(codes))
    out.push_back("CMOC " + std::to_string(u.cmocId) + " has " + quoted(index, u.codeId) +
                  " as its " + u.slot);
  if (evidence)
    for (const store::EvidenceUse& u : uses.asEvidence(codes))
      out.push_back("CMOC " + std::to_string(u.cmocId) + " cites a coding of " +
                    quoted(index, u.codeId));
  return out;
}

std::string withReason(std::string detailJson, const std::string& reason) {
  detailJson.pop_back();  // the closing brace
  return detailJson + ", \"reason\": " + jsonString(reason) + "}";
}

// Gives `from`'s codings to `into`. A coding that would duplicate one `into` already has (same
// source, coder and span) is dropped instead, its CMOC evidence carried over, so counts of
// codings and support are not inflated by the move. Returns the number moved.
std::int64_t moveCodings(store::Action& action, const CodeIndex& index, std::int64_t from,
                         std::int64_t into) {
  sql::Db& db = action.db();
  const store::CodingSelection ofFrom{.codeIds = {from}};
  store::CodingQueries queries(db);
  store::CodingRows codings(db);
  store::CmocRows cmocs(db);
  for (const store::CodingTwin& t : queries.twins(ofFrom, {.codeId = into})) {
    cmocs.carryEvidence(t.id, t.twinId);
    const CodingRecord r = store::toRecord(*queries.byId(t.id), index);
    codings.remove(t.id);
    action.audit("delete-coding", "coding", r.guid,
                 withReason(store::codingAuditJson(r),
                            "same span as a coding of " + index.entry(into).path));
  }
  return codings.recode(ofFrom, into, nowUtc());
}

// Memos on a code are about that code, so they go with it (undo brings them back).
void deleteCode(store::Action& action, const CodeIndex& index, std::int64_t id,
                const std::string& reason) {
  const std::string guid = codeGuid(action.db(), id);
  store::MemoRows(action.db()).removeOn("code", guid);
  store::CodeRows(action.db()).remove(id);
  action.audit("delete-code", "code", guid,
               withReason("{\"path\": " + jsonString(index.entry(id).path) + "}", reason));
}

// Sub-codes of `from` join `into`; a sub-code whose name `into` already has merges into that
// one in turn, so merging two branches of the same shape keeps one branch.
void mergeInto(store::Action& action, const CodeIndex& index, std::int64_t from,
               std::int64_t into) {
  sql::Db& db = action.db();
  // Re-read until empty: merging "P/A" into "P" merges "P/A/A" into "P/A" itself, which hands
  // "P/A" new children on the way.
  store::CodeRows rows(db);
  for (Ids kids = rows.childrenOf(from); !kids.empty(); kids = rows.childrenOf(from)) {
    for (std::int64_t child : kids) {
      const std::string& name = index.entry(child).name;
      if (auto same = childNamed(db, into, name)) {
        mergeInto(action, index, child, *same);
        continue;
      }
      placeLast(db, child, into);
    }
  }
  const std::int64_t codings = moveCodings(action, index, from, into);
  const std::int64_t slots = store::CmocRows(db).replaceCode(from, into, nowUtc());
  const std::string fromGuid = codeGuid(db, from);
  store::MemoRows(db).retarget("code", fromGuid, codeGuid(db, into));
  rows.remove(from);
  action.audit("merge-code", "code", fromGuid,
               "{\"from\": " + jsonString(index.entry(from).path) +
                   ", \"into\": " + jsonString(index.entry(into).path) + ", \"codings\": " +
                   std::to_string(codings) + ", \"cmoc_slots\": " + std::to_string(slots) + "}");
}

bool contains(const Ids& ids, std::int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

Code Codebook::edit(std::string_view code, const CodeEdit& ch) {
  store::Action action(project_.impl(), "edit code " + std::string(code));
  const CodeIndex index(action.db());
  const std::int64_t id = index.require(code);
  Code c = get(id);
  std::vector<std::string> changed;
  auto set = [&](const std::optional<std::string>& value, std::string& field, const char* what) {
    if (value && *value != field) {
      field = *value;
      changed.push_back(what);
    }
  };
  if (ch.name && *ch.name != c.name) {
    store::validateCodeName(*ch.name);
    requireFreeName(action.db(), index, c.parentId, *ch.name, id);
  }
  set(ch.name, c.name, "name");
  if (ch.color) store::validateColor(*ch.color);
  set(ch.color, c.color, "color");
  set(ch.definition, c.definition, "definition");
  set(ch.inclusion, c.inclusion, "inclusion");
  set(ch.exclusion, c.exclusion, "exclusion");
  set(ch.memo, c.memo, "memo");
  if (ch.kind && *ch.kind != c.kind) {
    c.kind = *ch.kind;
    changed.push_back("kind");
  }
  if (ch.origin && *ch.origin != c.origin) {
    c.origin = *ch.origin;
    changed.push_back("origin");
  }
  if (changed.empty()) return c;  // nothing to record; the Action rolls back empty
  store::CodeRow row = store::editableColumns(c);
  row.id = id;
  row.createdAt = c.createdAt;
  row.modifiedAt = nowUtc();
  store::CodeRows(action.db()).update(row);
  std::string fields;
  for (const auto& f : changed) fields += (fields.empty() ? "" : ", ") + jsonString(f);
  action.audit("edit-code", "code", c.guid,
               "{\"path\": " + jsonString(c.path) + ", \"changed\": [" + fields + "]}");
  action.commit();
  return get(id);
}

Code Codebook::move(std::string_view code, std::optional<std::string_view> newParent) {
  store::Action action(project_.impl(), "move code " + std::string(code));
  const CodeIndex index(action.db());
  const std::int64_t id = index.require(code);
  std::optional<std::int64_t> parent;
  if (newParent && !newParent->empty()) parent = index.require(*newParent);
  if (parent == id) throw UsageError("cannot move " + quoted(index, id) + " under itself");
  if (parent && contains(index.descendants(id), *parent))
    throw UsageError("cannot move " + quoted(index, id) + " under " + quoted(index, *parent) +
                     ": that is one of its own sub-codes");
  const CodeIndex::Entry& e = index.entry(id);
  if (parent == e.parent) return get(id);  // already there; keep its place among siblings
  requireFreeName(action.db(), index, parent, e.name, id);
  placeLast(action.db(), id, parent);
  const std::string to =
      (parent ? index.entry(*parent).path + "/" : "") + store::escapeSegment(e.name);
  action.audit("move-code", "code", codeGuid(action.db(), id),
               "{\"from\": " + jsonString(e.path) + ", \"to\": " + jsonString(to) + "}");
  action.commit();
  return get(id);
}

Code Codebook::merge(std::string_view from, std::string_view into) {
  store::Action action(project_.impl(),
                       "merge code " + std::string(from) + " into " + std::string(into));
  const CodeIndex index(action.db());
  const std::int64_t fromId = index.require(from), intoId = index.require(into);
  if (fromId == intoId) throw UsageError("cannot merge " + quoted(index, fromId) + " into itself");
  if (contains(index.descendants(fromId), intoId))
    throw UsageError("cannot merge " + quoted(index, fromId) + " into " + quoted(index, intoId) +
                     ": that is one of its own sub-codes");
  mergeInto(action, index, fromId, intoId);
  action.commit();
  return get(intoId);
}

void Codebook::remove(std::string_view code, DeleteMode mode) {
  store::Action action(project_.impl(), "delete code " + std::string(code));
  sql::Db& db = action.db();
  const CodeIndex index(db);
  const std::int64_t id = index.require(code);
  const CodeIndex::Entry& e = index.entry(id);
  const std::string name = quoted(index, id);

  if (mode == DeleteMode::WithCodings) {
    Ids all = index.descendants(id);
    all.insert(all.begin(), id);
    if (auto b = cmocBlockers(db, index, all, true); !b.empty())
      throw UsageError("cannot delete " + name + " with its codings: " + joinWords(b) +
                       "; change or delete those CMOCs first");
    const store::CodingSelection withCodes{.codeIds = all};
    store::CodingQueries(db).each(
        withCodes, store::CodingOrder::ById, [&](const store::CodingListRow& row) {
          const CodingRecord r = store::toRecord(row, index);
          action.audit("delete-coding", "coding", r.guid,
                       withReason(store::codingAuditJson(r), "deleted with code " + e.path));
        });
    store::CodingRows(db).removeAll(withCodes);
    // Deepest first: a code's parent row must outlive it (parent_id is ON DELETE RESTRICT).
    for (auto it = all.rbegin(); it != all.rend(); ++it)
      deleteCode(action, index, *it, "deleted with code " + e.path + " and its codings");
    action.commit();
    return;
  }

  if (auto b = cmocBlockers(db, index, {id}, false); !b.empty())
    throw UsageError("cannot delete " + name + ": " + joinWords(b) +
                     "; merge it into another code, or change those CMOCs first");
  const Ids children = store::CodeRows(db).childrenOf(id);
  const std::int64_t codings = countCodings(db, id);

  if (mode == DeleteMode::Refuse && (!children.empty() || codings > 0)) {
    std::vector<std::string> has;
    if (!children.empty())
      has.push_back(counted(static_cast<std::int64_t>(children.size()), "sub-code"));
    if (codings > 0) has.push_back(counted(codings, "coding"));
    const std::string what = joinWords(has);
    const std::string them =
        static_cast<std::int64_t>(children.size()) + codings == 1 ? "it" : "them";
    if (!e.parent && codings > 0)
      throw UsageError("cannot delete " + name + ": it has " + what + "; use --with-codings to " +
                       "delete " + them + " too, or merge it into another code (a top-level " +
                       "code has no parent to move codings to)");
    throw UsageError("cannot delete " + name + ": it has " + what + "; use --move-up to move " +
                     them + " to " + (e.parent ? quoted(index, *e.parent) : "the top level") +
                     ", or --with-codings to delete " + them + " too");
  }

  if (mode == DeleteMode::MoveUp) {
    if (!e.parent && codings > 0)
      throw UsageError("cannot move the codings of " + name + " up: it is a top-level code, so " +
                       "they have nowhere to go; merge it into another code, or use " +
                       "--with-codings to delete them");
    bool clashesWithSelf = false;
    for (std::int64_t child : children) {
      const auto same = childNamed(db, e.parent, index.entry(child).name);
      if (same == id)
        clashesWithSelf = true;
      else if (same)
        throw UsageError("cannot move the sub-codes of " + name + " up: a code named '" +
                         index.entry(child).name + "' already exists " + placeOf(index, e.parent) +
                         "; rename or merge one of them first");
    }
    // "A/B/B" losing its middle: the code steps aside so its namesake child can take its place.
    if (clashesWithSelf) store::CodeRows(db).stepAside(id);
    if (e.parent) moveCodings(action, index, id, *e.parent);
    for (std::int64_t child : children) placeLast(db, child, e.parent);
  }
  deleteCode(action, index, id,
             mode == DeleteMode::MoveUp ? "sub-codes and codings moved up" : "deleted");
  action.commit();
}

}  // namespace cmoc

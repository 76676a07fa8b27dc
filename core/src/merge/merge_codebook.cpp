// Merge steps for coders and the codebook. A coder or code the other project made separately
// (another GUID) but with the same name, or the same name under the same parent, is the same
// thing to a researcher: "Trust" from the starter codebook in both copies must not become two
// codes. REFI-QDA import decides codes the same way (CodeRows::siblingNamed).
#include <map>
#include <optional>

#include "backend/sqlite/code_rows.h"
#include "merge_run.h"

namespace cmoc::store::merge {

void mergeCoders(Run& run) {
  sql::Db& db = run.db();
  sql::Stmt theirs(db,
                   "SELECT id, guid, name, created_at FROM " + other("coders") + " ORDER BY id");
  sql::Stmt byGuid(db, "SELECT id FROM main.coders WHERE guid = ?");
  sql::Stmt byName(db, "SELECT id FROM main.coders WHERE name = ?");
  sql::Stmt insert(db, "INSERT INTO main.coders(guid, name, created_at) VALUES (?, ?, ?)");
  while (theirs.step()) {
    const std::int64_t otherId = theirs.i64(0);
    const std::string guid = theirs.str(1), name = theirs.str(2);
    if (auto id = firstId(byGuid, guid)) {
      run.map("coder", otherId, *id, Match::SameGuid);
      continue;
    }
    if (auto id = firstId(byName, name)) {
      run.map("coder", otherId, *id, Match::SameIdentity);
      run.sameIdentity("coder", name, "the same name");
      continue;
    }
    insert.bind(1, guid).bind(2, name).bind(3, theirs.str(3)).run();
    run.map("coder", otherId, db.lastInsertId(), Match::Added);
    run.added("coders", 1);
  }
}

void mergeCodes(Run& run) {
  sql::Db& db = run.db();
  // Parents before children, so each code's parent is mapped when the code is reached.
  sql::Stmt theirs(db, "WITH RECURSIVE tree(id, depth) AS (SELECT id, 0 FROM " + other("codes") +
                           " WHERE parent_id IS NULL UNION ALL SELECT c.id, tree.depth + 1 FROM " +
                           other("codes") +
                           " c JOIN tree ON c.parent_id = tree.id) "
                           "SELECT c.id, c.guid, c.parent_id, c.name FROM tree JOIN " +
                           other("codes") +
                           " c ON c.id = tree.id ORDER BY tree.depth, "
                           "c.sort_order, c.id");
  CodeRows ours(db), source(db, kOther);
  // Asked once per parent, as REFI-QDA import does: parent_id has no index, so asking for every
  // code scanned the codebook once per code.
  std::map<std::optional<std::int64_t>, std::int64_t> nextSortOrder;
  while (theirs.step()) {
    const std::int64_t otherId = theirs.i64(0);
    const std::string name = theirs.str(3);
    if (auto id = ours.idOfGuid(theirs.str(1))) {
      run.map("code", otherId, *id, Match::SameGuid);
      continue;
    }
    const std::optional<std::int64_t> parent = run.local("code", theirs.optI64(2));
    if (auto same = ours.siblingNamed(parent, name)) {
      run.map("code", otherId, same->id, Match::SameIdentity);
      run.sameIdentity("code", name, "the same name under the same parent");
      continue;
    }
    auto [next, fresh] = nextSortOrder.try_emplace(parent, 0);
    if (fresh) next->second = ours.nextSortOrder(parent);
    // Their row as it is (GUID, texts, times), placed under our parent at the end.
    CodeRow row = *source.byId(otherId);
    row.parentId = parent;
    row.sortOrder = next->second++;
    run.map("code", otherId, ours.insert(row), Match::Added);
    run.added("codes", 1);
  }
}

}  // namespace cmoc::store::merge

// Codebook: the order of sibling codes (drag to reorder in the tree), one undoable Action.
#include <algorithm>

#include "backend/sqlite/action.h"
#include "cmoc/codebook.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "code_index.h"
#include "codebook_rows.h"

namespace cmoc {

Code Codebook::moveBefore(std::string_view code, std::optional<std::string_view> sibling) {
  store::Action action(project_.impl(), "reorder code " + std::string(code));
  sql::Db& db = action.db();
  const store::CodeIndex index(db);
  const std::int64_t id = index.require(code);
  const store::CodeIndex::Entry& e = index.entry(id);
  std::optional<std::int64_t> before;
  if (sibling) before = index.require(*sibling);
  if (before == id) return get(id);
  const std::optional<std::int64_t> parent = before ? index.entry(*before).parent : e.parent;
  const std::vector<std::int64_t> below = index.descendants(id);
  if (parent && (*parent == id || std::find(below.begin(), below.end(), *parent) != below.end()))
    throw UsageError("cannot move '" + e.path + "' among its own sub-codes");
  if (parent != e.parent) {
    for (std::int64_t other : index.children(parent))
      if (index.entry(other).name == e.name)
        throw UsageError("a code named '" + e.name + "' already exists under '" +
                         (parent ? index.entry(*parent).path : std::string("the top level")) + "'");
  }
  std::vector<std::int64_t> order = index.children(parent);
  order.erase(std::remove(order.begin(), order.end(), id), order.end());
  order.insert(before ? std::find(order.begin(), order.end(), *before) : order.end(), id);
  if (parent == e.parent && order == index.children(parent))
    return get(id);  // already in that place; the Action rolls back empty
  store::CodeRows rows(db);
  const std::string now = nowUtc();
  for (std::size_t i = 0; i < order.size(); ++i) {
    const store::CodeIndex::Entry& s = index.entry(order[i]);
    if (s.sortOrder == static_cast<std::int64_t>(i) && s.parent == parent) continue;
    rows.place(order[i], parent, static_cast<std::int64_t>(i), now);
  }
  action.audit("reorder-code", "code", rows.guidOf(id),
               "{\"path\": " + jsonString(e.path) + ", \"before\": " +
                   (before ? jsonString(index.entry(*before).path) : std::string("null")) +
                   "}");
  action.commit();
  return get(id);
}

}  // namespace cmoc

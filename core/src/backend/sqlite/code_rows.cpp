#include "code_rows.h"

namespace cmoc::store {

namespace {

constexpr const char* kColumns =
    "id, guid, parent_id, name, kind, definition, inclusion, exclusion, ifnull(color, '') AS "
    "color, "
    "origin, memo, sort_order, created_at, modified_at";

CodeRow read(const sql::Stmt& st) {
  CodeRow r;
  r.id = st.i64("id");
  r.guid = st.str("guid");
  r.parentId = st.optI64("parent_id");
  r.name = st.str("name");
  r.kind = st.str("kind");
  r.definition = st.str("definition");
  r.inclusion = st.str("inclusion");
  r.exclusion = st.str("exclusion");
  r.color = st.str("color");
  r.origin = st.str("origin");
  r.memo = st.str("memo");
  r.sortOrder = st.i64("sort_order");
  r.createdAt = st.str("created_at");
  r.modifiedAt = st.str("modified_at");
  return r;
}

}  // namespace

sql::Stmt& CodeRows::prepared(std::optional<sql::Stmt>& slot, const std::string& sql) {
  if (!slot) slot.emplace(db_, sql);
  return *slot;
}

std::optional<CodeRow> CodeRows::byId(std::int64_t id) {
  sql::Stmt& st =
      prepared(byId_, std::string("SELECT ") + kColumns + " FROM " + table_ + " WHERE id = ?");
  st.bind(1, id);
  std::optional<CodeRow> row;
  if (st.step()) row = read(st);
  st.reset();
  return row;
}

std::vector<CodeRow> CodeRows::all() {
  sql::Stmt st(db_, std::string("SELECT ") + kColumns + " FROM " + table_);
  std::vector<CodeRow> rows;
  while (st.step()) rows.push_back(read(st));
  return rows;
}

void CodeRows::each(const std::function<void(const CodeRow&)>& f) {
  sql::Stmt st(db_, std::string("SELECT ") + kColumns + " FROM " + table_ + " ORDER BY id");
  while (st.step()) f(read(st));
}

bool CodeRows::any() {
  sql::Stmt st(db_, "SELECT EXISTS (SELECT 1 FROM " + table_ + ")");
  return st.step() && st.i64(0) != 0;
}

void CodeRows::eachOutline(const std::function<void(const CodeOutline&)>& f) {
  sql::Stmt st(db_, "SELECT id, parent_id, name, kind, sort_order FROM " + table_);
  while (st.step())
    f({st.i64("id"), st.optI64("parent_id"), st.str("name"), st.str("kind"), st.i64("sort_order")});
}

void CodeRows::eachParentsFirst(const std::function<void(const CodeRow&)>& f) {
  sql::Stmt st(db_, "WITH RECURSIVE tree(id, depth) AS (SELECT id, 0 FROM " + table_ +
                        " WHERE parent_id IS NULL UNION ALL SELECT c.id, tree.depth + 1 FROM " +
                        table_ + " c JOIN tree ON c.parent_id = tree.id) SELECT " + kColumns +
                        " FROM tree JOIN " + table_ +
                        " USING (id) ORDER BY tree.depth, sort_order, id");
  while (st.step()) f(read(st));
}

std::optional<std::int64_t> CodeRows::idOfGuid(const std::string& guid) {
  sql::Stmt& st = prepared(byGuid_, "SELECT id FROM " + table_ + " WHERE guid = ?");
  st.bind(1, guid);
  std::optional<std::int64_t> id;
  if (st.step()) id = st.i64(0);
  st.reset();
  return id;
}

std::optional<CodeRef> CodeRows::siblingNamed(std::optional<std::int64_t> parent,
                                              const std::string& name) {
  sql::Stmt& st = prepared(
      sibling_, "SELECT id, guid FROM " + table_ + " WHERE ifnull(parent_id, 0) = ? AND name = ?");
  st.bind(1, parent.value_or(0)).bind(2, name);
  std::optional<CodeRef> ref;
  if (st.step()) ref = CodeRef{st.i64("id"), st.str("guid")};
  st.reset();
  return ref;
}

std::int64_t CodeRows::nextSortOrder(std::optional<std::int64_t> parent) {
  sql::Stmt& st = prepared(
      order_, "SELECT ifnull(max(sort_order), -1) + 1 FROM " + table_ + " WHERE parent_id IS ?");
  st.bind(1, parent);
  st.step();
  const std::int64_t next = st.i64(0);
  st.reset();
  return next;
}

std::int64_t CodeRows::insert(const CodeRow& r) {
  sql::Stmt& st = prepared(insert_, "INSERT INTO " + table_ + R"((guid, parent_id, name, kind,
      definition, inclusion, exclusion, color, origin, memo, sort_order, created_at, modified_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, nullif(?, ''), ?, ?, ?, ?, ?))");
  st.bind(1, r.guid).bind(2, r.parentId).bind(3, r.name).bind(4, r.kind);
  st.bind(5, r.definition).bind(6, r.inclusion).bind(7, r.exclusion).bind(8, r.color);
  st.bind(9, r.origin).bind(10, r.memo).bind(11, r.sortOrder);
  st.bind(12, r.createdAt).bind(13, r.modifiedAt);
  try {
    st.run();
  } catch (...) {
    st.reset();
    throw;
  }
  return db_.lastInsertId();
}

std::string CodeRows::guidOf(std::int64_t id) {
  sql::Stmt& st = prepared(guidOf_, "SELECT guid FROM " + table_ + " WHERE id = ?");
  st.bind(1, id);
  std::string guid;
  if (st.step()) guid = st.str("guid");
  st.reset();
  return guid;
}

std::vector<std::int64_t> CodeRows::childrenOf(std::int64_t id) {
  sql::Stmt& st = prepared(
      children_, "SELECT id FROM " + table_ + " WHERE parent_id = ? ORDER BY sort_order, name");
  st.bind(1, id);
  std::vector<std::int64_t> out;
  while (st.step()) out.push_back(st.i64("id"));
  st.reset();
  return out;
}

void CodeRows::place(std::int64_t id, std::optional<std::int64_t> parent, std::int64_t sortOrder,
                     const std::string& modifiedAt) {
  prepared(place_,
           "UPDATE " + table_ + " SET parent_id = ?, sort_order = ?, modified_at = ? WHERE id = ?")
      .bind(1, parent)
      .bind(2, sortOrder)
      .bind(3, modifiedAt)
      .bind(4, id)
      .run();
}

void CodeRows::update(const CodeRow& r) {
  sql::Stmt& st = prepared(update_, "UPDATE " + table_ + R"( SET name = ?, kind = ?,
      definition = ?, inclusion = ?, exclusion = ?, color = nullif(?, ''), origin = ?, memo = ?,
      created_at = ?, modified_at = ? WHERE id = ?)");
  st.bind(1, r.name).bind(2, r.kind).bind(3, r.definition).bind(4, r.inclusion);
  st.bind(5, r.exclusion).bind(6, r.color).bind(7, r.origin).bind(8, r.memo);
  st.bind(9, r.createdAt).bind(10, r.modifiedAt).bind(11, r.id).run();
}

void CodeRows::stepAside(std::int64_t id) {
  sql::Stmt st(db_, "UPDATE " + table_ + " SET name = guid WHERE id = ?");
  st.bind(1, id).run();
}

void CodeRows::remove(std::int64_t id) {
  sql::Stmt st(db_, "DELETE FROM " + table_ + " WHERE id = ?");
  st.bind(1, id).run();
}

std::int64_t SortOrders::next(std::optional<std::int64_t> parent) {
  // Every parent's next sort order in one pass over the codebook, the first time one is asked:
  // a parent the pass did not see has no children yet, including those made since.
  if (!loaded_) {
    sql::Stmt all(db_, "SELECT parent_id, max(sort_order) + 1 FROM codes GROUP BY parent_id");
    while (all.step()) next_[all.optI64(0)] = all.i64(1);
    loaded_ = true;
  }
  return next_.try_emplace(parent, 0).first->second++;
}

}  // namespace cmoc::store

#include "coder_rows.h"

namespace cmoc::store {

namespace {

constexpr const char* kSelect = "SELECT id, guid, name, created_at FROM coders";

CoderRow read(const sql::Stmt& st) {
  return {st.i64("id"), st.str("guid"), st.str("name"), st.str("created_at")};
}

}  // namespace

void CoderRows::each(const std::function<void(const CoderRow&)>& f) {
  eachRow(st_(std::string(kSelect) + " ORDER BY id"), read, f);
}

std::optional<CoderRow> CoderRows::byId(std::int64_t id) {
  return firstRow(st_(std::string(kSelect) + " WHERE id = ?").bind(1, id), read);
}

std::optional<std::int64_t> CoderRows::idOfGuid(const std::string& guid) {
  return firstI64(st_("SELECT id FROM coders WHERE guid = ?").bind(1, guid));
}

std::optional<std::int64_t> CoderRows::idOfName(const std::string& name) {
  return firstI64(st_("SELECT id FROM coders WHERE name = ?").bind(1, name));
}

std::int64_t CoderRows::insert(const CoderRow& r) {
  st_("INSERT INTO coders(guid, name, created_at) VALUES (?, ?, ?)")
      .bind(1, r.guid)
      .bind(2, r.name)
      .bind(3, r.createdAt)
      .run();
  return st_.db().lastInsertId();
}

}  // namespace cmoc::store

#include "statements.h"

namespace cmoc::store {

sql::Stmt& Statements::operator()(const std::string& sql) {
  std::unique_ptr<sql::Stmt>& slot = kept_[sql];
  if (!slot) slot = std::make_unique<sql::Stmt>(db_, sql);
  return *slot;
}

std::optional<std::int64_t> firstI64(sql::Stmt& st) {
  return firstRow(st, [](const sql::Stmt& s) { return s.i64(0); });
}

bool insertedRow(sql::Stmt& st) {
  st.run();
  return st.db().changes() > 0;
}

std::string jsonIds(const std::vector<std::int64_t>& ids) {
  std::string json = "[";
  for (std::int64_t id : ids) json += (json.size() > 1 ? "," : "") + std::to_string(id);
  return json + "]";
}

}  // namespace cmoc::store

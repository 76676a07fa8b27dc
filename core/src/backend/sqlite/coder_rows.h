#pragma once
// The `coders` table's gateway. Names are unique, so a coder is found by GUID or by name.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "statements.h"

namespace cmoc::store {

struct CoderRow {
  std::int64_t id = 0;  // ignored by insert
  std::string guid, name, createdAt;
};

class CoderRows {
 public:
  explicit CoderRows(const sql::Db& db) : st_(db) {}
  void each(const std::function<void(const CoderRow&)>& f);  // by id
  std::optional<CoderRow> byId(std::int64_t id);
  std::optional<std::int64_t> idOfGuid(const std::string& guid);
  std::optional<std::int64_t> idOfName(const std::string& name);
  std::int64_t insert(const CoderRow& row);

 private:
  Statements st_;
};

}  // namespace cmoc::store

#pragma once
// The `project_meta` table's gateway: the project's name, description, GUID and creation time
// as key and value. Not undoable (Action skips it), so only a new project's import writes it.
#include <string>

#include "statements.h"

namespace cmoc::store {

class ProjectMetaRows {
 public:
  explicit ProjectMetaRows(const sql::Db& db) : st_(db) {}
  std::string value(const std::string& key);  // "" when absent
  // Sets `key` unless it has a value already.
  void insertIfAbsent(const std::string& key, const std::string& value);

 private:
  Statements st_;
};

}  // namespace cmoc::store

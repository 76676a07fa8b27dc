#include "project_meta_rows.h"

namespace cmoc::store {

std::string ProjectMetaRows::value(const std::string& key) {
  return firstRow(st_("SELECT value FROM project_meta WHERE key = ?").bind(1, key),
                  [](const sql::Stmt& s) { return s.str("value"); })
      .value_or(std::string());
}

void ProjectMetaRows::insertIfAbsent(const std::string& key, const std::string& value) {
  st_("INSERT OR IGNORE INTO project_meta(key, value) VALUES (?, ?)").bind(1, key).bind(2, value).run();
}

}  // namespace cmoc::store

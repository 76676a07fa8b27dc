#include "other_project.h"

#include <sqlite3.h>

#include <cctype>
#include <cstdio>

namespace cmoc::store {

namespace {

constexpr int kBusyTimeoutMs = 10000;

// An absolute file: URI with mode=ro: SQLite then refuses any write to it, whatever a bug in
// the merge might try.
std::string readOnlyUri(const std::filesystem::path& file) {
  std::string out = "file:";
  for (unsigned char c : std::filesystem::absolute(file).lexically_normal().string()) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out + "?mode=ro";
}

}  // namespace

OtherProject::OtherProject(const std::filesystem::path& file)
    : db_(readOnlyUri(file), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI) {
  sqlite3_busy_timeout(db_.handle(), kBusyTimeoutMs);
  db_.exec("BEGIN");
}

OtherProject::~OtherProject() { db_.execNoThrow("ROLLBACK"); }

std::string OtherProject::guid() const {
  sql::Stmt st(db_, "SELECT value FROM project_meta WHERE key = 'guid'");
  return st.step() ? st.str("value") : std::string();
}

}  // namespace cmoc::store

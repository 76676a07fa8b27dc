#include "sqlite.h"

#include <sqlite3.h>

#include "cmoc/error.h"
#include "storage_error.h"

namespace cmoc::sql {

Db::Db(const std::string& path, int flags) {
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw ProjectError("cannot open " + path + ": " + msg);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Db::~Db() {
  if (db_) sqlite3_close_v2(db_);
}

Db& Db::operator=(Db&& o) noexcept {
  if (this != &o) {
    if (db_) sqlite3_close_v2(db_);
    db_ = o.db_;
    o.db_ = nullptr;
  }
  return *this;
}

void Db::fail(const std::string& what) const {
  throwSqliteError(db_, sqlite3_extended_errcode(db_), what, sqlite3_errmsg(db_));
}

void Db::execNoThrow(const std::string& sql) noexcept {
  sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
}

std::int64_t Db::lastInsertId() const { return sqlite3_last_insert_rowid(db_); }
int Db::changes() const { return sqlite3_changes(db_); }

void Db::exec(const std::string& sql) {
  char* err = nullptr;
  if (const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err); rc != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throwSqliteError(db_, sqlite3_extended_errcode(db_), "database error", msg);
  }
}

Stmt::Stmt(const Db& db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                         SQLITE_PREPARE_PERSISTENT, &st_, nullptr) != SQLITE_OK)
    db.fail("cannot prepare statement");
}

Stmt::~Stmt() { sqlite3_finalize(st_); }

Stmt& Stmt::bind(int i, std::int64_t v) {
  if (sqlite3_bind_int64(st_, i, v) != SQLITE_OK) db_.fail("bind");
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  if (sqlite3_bind_double(st_, i, v) != SQLITE_OK) db_.fail("bind");
  return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
  if (sqlite3_bind_text64(st_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK)
    db_.fail("bind");
  return *this;
}
Stmt& Stmt::bindNoCopy(int i, std::string_view v) {
  if (sqlite3_bind_text64(st_, i, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8) != SQLITE_OK)
    db_.fail("bind");
  return *this;
}
Stmt& Stmt::bindNull(int i) {
  if (sqlite3_bind_null(st_, i) != SQLITE_OK) db_.fail("bind");
  return *this;
}

Stmt& Stmt::bindBlob(int i, const void* data, int size) {
  if (sqlite3_bind_blob(st_, i, data, size, SQLITE_TRANSIENT) != SQLITE_OK) db_.fail("bind");
  return *this;
}

std::string Stmt::blob(int col) const {
  const void* p = sqlite3_column_blob(st_, col);
  return p ? std::string(static_cast<const char*>(p),
                         static_cast<std::size_t>(sqlite3_column_bytes(st_, col)))
           : std::string();
}

bool Stmt::step() {
  int rc = sqlite3_step(st_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail("database error");
}

void Stmt::run() {
  // Reset on failure too, so a kept statement that hit a constraint can be bound again.
  try {
    while (step()) {
    }
  } catch (...) {
    reset();
    throw;
  }
  reset();
}

void Stmt::reset() {
  sqlite3_reset(st_);
  sqlite3_clear_bindings(st_);
}

std::int64_t Stmt::i64(int col) const { return sqlite3_column_int64(st_, col); }
double Stmt::f64(int col) const { return sqlite3_column_double(st_, col); }
bool Stmt::isNull(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }

int Stmt::column(std::string_view name) const {
  const int n = sqlite3_column_count(st_);
  for (int i = 0; i < n; ++i)
    if (name == sqlite3_column_name(st_, i)) return i;
  throw Error("internal error: no column '" + std::string(name) + "' in " + sqlite3_sql(st_));
}

std::string Stmt::str(int col) const { return std::string(view(col)); }

std::string_view Stmt::view(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
  if (!p) return {};
  return {p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col))};
}

Transaction::Transaction(Db& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) db_.execNoThrow("ROLLBACK");
}

void Transaction::commit() {
  if (done_) throw Error("internal error: a transaction was committed twice");
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace cmoc::sql

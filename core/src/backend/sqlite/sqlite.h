#pragma once
// Thin RAII wrapper over the SQLite C API, private to core's store. Errors become cmoc::Error
// with SQLite's message; destructors never throw.
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cmoc::sql {

class Db {
 public:
  Db() = default;
  Db(const std::string& path, int flags);
  ~Db();
  Db(Db&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Db& operator=(Db&& o) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  sqlite3* handle() const { return db_; }
  void exec(const std::string& sql);
  std::int64_t lastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  [[noreturn]] void fail(const std::string& what) const;

 private:
  sqlite3* db_ = nullptr;
};

class Stmt {
 public:
  Stmt(const Db& db, std::string_view sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // Binding is 1-based like SQLite's; returns *this to chain.
  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bindNull(int i);
  Stmt& bindBlob(int i, const void* data, int size);
  template <class T>
  Stmt& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bindNull(i);
  }

  bool step();  // true while a row is available
  void run();   // step a statement that returns no rows
  void reset();

  std::int64_t i64(int col) const { return sqlite3_column_int64(st_, col); }
  double f64(int col) const { return sqlite3_column_double(st_, col); }
  std::string str(int col) const;
  std::string blob(int col) const;
  std::string_view view(int col) const;  // valid until the next step/reset
  bool isNull(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
  std::optional<std::int64_t> optI64(int col) const {
    return isNull(col) ? std::nullopt : std::optional<std::int64_t>(i64(col));
  }

 private:
  const Db& db_;
  sqlite3_stmt* st_ = nullptr;
};

// BEGIN IMMEDIATE on construction (so concurrent writers wait on busy_timeout rather than
// fail mid-transaction); ROLLBACK on destruction unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Db& db_;
  bool done_ = false;
};

}  // namespace cmoc::sql

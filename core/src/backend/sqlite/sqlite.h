#pragma once
// Thin RAII wrapper over the SQLite C API, private to core's backend. Errors become cmoc::Error
// with SQLite's message; destructors never throw. The SQLite types are only declared here, so
// code that includes this header cannot call SQLite itself (docs/ARCHITECTURE.md).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;
struct sqlite3_blob;
struct sqlite3_session;
struct fts5_api;

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
  // For destructors that undo a setting or drop a temporary: failures are ignored, never thrown.
  void execNoThrow(const std::string& sql) noexcept;
  std::int64_t lastInsertId() const;
  int changes() const;
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
  // Binds text SQLite reads in place, for a large value: it must outlive every run() and step().
  Stmt& bindNoCopy(int i, std::string_view v);
  Stmt& bindNull(int i);
  Stmt& bindBlob(int i, const void* data, int size);
  template <class T>
  Stmt& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bindNull(i);
  }

  bool step();  // true while a row is available
  void run();   // step a statement that returns no rows; reset afterwards, failed or not
  void reset();

  std::int64_t i64(int col) const;
  double f64(int col) const;
  std::string str(int col) const;
  std::string blob(int col) const;
  std::string_view view(int col) const;  // valid until the next step/reset
  bool isNull(int col) const;
  std::optional<std::int64_t> optI64(int col) const {
    return isNull(col) ? std::nullopt : std::optional<std::int64_t>(i64(col));
  }

  // Reading by column name, so a reader cannot drift from its SELECT's column order. The index
  // of a name is looked up among the result's columns; a name the SELECT lacks throws.
  int column(std::string_view name) const;
  std::int64_t i64(std::string_view name) const { return i64(column(name)); }
  std::string str(std::string_view name) const { return str(column(name)); }
  std::string_view view(std::string_view name) const { return view(column(name)); }
  std::optional<std::int64_t> optI64(std::string_view name) const { return optI64(column(name)); }
  // NULL as nullopt, for the columns where NULL and "" differ.
  std::optional<std::string> optStr(std::string_view name) const {
    const int col = column(name);
    return isNull(col) ? std::nullopt : std::optional<std::string>(str(col));
  }

  const Db& db() const { return db_; }

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
  // Commits once; a second commit() is a programming error and throws rather than committing
  // whatever later statements did outside any transaction.
  void commit();

 private:
  Db& db_;
  bool done_ = false;
};

}  // namespace cmoc::sql

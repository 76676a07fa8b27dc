#pragma once
// What every row gateway shares: its statements, prepared on first use and kept for the
// gateway's life (an import or merge of a million rows prepares each once), and reads that
// reset their statement whatever happens, so a kept statement is always ready to bind.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "sqlite.h"

namespace cmoc::store {

class Statements {
 public:
  explicit Statements(const sql::Db& db) : db_(db) {}
  sql::Stmt& operator()(const std::string& sql);
  const sql::Db& db() const { return db_; }

 private:
  const sql::Db& db_;
  std::unordered_map<std::string, std::unique_ptr<sql::Stmt>> kept_;
};

// Resets a statement when it goes out of scope (a callback that throws mid-read included).
class Resetting {
 public:
  explicit Resetting(sql::Stmt& st) : st_(st) {}
  ~Resetting() { st_.reset(); }
  Resetting(const Resetting&) = delete;
  Resetting& operator=(const Resetting&) = delete;

 private:
  sql::Stmt& st_;
};

// The first row's column 0 of a bound statement, or nullopt when there is no row.
std::optional<std::int64_t> firstI64(sql::Stmt& st);
// The first row of a bound statement read by `read`, or nullopt.
template <class Read>
auto firstRow(sql::Stmt& st, Read read) -> std::optional<decltype(read(st))> {
  Resetting resetting(st);
  if (!st.step()) return std::nullopt;
  return read(st);
}
// Every row of a bound statement, read by `read` and handed to `f` as it arrives: nothing is
// gathered, so reading a million rows takes the memory of one (issue 21, finding 10).
template <class Read, class F>
void eachRow(sql::Stmt& st, Read read, F&& f) {
  Resetting resetting(st);
  while (st.step()) f(read(st));
}
// Runs a bound INSERT OR IGNORE; true when it inserted a row.
bool insertedRow(sql::Stmt& st);
// Ids as one JSON array, bound as the one parameter of `IN (SELECT value FROM json_each(?))`:
// one kept statement serves any number of ids, and a list of placeholders would pass SQLite's
// limit of 32,766 variables.
std::string jsonIds(const std::vector<std::int64_t>& ids);

}  // namespace cmoc::store

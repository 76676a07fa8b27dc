#include "sql_peek.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <vector>

namespace cmoc::test {

std::string sqlValue(const std::filesystem::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
  else if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

namespace {
// One row as "table|v1|v2|...", each value quoted as SQL would (NULL, 1, 'text', X'00').
void dumpRows(sqlite3* db, const std::string& table, std::string& out) {
  std::string quoted = "\"";
  for (char c : table) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  quoted += "\"";
  sqlite3_stmt* cols = nullptr;
  sqlite3_prepare_v2(db, ("SELECT * FROM " + quoted + " LIMIT 0").c_str(), -1, &cols, nullptr);
  std::string select = "SELECT ";
  for (int i = 0; cols && i < sqlite3_column_count(cols); ++i)
    select += std::string(i ? " || '|' || " : "") + "quote(" + quoted + ".\"" +
              sqlite3_column_name(cols, i) + "\")";
  sqlite3_finalize(cols);
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, (select + " FROM " + quoted).c_str(), -1, &st, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << table << ": " << sqlite3_errmsg(db);
    return;
  }
  std::vector<std::string> rows;
  while (sqlite3_step(st) == SQLITE_ROW)
    rows.push_back(table + "|" + reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) + "\n");
  sqlite3_finalize(st);
  std::sort(rows.begin(), rows.end());  // a rewritten b-tree may return rows in another order
  for (const std::string& r : rows) out += r;
}
}  // namespace

std::string sqlDump(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  std::string out;
  std::vector<std::string> tables;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(
          db, "SELECT type, name, ifnull(sql, '') FROM sqlite_schema ORDER BY type, name", -1, &st,
          nullptr) != SQLITE_OK)
    ADD_FAILURE() << file << ": " << sqlite3_errmsg(db);
  while (st && sqlite3_step(st) == SQLITE_ROW) {
    const std::string type = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    const std::string name = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
    const std::string sql = reinterpret_cast<const char*>(sqlite3_column_text(st, 2));
    out += type + " " + name + ": " + sql + "\n";
    // A virtual table's rows live in its shadow tables, which are dumped themselves.
    if (type == "table" && sql.rfind("CREATE VIRTUAL", 0) != 0) tables.push_back(name);
  }
  sqlite3_finalize(st);
  for (const std::string& t : tables) dumpRows(db, t, out);
  sqlite3_close(db);
  return out;
}

std::string sqlRefusal(const std::filesystem::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(file.c_str(), &db);
  char* err = nullptr;
  std::string message;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK)
    message = err ? err : "error";
  sqlite3_free(err);
  sqlite3_close(db);
  return message;
}

void sqlExec(const std::filesystem::path& file, const std::string& sql) {
  const std::string refusal = sqlRefusal(file, sql);
  if (!refusal.empty()) ADD_FAILURE() << sql << ": " << refusal;
}

}  // namespace cmoc::test

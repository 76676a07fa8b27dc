#pragma once
// Looking into a project file behind the store's back, as tests must to check what the API
// does not show (integrity, row counts) or to set up what it refuses to make (a newer schema).
#include <filesystem>
#include <string>

namespace cmoc::test {

// The first column of the first row of `sql`, as text ("" when there is no row), read-only.
std::string sqlValue(const std::filesystem::path& file, const std::string& sql);
// Every schema entry and every row of every table, as text, like `sqlite3 FILE .dump`: what a
// command that refuses must leave unchanged (the file's bytes may change, as WAL checkpoints).
std::string sqlDump(const std::filesystem::path& file);
// Runs statements on the file; fails the current test with SQLite's message.
void sqlExec(const std::filesystem::path& file, const std::string& sql);
// The same, for statements the file should refuse: SQLite's message, or "" when it ran.
std::string sqlRefusal(const std::filesystem::path& file, const std::string& sql);

}  // namespace cmoc::test

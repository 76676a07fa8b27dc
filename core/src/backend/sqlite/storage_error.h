#pragma once
// SQLite's result codes for a file that cannot be read or written, turned into messages a
// researcher can act on: which file, what is wrong with it, what to do, and that nothing of the
// action was saved.
#include <sqlite3.h>

#include <string>

namespace cmoc::sql {

// Throws StorageError for the storage result codes (corrupt, not a database, read-only, busy,
// locked, full, I/O, cannot open) and cmoc::Error("what: message") for every other code.
[[noreturn]] void throwSqliteError(sqlite3* db, int rc, const std::string& what, const std::string& message);

}  // namespace cmoc::sql

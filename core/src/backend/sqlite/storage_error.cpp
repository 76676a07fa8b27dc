#include "storage_error.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "cmoc/error.h"
#include "cmoc/file_location.h"

namespace cmoc::sql {

namespace {

constexpr const char* kNotSaved = "nothing of this action was saved";

std::string fileOf(sqlite3* db) {
  const char* name = db ? sqlite3_db_filename(db, "main") : nullptr;
  return name && *name ? name : "the project file";
}

// SQLite says "attempt to write a readonly database" both when the file is read-only and when
// its folder is (it must create the -wal and -shm files beside it); the user fixes different
// things in each case.
std::string readOnlyReason(const std::string& file) {
  if (auto network = networkFileSystemReason(file)) return *network;
  if (::access(file.c_str(), W_OK) != 0 && errno == EACCES) return "the file is read-only";
  const std::filesystem::path dir = std::filesystem::path(file).parent_path();
  if (!dir.empty() && ::access(dir.c_str(), W_OK) != 0)
    return "its folder " + dir.string() + " is read-only (SQLite writes " +
           std::filesystem::path(file).filename().string() + "-wal and -shm beside it)";
  return "it was opened read-only";
}

}  // namespace

void throwSqliteError(sqlite3* db, int rc, const std::string& what, const std::string& message) {
  const std::string file = fileOf(db);
  const int systemErrno = db ? sqlite3_system_errno(db) : 0;
  switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      throw StorageError(file + " is damaged (" + message + "); " + kNotSaved +
                         ". Restore it from a backup copy");
    case SQLITE_READONLY:
      throw StorageError("cannot save to " + file + ": " + readOnlyReason(file) + "; " + kNotSaved);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw StorageError(file + " is busy: another program is writing to it; " + kNotSaved +
                         ". Try again in a moment");
    case SQLITE_FULL:
      throw StorageError("cannot save to " + file + ": the disk is full; " + kNotSaved +
                         ". Free some space and try again");
    case SQLITE_IOERR:
      if (systemErrno == ENOSPC || systemErrno == EDQUOT)
        throw StorageError("cannot save to " + file + ": the disk is full; " + kNotSaved +
                           ". Free some space and try again");
      throw StorageError("cannot read or write " + file + ": disk I/O error" +
                         (systemErrno ? std::string(" (") + std::strerror(systemErrno) + ")" : "") +
                         "; " + kNotSaved + ". Reopen the project");
    case SQLITE_CANTOPEN:
      throw StorageError("cannot open " + file + " or the files SQLite keeps beside it (" + message +
                         ")" + (systemErrno ? std::string(": ") + std::strerror(systemErrno) : ""));
    default:
      throw Error(what + ": " + message);
  }
}

}  // namespace cmoc::sql

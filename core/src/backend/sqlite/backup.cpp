// cmoc backup: SQLite's online backup API from the project's own connection into a new file.
#include "cmoc/backup.h"

#include <sqlite3.h>

#include <memory>

#include "cmoc/atomic_file.h"
#include "cmoc/error.h"
#include "cmoc/project_files.h"
#include "project_impl.h"

namespace cmoc {

void backupProject(const Project& project, const std::filesystem::path& dest) {
  refuseProjectAsTarget(dest);
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::symlink_status(dest, ec)))
    throw UsageError("cannot back up to " + dest.string() +
                     ": it exists; a backup never replaces a file, so choose a new name");
  AtomicFile out(dest);
  // The temporary file is empty, so SQLite takes it as a new database; the copy's pages come
  // from the project, its header (WAL mode, application id, schema version) included.
  sqlite3* handle = nullptr;
  const int opened = sqlite3_open_v2(out.temp().c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr);
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> copy(handle, sqlite3_close_v2);
  const auto fail = [&](sqlite3* db) {
    return Error("cannot back up " + project.file().string() + " to " + dest.string() + ": " +
                 (db ? sqlite3_errmsg(db) : "out of memory"));
  };
  if (opened != SQLITE_OK) throw fail(copy.get());
  // One step copies every page under one read transaction: a snapshot that writers on other
  // connections do not disturb (in WAL mode they go on) and that never restarts.
  sqlite3_backup* backup =
      sqlite3_backup_init(copy.get(), "main", project.impl().db.handle(), "main");
  if (!backup) throw fail(copy.get());
  const int stepped = sqlite3_backup_step(backup, -1);
  if (sqlite3_backup_finish(backup) != SQLITE_OK || stepped != SQLITE_DONE) throw fail(copy.get());
  // Closed here, not by `copy`, so that a failure to finish writing the copy is reported.
  if (sqlite3_close(copy.get()) != SQLITE_OK) throw fail(copy.get());
  static_cast<void>(copy.release());
  out.commitNew();
}

}  // namespace cmoc

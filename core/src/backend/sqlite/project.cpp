// Opening, creating and upgrading project files.
#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <random>

#include <unistd.h>

#include "cmoc/error.h"
#include "cmoc/file_location.h"
#include "cmoc/project_files.h"
#include "project_impl.h"
#include "turn_bytes.h"

namespace cmoc {

namespace {

constexpr int kBusyTimeoutMs = 10000;
constexpr std::int64_t kMmapBytes = 256ll << 20;

// Every connection waits for another process's lock from its first statement on: a project
// opened while another process's last connection checkpoints the WAL on close (or recovers it)
// would otherwise fail at once with "database is locked" on the first pragma.
sql::Db connect(const std::filesystem::path& file, int flags) {
  sql::Db db(store::sqliteName(file), flags | SQLITE_OPEN_URI);
  sqlite3_busy_timeout(db.handle(), kBusyTimeoutMs);
  return db;
}

// A project the user may not write (the file, or its folder where SQLite must create the -wal
// and -shm files) still opens for reading, so every command that only reads works on a
// project on read-only media or shared read-only; the writers then fail naming the reason
// (storage_error.cpp). With no -wal beside it nobody has changes pending, and nobody can start
// writing without creating one, so SQLite may read the file as immutable, needing no -shm.
// A project on a network file system opens read-only too (file_location.h says why).
bool mayWrite(const std::filesystem::path& file) {
  const std::filesystem::path dir = std::filesystem::absolute(file).parent_path();
  return ::access(file.c_str(), W_OK) == 0 && ::access(dir.c_str(), W_OK) == 0 &&
         !networkFileSystemOf(file);
}

std::string immutableUri(const std::filesystem::path& file) {
  std::string uri = "file:";
  for (const char c : std::filesystem::absolute(file).string()) {
    if (c == '%' || c == '?' || c == '#') {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
      uri += hex;
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

// The one way a project file is opened for use: read-write where the user may write, else
// read-only as above. `writable` says which.
sql::Db connectProject(const std::filesystem::path& file, bool& writable) {
  writable = mayWrite(file);
  if (writable) return connect(file, SQLITE_OPEN_READWRITE);
  std::error_code ec;
  const bool pendingChanges = std::filesystem::file_size(file.string() + "-wal", ec) > 0 && !ec;
  if (pendingChanges) return connect(file, SQLITE_OPEN_READONLY);
  sql::Db db(immutableUri(file), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
  sqlite3_busy_timeout(db.handle(), kBusyTimeoutMs);
  return db;
}

void configure(sql::Db& db) {
  db.exec("PRAGMA foreign_keys = ON");
  // In WAL mode NORMAL still never corrupts or half-writes a transaction; a power cut may only
  // lose the last commits. Waiting for the disk on every per-file commit doubles import time.
  db.exec("PRAGMA synchronous = NORMAL");
  // Reads come straight from the mapped file instead of a read() call and a copy per page:
  // quoting a turn walks its text's overflow pages, and this halves excerpt retrieval over a
  // large project (docs/PERFORMANCE.md). WAL already keeps projects off network file systems,
  // where mapping would be unsafe; pages past the mapped size are read as before.
  db.exec("PRAGMA mmap_size = " + std::to_string(kMmapBytes));
  store::registerTokenizer(db);
}

int pragmaInt(sql::Db& db, const char* pragma) {
  sql::Stmt st(db, std::string("PRAGMA ") + pragma);
  return st.step() ? static_cast<int>(st.i64(0)) : 0;
}

void migrate(sql::Db& db, int from) {
  for (int i = 0; i < store::kMigrationCount; ++i) {
    const store::Migration& m = store::kMigrations[i];
    if (m.version <= from) continue;
    sql::Transaction tx(db);
    db.exec(m.sql);
    // Derived columns SQL cannot compute cheaply are filled by C++ in the same transaction.
    if (m.version == store::kTurnBytesSchema) store::fillMissingTurnBytes(db);
    db.exec("PRAGMA user_version = " + std::to_string(m.version));
    tx.commit();
  }
}

// A file this process already holds a connection to is a project we opened; reading its bytes
// with a plain descriptor would drop SQLite's locks on it (cmoc/project_files.h), so only files
// not yet held have their header read.
bool looksLikeSqlite(const std::filesystem::path& file) {
  if (isHeldProjectFile(file)) return true;
  const std::string header = headerOfUnheldFile(file, 16);
  return header.size() == 16 && std::string_view(header).substr(0, 15) == "SQLite format 3";
}

}  // namespace

int Project::schemaVersion() { return store::kMigrations[store::kMigrationCount - 1].version; }

Project::Project(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;
Project::~Project() = default;

const std::filesystem::path& Project::file() const { return impl_->file; }

Project Project::create(const std::filesystem::path& file) {
  if (std::filesystem::exists(file))
    throw UsageError(file.string() + ": already exists; not overwriting it");
  if (const auto fs = networkFileSystemOf(file))
    throw UsageError("cannot create " + file.string() + ": its folder is on a network file system (" +
                     *fs + "), where SQLite cannot lock a project safely; create it on a local disk");
  auto impl = std::make_unique<Impl>();
  impl->file = file;
  impl->db = connect(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  impl->hold.emplace(file);
  try {
    impl->db.exec("PRAGMA journal_mode = WAL");
    impl->db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    configure(impl->db);
    migrate(impl->db, 0);
    sql::Stmt st(impl->db, "INSERT INTO project_meta(key, value) VALUES ('guid', ?), ('created_at', ?)");
    st.bind(1, newGuid()).bind(2, nowUtc()).run();
  } catch (...) {
    impl.reset();
    std::error_code ec;
    std::filesystem::remove(file, ec);
    throw;
  }
  return Project(std::move(impl));
}

namespace store {

std::string sqliteName(const std::filesystem::path& file) {
  const std::string name = file.string();
  return name.rfind("file:", 0) == 0 ? "./" + name : name;
}

int checkProjectFile(const std::filesystem::path& file) {
  const std::string name = file.string();
  if (!std::filesystem::exists(file)) throw ProjectError(name + ": no such project file");
  if (!std::filesystem::is_regular_file(file)) throw ProjectError(name + ": not a file");
  // Check the header before SQLite sees the file: opening a non-database read-write could
  // leave -wal/-shm files beside somebody's document.
  if (!looksLikeSqlite(file)) throw ProjectError(name + ": not a CMOC Workbench project");
  // Read-write although it only reads: in a WAL file the last connection to close removes
  // -wal and -shm only if it may write, and a refused file must be left as it was found.
  // (SQLite opens a write-protected file read-only all the same.)
  bool writable = false;
  sql::Db probe = connectProject(file, writable);
  const int appId = pragmaInt(probe, "application_id");
  const int version = pragmaInt(probe, "user_version");
  if (appId != Project::kApplicationId) throw ProjectError(name + ": not a CMOC Workbench project");
  if (version > Project::schemaVersion())
    throw ProjectError(name + ": made by a newer CMOC Workbench (schema " +
                       std::to_string(version) + ", this version reads up to " +
                       std::to_string(Project::schemaVersion()) + "); left untouched");
  return version;
}

}  // namespace store

Project Project::open(const std::filesystem::path& file) {
  store::checkProjectFile(file);
  auto impl = std::make_unique<Impl>();
  impl->file = file;
  // Held before connecting, so no other thread reads the file's header while this connects.
  impl->hold.emplace(file);
  bool writable = false;
  impl->db = connectProject(file, writable);
  const int version = pragmaInt(impl->db, "user_version");
  if (!writable) {
    if (version < Project::schemaVersion())
      throw ProjectError(file.string() + ": made by an older CMOC Workbench and read-only here; "
                         "open it once where it may be written, to upgrade it");
    configure(impl->db);
    return Project(std::move(impl));
  }
  impl->db.exec("PRAGMA journal_mode = WAL");
  configure(impl->db);
  migrate(impl->db, version);
  return Project(std::move(impl));
}

std::string nowUtc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace cmoc

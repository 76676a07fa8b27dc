// The registry of open project files: opening a project again in the same process (as the
// GUI's workers do) keeps SQLite's locks, and writes and reads never target an open project.
#include "cmoc/project_files.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>

#include "cmoc/atomic_file.h"
#include "cmoc/error.h"
#include "cmoc/importers/importer.h"
#include "cmoc/project.h"
#include "test_support.h"

using namespace cmoc;
using cmoc::test::TempDir;

namespace {

std::string messageOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// SQLite's unix VFS takes its database-file locks from this byte on (PENDING_BYTE, then the
// reserved byte and the shared range): see sqlite3.c, "Locking in the unix VFS".
constexpr off_t kLockBytes = 0x40000000;
constexpr off_t kLockRange = 512;

// Whether another process sees a lock that would stop it from writing `file`: asked from a
// child, because a process never conflicts with its own fcntl locks.
bool otherProcessSeesLock(const std::filesystem::path& file) {
  const pid_t child = ::fork();
  if (child == 0) {
    const int fd = ::open(file.c_str(), O_RDWR);
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = kLockBytes;
    lock.l_len = kLockRange;
    const bool locked = fd >= 0 && ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
    ::_exit(locked ? 0 : 1);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

class ProjectFiles : public ::testing::Test {
 protected:
  void SetUp() override { Project::create(file); }
  TempDir dir;
  std::filesystem::path file = dir / "p.cmoc";
};

}  // namespace

TEST_F(ProjectFiles, OpeningTheProjectAgainKeepsTheFirstConnectionsLocks) {
  Project first = Project::open(file);
  // A read transaction in this process, as the GUI's main connection holds one while it draws.
  sqlite3* reader = nullptr;
  ASSERT_EQ(sqlite3_open_v2(file.c_str(), &reader, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM sources;", nullptr, nullptr, nullptr),
            SQLITE_OK);
  ASSERT_TRUE(otherProcessSeesLock(file)) << "precondition: the read transaction holds a lock";

  Project second = Project::open(file);  // a worker's connection
  EXPECT_TRUE(otherProcessSeesLock(file));
  EXPECT_EQ(messageOf([&] { writeAtomically(file, "x"); }),
            "cannot write " + file.string() + ": it is the open project itself; choose another file name");
  EXPECT_TRUE(otherProcessSeesLock(file));
  // A transcript that is the project under another name (a hard link) is not read.
  std::filesystem::create_hard_link(file, dir / "p.txt");
  EXPECT_EQ(messageOf([&] { importers::loadTranscript(dir / "p.txt", {}); }),
            "p.txt: file: is the open project, not a file to import");
  EXPECT_TRUE(otherProcessSeesLock(file));

  sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(reader);
}

TEST_F(ProjectFiles, KnowsTheProjectByAnySpellingAndItsCompanionFiles) {
  std::filesystem::create_symlink(file, dir / "link.cmoc");
  std::filesystem::create_hard_link(file, dir / "hard.cmoc");
  EXPECT_FALSE(isHeldProjectFile(file));
  {
    Project p = Project::open(file);
    for (const auto& name : {file, dir / "link.cmoc", dir / "hard.cmoc", dir / "." / "p.cmoc",
                             std::filesystem::path(file.string() + "-wal"),
                             std::filesystem::path(file.string() + "-shm"),
                             std::filesystem::path(file.string() + "-journal")})
      EXPECT_TRUE(isHeldProjectFile(name)) << name;
    EXPECT_FALSE(isHeldProjectFile(dir / "other.csv"));
  }
  EXPECT_FALSE(isHeldProjectFile(file));
}

TEST_F(ProjectFiles, TheHoldLastsUntilTheLastConnectionCloses) {
  auto first = std::make_unique<Project>(Project::open(file));
  {
    Project second = Project::open(file);
  }
  EXPECT_TRUE(isHeldProjectFile(file));
  first.reset();
  EXPECT_FALSE(isHeldProjectFile(file));
}

TEST_F(ProjectFiles, ExportsRefuseAnyProjectOrDatabaseAndLeaveItWhole) {
  const auto size = std::filesystem::file_size(file);
  EXPECT_EQ(messageOf([&] { writeAtomically(file, "code,kind\n"); }),
            "cannot write " + file.string() +
                ": it is a CMOC Workbench project; exports never overwrite a project");
  EXPECT_EQ(std::filesystem::file_size(file), size);
  const std::filesystem::path other = dir / "other.db";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(other.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  EXPECT_EQ(messageOf([&] { writeAtomically(other, "x"); }),
            "cannot write " + other.string() + ": it is an SQLite database; exports never overwrite one");
  EXPECT_NO_THROW(Project::open(file));
}

TEST_F(ProjectFiles, WritingTheOpenProjectsLogIsRefused) {
  Project p = Project::open(file);
  const std::string wal = file.string() + "-wal";
  EXPECT_EQ(messageOf([&] { writeAtomically(wal, "x"); }),
            "cannot write " + wal + ": SQLite keeps the open project's changes in it; choose another file name");
}

TEST_F(ProjectFiles, AnExportRemovesTheTemporaryFilesOfKilledExports) {
  const pid_t gone = ::fork();
  if (gone == 0) ::_exit(0);
  ::waitpid(gone, nullptr, 0);  // its process id now names no process
  const std::filesystem::path target = dir / "out.csv";
  const std::filesystem::path stale = dir / ("out.csv.tmp-" + std::to_string(gone));
  const std::filesystem::path alive = dir / ("out.csv.tmp-" + std::to_string(::getppid()));
  const std::filesystem::path unrelated = dir / "out.csv.tmp-notes";
  for (const auto& f : {stale, alive, unrelated}) cmoc::test::writeFile(f, "half");
  writeAtomically(target, "a,b\n");
  EXPECT_EQ(cmoc::test::readFile(target), "a,b\n");
  EXPECT_FALSE(std::filesystem::exists(stale));
  EXPECT_TRUE(std::filesystem::exists(alive));  // another export may still be writing it
  EXPECT_TRUE(std::filesystem::exists(unrelated));
}

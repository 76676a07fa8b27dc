// Temp file + fsync + rename: the POSIX recipe for replacing a file whole.
#include "cmoc/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "cmoc/error.h"
#include "cmoc/project_files.h"

namespace cmoc {

namespace {

[[noreturn]] void fail(const std::filesystem::path& target, const char* what, int error) {
  throw Error("cannot " + std::string(what) + " " + target.string() + ": " + std::strerror(error));
}

constexpr std::string_view kTempMark = ".tmp-";

// An export killed before its rename leaves TARGET.tmp-PID behind; the next export of the same
// target removes those whose process is gone, so they do not pile up beside a user's files.
void removeStaleTemps(const std::filesystem::path& target) {
  const std::string prefix = target.filename().string() + std::string(kTempMark);
  std::error_code ec;
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string pid = name.substr(prefix.size());
    if (pid.size() > 9 || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    const pid_t owner = static_cast<pid_t>(std::stol(pid));
    if (owner != ::getpid() && ::kill(owner, 0) != 0 && errno == ESRCH) {
      std::error_code ignored;
      std::filesystem::remove(it->path(), ignored);
    }
  }
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  refuseProjectAsTarget(target_);
  removeStaleTemps(target_);
  temp_ = target_;
  temp_ += std::string(kTempMark) + std::to_string(::getpid());
  const int fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  // A folder that does not exist is the user's slip, not a failure of the machine.
  if (fd < 0 && (errno == ENOENT || errno == ENOTDIR))
    throw UsageError("cannot write " + target_.string() + ": " + std::strerror(errno));
  if (fd < 0) fail(target_, "write", errno);
  ::close(fd);
}

AtomicFile::~AtomicFile() {
  if (!committed_) ::unlink(temp_.c_str());
}

namespace {
// Libraries close their own handles; reopening to fsync makes the bytes durable before the
// rename publishes them.
void syncFile(const std::filesystem::path& file, const std::filesystem::path& target) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(target, "write", errno);
  const int synced = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (synced != 0) fail(target, "write", error);
}
}  // namespace

void AtomicFile::commit() {
  syncFile(temp_, target_);
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) fail(target_, "replace", errno);
  committed_ = true;
}

void AtomicFile::commitNew() {
  syncFile(temp_, target_);
  // A hard link fails with EEXIST instead of replacing, atomically, unlike a check then rename.
  if (::link(temp_.c_str(), target_.c_str()) == 0) {
    ::unlink(temp_.c_str());
  } else if (errno == EEXIST) {
    throw Error("cannot write " + target_.string() + ": it exists");
  } else if (errno != EPERM && errno != EOPNOTSUPP) {
    fail(target_, "write", errno);
  } else {  // no hard links here (FAT, some network shares): check, then rename
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::symlink_status(target_, ec)))
      throw Error("cannot write " + target_.string() + ": it exists");
    if (std::rename(temp_.c_str(), target_.c_str()) != 0) fail(target_, "write", errno);
  }
  committed_ = true;
}

void writeAtomically(const std::filesystem::path& file, std::string_view bytes) {
  AtomicFile out(file);
  const int fd = ::open(out.temp().c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (fd < 0) fail(file, "write", errno);
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      fail(file, "write", error);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) fail(file, "write", errno);
  out.commit();
}

}  // namespace cmoc

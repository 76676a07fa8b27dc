// The process-wide registry of open project files and the guards built on it.
#include "cmoc/project_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <map>
#include <mutex>
#include <string_view>

#include "cmoc/error.h"

namespace cmoc {

namespace {

// SQLite keeps these beside a database; writing over one is as bad as writing over the file.
constexpr std::string_view kCompanions[] = {"-wal", "-shm", "-journal"};
constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};
// application_id, big-endian at byte 68 of the database header (SQLite file format, 1.3).
constexpr std::size_t kApplicationIdOffset = 68;
constexpr std::uint32_t kCmocApplicationId = 0x434D4F43;  // "CMOC", as Project::kApplicationId

struct Held {
  int count = 0;
  std::filesystem::path canonical;  // for the companions, which may not exist yet
};

std::mutex& registryMutex() {
  static std::mutex m;
  return m;
}

std::map<std::string, Held>& registry() {
  static std::map<std::string, Held> r;
  return r;
}

std::optional<std::string> identity(const std::filesystem::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return std::nullopt;
  return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
}

std::filesystem::path canonicalName(const std::filesystem::path& file) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(std::filesystem::absolute(file, ec), ec);
  return ec ? file : p;
}

enum class Hold { None, Project, Companion };

// Call with the registry locked.
Hold holdOf(const std::filesystem::path& file) {
  const auto& r = registry();
  if (r.empty()) return Hold::None;
  const std::optional<std::string> id = identity(file);
  if (id && r.count(*id)) return Hold::Project;
  const std::string name = canonicalName(file).string();
  for (const auto& [key, held] : r) {
    for (std::string_view suffix : kCompanions) {
      const std::string companion = held.canonical.string() + std::string(suffix);
      if (name == companion || (id && identity(companion) == id)) return Hold::Companion;
    }
  }
  return Hold::None;
}

bool heldLocked(const std::filesystem::path& file) { return holdOf(file) != Hold::None; }

std::string readHeader(const std::filesystem::path& file, std::size_t bytes) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return {};
  std::string out(bytes, '\0');
  std::size_t done = 0;
  while (done < bytes) {
    const ssize_t n = ::read(fd, out.data() + done, bytes - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.resize(done);
  return out;
}

}  // namespace

ProjectFileHold::ProjectFileHold(const std::filesystem::path& file) {
  std::lock_guard lock(registryMutex());
  key_ = identity(file);
  if (!key_) return;
  Held& held = registry()[*key_];
  if (held.count++ == 0) held.canonical = canonicalName(file);
}

ProjectFileHold::~ProjectFileHold() {
  if (!key_) return;
  std::lock_guard lock(registryMutex());
  auto it = registry().find(*key_);
  if (it != registry().end() && --it->second.count == 0) registry().erase(it);
}

ProjectFileHold::ProjectFileHold(ProjectFileHold&& other) noexcept : key_(std::move(other.key_)) {
  other.key_.reset();
}

bool isHeldProjectFile(const std::filesystem::path& file) {
  std::lock_guard lock(registryMutex());
  return heldLocked(file);
}

std::string headerOfUnheldFile(const std::filesystem::path& file, std::size_t bytes) {
  std::lock_guard lock(registryMutex());
  if (heldLocked(file)) return {};
  return readHeader(file, bytes);
}

void refuseProjectAsTarget(const std::filesystem::path& file) {
  const std::string name = file.string();
  Hold hold;
  {
    std::lock_guard lock(registryMutex());
    hold = holdOf(file);
  }
  if (hold == Hold::Project)
    throw UsageError("cannot write " + name + ": it is the open project itself; choose another file name");
  if (hold == Hold::Companion)
    throw UsageError("cannot write " + name +
                     ": SQLite keeps the open project's changes in it; choose another file name");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return;
  const std::string header = headerOfUnheldFile(file, kApplicationIdOffset + 4);
  if (header.size() < kSqliteMagic.size() || std::string_view(header).substr(0, 16) != kSqliteMagic)
    return;
  std::uint32_t appId = 0;
  if (header.size() == kApplicationIdOffset + 4)
    for (std::size_t i = 0; i < 4; ++i)
      appId = (appId << 8) | static_cast<unsigned char>(header[kApplicationIdOffset + i]);
  if (appId == kCmocApplicationId)
    throw UsageError("cannot write " + name +
                     ": it is a CMOC Workbench project; exports never overwrite a project");
  throw UsageError("cannot write " + name + ": it is an SQLite database; exports never overwrite one");
}

void refuseProjectAsInput(const std::filesystem::path& file) {
  if (isHeldProjectFile(file))
    throw InputError(file.filename().string(), "file", "is the open project, not a file to import");
}

}  // namespace cmoc

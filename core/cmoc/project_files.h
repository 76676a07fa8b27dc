#pragma once
// Which files are this process's open projects, and the guard every file we write or read as
// input passes. Two reasons, both about losing a user's work:
// - an export renamed over the project (or its -wal/-shm) replaces months of coding by a CSV;
// - on POSIX, closing *any* descriptor of a file drops *all* of the process's fcntl locks on it,
//   including SQLite's, so reading the project with a plain descriptor while a connection holds
//   it lets another writer corrupt it (SQLite, "How To Corrupt An SQLite Database File", 2.2).
// Identity is by device and inode (stat opens no descriptor), so every spelling, hard link and
// symbolic link of a project is the same file.
#include <filesystem>
#include <optional>
#include <string>

namespace cmoc {

// Held while a connection to `file` is open; Project holds one per connection. Registering
// and the header check of a file not yet held run under one lock, so no thread of this
// process reads a project's bytes while another connects to it.
class ProjectFileHold {
 public:
  explicit ProjectFileHold(const std::filesystem::path& file);
  ~ProjectFileHold();
  ProjectFileHold(ProjectFileHold&& other) noexcept;
  ProjectFileHold& operator=(ProjectFileHold&&) = delete;
  ProjectFileHold(const ProjectFileHold&) = delete;
  ProjectFileHold& operator=(const ProjectFileHold&) = delete;

 private:
  std::optional<std::string> key_;
};

// True when `file` (any spelling) is a project file, or its -wal, -shm or -journal, that this
// process holds a connection to.
bool isHeldProjectFile(const std::filesystem::path& file);

// Refuses a write target that would destroy a project: this process's open project or its
// companion files ("cannot write F: it is the open project itself; choose another file name"),
// or any other existing SQLite database or CMOC Workbench project ("cannot write F: it is a
// CMOC Workbench project; exports never overwrite a project"). Throws UsageError.
void refuseProjectAsTarget(const std::filesystem::path& file);

// Refuses to read this process's open project as an input file (a transcript, an exchange
// file): InputError(name, "file", "is the open project, not a file to import").
void refuseProjectAsInput(const std::filesystem::path& file);

// The first bytes of a file this process holds no connection to (empty when unreadable or
// when it is a held project), read under the registry's lock.
std::string headerOfUnheldFile(const std::filesystem::path& file, std::size_t bytes);

}  // namespace cmoc

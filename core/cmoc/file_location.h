#pragma once
// Where a project file lives matters to SQLite's safety (https://sqlite.org/howtocorrupt.html,
// https://sqlite.org/wal.html): a network file system's locks are unreliable and a write-ahead
// log needs memory shared by every process that opens the file, so two machines writing one
// project over NFS or SMB corrupt it; a sync client (Dropbox, OneDrive...) copies the .cmoc and
// its -wal at different moments and can restore one without the other. Projects on a network
// file system open read-only; in a synced folder they open with a warning.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace cmoc {

// The name of a network file system by its statfs(2) type ("nfs", "smb", "cifs", "smb2",
// "afs", "9p", "ceph", ...), or nullopt for any other type.
std::optional<std::string> networkFileSystemNamed(std::int64_t fsType);
// The network file system that holds `path` (the path itself, or its folder when the path does
// not exist yet), or nullopt on a local one or when it cannot be told.
std::optional<std::string> networkFileSystemOf(const std::filesystem::path& path);

// The sync service whose folder holds `path` ("Dropbox", "OneDrive", "Google Drive",
// "iCloud Drive", "Nextcloud", "ownCloud", "pCloud", "Box"), told by its folders' names as
// the clients create them, or nullopt.
std::optional<std::string> cloudSyncServiceOf(const std::filesystem::path& path);

// What to tell someone opening or creating a project at `file` there, or nullopt.
std::optional<std::string> syncedFolderWarning(const std::filesystem::path& file);
// The reason a project at `file` is opened read-only, when it is on a network file system.
std::optional<std::string> networkFileSystemReason(const std::filesystem::path& file);

}  // namespace cmoc

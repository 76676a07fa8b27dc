#include "cmoc/file_location.h"

#include <sys/vfs.h>

#include <array>
#include <utility>

namespace cmoc {

std::optional<std::string> networkFileSystemNamed(std::int64_t fsType) {
  // The magic numbers of linux/magic.h and the file systems' own headers.
  static constexpr std::array<std::pair<std::uint32_t, const char*>, 12> kNetwork{{
      {0x6969, "nfs"},
      {0x517B, "smb"},
      {0xFF534D42, "cifs"},
      {0xFE534D42, "smb2"},
      {0x5346414F, "afs"},
      {0x73757245, "coda"},
      {0x01021997, "9p"},
      {0x564C, "ncp"},
      {0x00C36400, "ceph"},
      {0x0BD00BD0, "lustre"},
      {0x01161970, "gfs2"},
      {0x7461636F, "ocfs2"},
  }};
  for (const auto& [magic, name] : kNetwork)
    if (static_cast<std::uint32_t>(fsType) == magic) return std::string(name);
  return std::nullopt;
}

std::optional<std::string> networkFileSystemOf(const std::filesystem::path& path) {
  std::filesystem::path at = std::filesystem::absolute(path);
  std::error_code ec;
  while (!std::filesystem::exists(at, ec) && at.has_parent_path() && at != at.parent_path())
    at = at.parent_path();
  struct statfs fs {};
  if (::statfs(at.c_str(), &fs) != 0) return std::nullopt;
  return networkFileSystemNamed(static_cast<std::int64_t>(fs.f_type));
}

namespace {

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// A folder name as a sync client names its root: "Dropbox", "Dropbox (Team)", "OneDrive -
// University", macOS's CloudStorage "GoogleDrive-ana@x.org", iCloud's "Mobile Documents".
std::optional<std::string> serviceOfFolder(const std::string& name) {
  if (name == "Dropbox" || startsWith(name, "Dropbox (") || startsWith(name, "Dropbox-"))
    return "Dropbox";
  if (name == "OneDrive" || startsWith(name, "OneDrive - ") || startsWith(name, "OneDrive-"))
    return "OneDrive";
  if (name == "Google Drive" || name == "GoogleDrive" || startsWith(name, "GoogleDrive-"))
    return "Google Drive";
  if (name == "Mobile Documents" || name == "iCloud Drive" || name == "iCloudDrive")
    return "iCloud Drive";
  if (name == "Nextcloud") return "Nextcloud";
  if (name == "ownCloud") return "ownCloud";
  if (name == "pCloudDrive" || name == "pCloud Drive") return "pCloud";
  if (name == "Box" || name == "Box Sync" || startsWith(name, "Box-")) return "Box";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> cloudSyncServiceOf(const std::filesystem::path& path) {
  for (const auto& part : std::filesystem::absolute(path).parent_path())
    if (auto service = serviceOfFolder(part.string())) return service;
  return std::nullopt;
}

std::optional<std::string> syncedFolderWarning(const std::filesystem::path& file) {
  const auto service = cloudSyncServiceOf(file);
  if (!service) return std::nullopt;
  return file.string() + " is in a " + *service +
         " folder: syncing it while it is open can copy the project apart from its -wal file "
         "and damage it. Keep projects on a local disk outside synced folders, and share "
         "copies made with `cmoc backup`";
}

std::optional<std::string> networkFileSystemReason(const std::filesystem::path& file) {
  const auto fs = networkFileSystemOf(file);
  if (!fs) return std::nullopt;
  return "it is on a network file system (" + *fs +
         "), where SQLite cannot lock it safely; copy it to a local disk to change it";
}

}  // namespace cmoc

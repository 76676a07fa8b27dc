// Where a project lives (file_location.h): network file systems told by their statfs type, sync
// services by the folder names their clients create, and what a user is told.
#include <gtest/gtest.h>

#include "cmoc/file_location.h"
#include "test_support.h"

using namespace cmoc;

TEST(FileLocation, NetworkFileSystemsByTheirStatfsType) {
  EXPECT_EQ(networkFileSystemNamed(0x6969), "nfs");
  EXPECT_EQ(networkFileSystemNamed(0xFF534D42), "cifs");
  EXPECT_EQ(networkFileSystemNamed(0xFE534D42), "smb2");
  EXPECT_EQ(networkFileSystemNamed(0x01021997), "9p");
  // ext4, tmpfs, btrfs, xfs, overlayfs: local.
  for (std::int64_t local : {0xEF53LL, 0x01021994LL, 0x9123683ELL, 0x58465342LL, 0x794C7630LL})
    EXPECT_EQ(networkFileSystemNamed(local), std::nullopt) << std::hex << local;
  // The test's own temporary folder is on a local disk.
  const test::TempDir dir;
  EXPECT_EQ(networkFileSystemOf(dir / "not-yet" / "x.cmoc"), std::nullopt);
  EXPECT_EQ(networkFileSystemReason(dir / "x.cmoc"), std::nullopt);
}

TEST(FileLocation, SyncedFoldersByTheNamesTheirClientsGiveThem) {
  const std::pair<const char*, std::optional<std::string>> cases[] = {
      {"/home/ana/Dropbox/study/x.cmoc", "Dropbox"},
      {"/home/ana/Dropbox (Leeds Uni)/x.cmoc", "Dropbox"},
      {"/home/ana/OneDrive - University of Leeds/PhD/x.cmoc", "OneDrive"},
      {"/Users/ana/Library/CloudStorage/OneDrive-Personal/x.cmoc", "OneDrive"},
      {"/Users/ana/Library/CloudStorage/GoogleDrive-ana@leeds.ac.uk/My Drive/x.cmoc",
       "Google Drive"},
      {"/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/x.cmoc", "iCloud Drive"},
      {"/home/ana/Nextcloud/x.cmoc", "Nextcloud"},
      {"/home/ana/Box Sync/x.cmoc", "Box"},
      // Names that only look alike, and the file's own name, are not sync folders.
      {"/home/ana/dropbox-notes/x.cmoc", std::nullopt},
      {"/home/ana/OneDriveBackup/x.cmoc", std::nullopt},
      {"/home/ana/study/Dropbox", std::nullopt},
      {"/home/ana/Boxes/x.cmoc", std::nullopt},
  };
  for (const auto& [path, service] : cases) EXPECT_EQ(cloudSyncServiceOf(path), service) << path;
}

TEST(FileLocation, TheWarningForASyncedFolderSaysWhatToDo) {
  EXPECT_EQ(syncedFolderWarning("/home/ana/study/x.cmoc"), std::nullopt);
  EXPECT_EQ(syncedFolderWarning("/home/ana/Dropbox/x.cmoc"),
            "/home/ana/Dropbox/x.cmoc is in a Dropbox folder: syncing it while it is open can "
            "copy the project apart from its -wal file and damage it. Keep projects on a local "
            "disk outside synced folders, and share copies made with `cmoc backup`");
}

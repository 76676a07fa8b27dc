#pragma once
// Where a REFI-QDA exchange's files are, and which of them may be read. A .qdpx shared by
// someone else can name any file on this machine (absolute://, file://, relative:// against a
// basePath of its choosing, `..`, a symlink in a bare .qde's folder); reading one would copy it
// into a project that is then shared onward. So only files inside the archive (or the bare
// .qde's folder) are read, plus files whose real path lies under the folder the user allowed.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cmoc/refi.h"
#include "zip_archive.h"

namespace cmoc::importers {

// What a REFI path led to.
struct FoundFile {
  std::optional<std::string> bytes;  // nullopt: no such file, or one that may not be read
  // When the path names a file outside the archive that may not be read: the path as written,
  // with its real path after " -> " when the written path does not show it.
  std::string refused;
};

class RefiFiles {
 public:
  // `zip`: the .qdpx, if it is one. `folder`: where the exchange file lies (relative paths
  // resolve there when the file gives no basePath). `bareFolder`: a bare .qde's folder, whose
  // sources/ are its own files (empty for a .qdpx). `allowed`: the folder external files may be
  // read from, or none. External files read are listed in `report.external`.
  RefiFiles(std::optional<ZipArchive> zip, std::filesystem::path folder,
            std::filesystem::path bareFolder, std::string basePath,
            const std::optional<std::filesystem::path>& allowed, refi::ImportReport& report);

  FoundFile read(const std::string& refiPath);

  // "the archive" or "the project's folder", for messages.
  const char* container() const { return zip_ ? "the archive" : "the project's folder"; }
  // The allowed folder's real path; empty when none was given.
  const std::filesystem::path& allowed() const { return allowed_; }

 private:
  std::optional<ZipArchive> zip_;
  std::filesystem::path folder_, bare_, inside_, allowed_;
  std::string basePath_;
  refi::ImportReport& report_;
  std::string outside_;  // the real path of the first refused file in the current read()
  // The zip's entries by lower-case name, and by every lower-case tail after a '/', each the
  // first such entry: looked up once per source, where scanning every entry made an archive
  // of many sources quadratic to read.
  std::map<std::string, const ZipEntry*> byName_, byTail_;

  std::optional<std::string> internal(const std::string& name);
  std::optional<std::string> disk(const std::filesystem::path& file);
};

// The external files an import may not read, gathered over its sources and notes.
struct ExternalRefusals {
  std::vector<std::string> sources, notes;  // FoundFile::refused, in document order
  int sourceCount = 0;                      // sources refused (one may name two files)
  // Throws ExternalFilesRefused listing them all when there are any.
  void refuseAny(const std::string& fileName, const RefiFiles& files) const;
};

}  // namespace cmoc::importers

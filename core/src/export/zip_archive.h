#pragma once
// A zip archive written with libzip, for the container formats we export (.qdpx, .docx).
// libzip reads the entries' bytes only when the archive is closed, so the archive keeps its own
// copy of each until then.
#include <zip.h>

#include <deque>
#include <filesystem>
#include <string>

namespace cmoc::exporting {

class ZipArchive {
 public:
  // `file` is where to write (usually an AtomicFile's temp()); `shownAs` names it in errors.
  ZipArchive(const std::filesystem::path& file, std::string shownAs);
  ~ZipArchive();  // discards an archive that was not closed
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  void add(const std::string& name, std::string bytes);  // deflated
  void addDirectory(const std::string& name);            // "sources/"
  void close();  // throws Error("FILE: cannot write the zip archive: ...")

 private:
  [[noreturn]] void fail(const std::string& what);
  zip_t* zip_ = nullptr;
  std::string shownAs_;
  std::deque<std::string> buffers_;  // stable addresses for libzip
};

}  // namespace cmoc::exporting

#pragma once
// Writing a file so that nobody ever sees half of it: the bytes go to a temporary file beside
// the target (same folder, so the final rename cannot cross file systems), which replaces the
// target only once it is complete. A failed or interrupted export leaves any earlier file as it
// was. Every export (CLI, GUI, core writers) goes through here.
#include <filesystem>
#include <string_view>

namespace cmoc {

class AtomicFile {
 public:
  // Creates the (empty) temporary file at once, so an unwritable target fails before any work
  // is done. Throws Error("cannot write FILE: reason"), a UsageError when the folder is missing.
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();  // removes the temporary file unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Where a library that writes files itself (libzip, libxlsxwriter) should write.
  const std::filesystem::path& temp() const { return temp_; }
  const std::filesystem::path& target() const { return target_; }
  // Flushes the temporary file to disk and renames it over the target.
  void commit();
  // The same for a target that must not be replaced (a backup): refuses with
  // Error("cannot write FILE: it exists") when a file appeared there meanwhile.
  void commitNew();

 private:
  std::filesystem::path target_, temp_;
  bool committed_ = false;
};

// The whole of `bytes` as `file`, atomically. Throws Error("cannot write FILE: reason").
void writeAtomically(const std::filesystem::path& file, std::string_view bytes);

}  // namespace cmoc

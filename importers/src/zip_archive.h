#pragma once
// A read-only zip container (.docx, .odt, later .qdpx) that refuses what could hurt us: entry
// names that escape a folder, zip bombs, and corrupt archives. Every refusal is an InputError
// naming the file and, where there is one, the entry.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cmoc/importers/importer.h"

namespace cmoc::importers {

// The guards, injectable so tests can exercise them with small archives.
struct ZipLimits {
  std::uint64_t maxUnzippedBytes = kMaxUnzippedBytes;  // all entries together, as read
  std::uint64_t maxEntries = kMaxZipEntries;
  std::uint64_t maxCompressionRatio = kMaxCompressionRatio;
  // Small entries are exempt from the ratio test: a few KiB of repeated XML legitimately
  // compresses far beyond 200:1 and cannot hurt anyone.
  std::uint64_t ratioExemptBytes = 1ull << 20;
};

struct ZipEntry {
  std::string name;
  std::uint64_t size = 0;  // uncompressed, as the header claims
  std::uint64_t compressedSize = 0;
  std::uint64_t index = 0;
};

class ZipArchive {
 public:
  // `fileName` is the name used in errors. Throws InputError for a non-zip or corrupt archive,
  // an unsafe entry name, too many entries, or a header that already promises too much data.
  ZipArchive(std::string bytes, std::string fileName, ZipLimits limits = {});
  // Reads the file (with readFileBytes' size limit) and opens it.
  static ZipArchive open(const std::filesystem::path& file, ZipLimits limits = {});

  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;
  ~ZipArchive();

  const std::vector<ZipEntry>& entries() const { return entries_; }
  const ZipEntry* find(std::string_view name) const;  // nullptr when absent
  // The entry's bytes. Counts what is actually inflated against the limits, because a crafted
  // header can understate an entry's size. Throws InputError when `name` is absent.
  std::string read(std::string_view name) const;
  std::string read(const ZipEntry& entry) const;
  const std::string& fileName() const { return fileName_; }

 private:
  struct Handle;
  std::unique_ptr<Handle> handle_;  // owns the bytes and the zip_t reading them
  std::string fileName_;
  ZipLimits limits_;
  std::vector<ZipEntry> entries_;
  mutable std::uint64_t bytesRead_ = 0;  // inflated so far, across entries
};

// Why `name` is not a safe relative path ("parent directory component", ...); nullopt if safe.
std::optional<std::string> unsafeEntryName(std::string_view name);

}  // namespace cmoc::importers

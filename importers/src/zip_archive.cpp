#include "zip_archive.h"

#include <zip.h>

#include <algorithm>
#include <set>

#include "bytes.h"
#include "cmoc/error.h"

namespace cmoc::importers {

namespace {

std::string formatBytes(std::uint64_t n) {
  constexpr std::uint64_t kMiB = 1ull << 20;
  if (n >= kMiB && n % kMiB == 0) return std::to_string(n / kMiB) + " MiB";
  return std::to_string(n) + " bytes";
}

// libzip's own wording ("Zip archive inconsistent") means little to a researcher; say what
// happened to the file instead.
std::string describe(zip_error_t* error) {
  switch (zip_error_code_zip(error)) {
    case ZIP_ER_NOZIP:
      return "not a valid zip archive (no zip directory: not a zip file, or truncated)";
    case ZIP_ER_INCONS:
      return "corrupt zip archive (inconsistent headers)";
    case ZIP_ER_EOF:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
      return "corrupt zip archive (truncated)";
    case ZIP_ER_CRC:
      return "corrupt zip archive (checksum mismatch)";
    case ZIP_ER_ZLIB:
    case ZIP_ER_COMPRESSED_DATA:
      return "corrupt zip archive (bad compressed data)";
    case ZIP_ER_MULTIDISK:
      return "not supported: multi-volume zip archive";
    case ZIP_ER_COMPNOTSUPP:
      return "not supported: unknown zip compression method";
    case ZIP_ER_ENCRNOTSUPP:
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
      return "not supported: encrypted (password-protected) zip entry";
    default:
      return std::string("corrupt zip archive (") + zip_error_strerror(error) + ")";
  }
}

struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

}  // namespace

std::optional<std::string> unsafeEntryName(std::string_view name) {
  if (name.empty()) return "empty name";
  if (name[0] == '/' || name[0] == '\\') return "absolute path";
  if (name.size() >= 2 && name[1] == ':' &&
      ((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z')))
    return "absolute path with a drive letter";
  // Zips made on Windows sometimes use '\' as the separator; an extractor there would honour it.
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return "'..' path component";
    start = end + 1;
  }
  return std::nullopt;
}

struct ZipArchive::Handle {
  std::string bytes;  // zip_t reads from here, so it must outlive `zip`
  zip_t* zip = nullptr;
  ~Handle() {
    if (zip) zip_discard(zip);  // read-only: never write anything back
  }
};

ZipArchive::ZipArchive(std::string bytes, std::string fileName, ZipLimits limits)
    : handle_(std::make_unique<Handle>()), fileName_(std::move(fileName)), limits_(limits) {
  handle_->bytes = std::move(bytes);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(handle_->bytes.data(), handle_->bytes.size(), 0, &error);
  if (source) handle_->zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!handle_->zip) {
    if (source) zip_source_free(source);
    std::string problem = describe(&error);
    zip_error_fini(&error);
    throw InputError(fileName_, "file", problem);
  }
  zip_error_fini(&error);

  const zip_int64_t count = zip_get_num_entries(handle_->zip, 0);
  if (count < 0) throw InputError(fileName_, "file", "corrupt zip archive (no entry count)");
  if (static_cast<std::uint64_t>(count) > limits_.maxEntries)
    throw InputError(fileName_, "file",
                     "zip archive has " + std::to_string(count) +
                         " entries, more than the limit of " + std::to_string(limits_.maxEntries));
  std::uint64_t total = 0;
  entries_.reserve(static_cast<std::size_t>(count));
  std::set<std::string, std::less<>> names;
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(handle_->zip, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !st.name)
      throw InputError(fileName_, "entry " + std::to_string(i),
                       describe(zip_get_error(handle_->zip)));
    ZipEntry e{st.name, (st.valid & ZIP_STAT_SIZE) ? st.size : 0,
               (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0, static_cast<std::uint64_t>(i)};
    if (auto why = unsafeEntryName(e.name))
      throw InputError(fileName_, e.name, "unsafe zip entry name (" + *why + ")");
    // Zip readers disagree on which of two same-named entries they read (libzip and we the
    // first, others the last), so the file would mean different things in different programs.
    if (!names.insert(e.name).second)
      throw InputError(fileName_, e.name,
                       "the archive holds two entries of this name; which one is meant is not "
                       "clear, so it is refused");
    // The headers' claims are checked now so an obvious bomb is refused before any inflating;
    // read() checks again against what really comes out.
    if (e.size > limits_.maxUnzippedBytes - std::min(total, limits_.maxUnzippedBytes))
      throw InputError(fileName_, "file",
                       "zip archive unpacks to more than the " +
                           formatBytes(limits_.maxUnzippedBytes) + " limit (possible zip bomb)");
    total += e.size;
    if (e.size > limits_.ratioExemptBytes &&
        e.size / std::max<std::uint64_t>(e.compressedSize, 1) > limits_.maxCompressionRatio)
      throw InputError(fileName_, e.name,
                       "compression ratio over " + std::to_string(limits_.maxCompressionRatio) +
                           ":1 (possible zip bomb)");
    entries_.push_back(std::move(e));
  }
}

ZipArchive ZipArchive::open(const std::filesystem::path& file, ZipLimits limits) {
  return ZipArchive(readFileBytes(file), displayName(file), limits);
}

ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

const ZipEntry* ZipArchive::find(std::string_view name) const {
  auto it = std::find_if(entries_.begin(), entries_.end(),
                         [&](const ZipEntry& e) { return e.name == name; });
  return it == entries_.end() ? nullptr : &*it;
}

std::string ZipArchive::read(std::string_view name) const {
  const ZipEntry* e = find(name);
  if (!e) throw InputError(fileName_, std::string(name), "missing from the zip archive");
  return read(*e);
}

std::string ZipArchive::read(const ZipEntry& entry) const {
  std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(handle_->zip, entry.index, 0));
  if (!file) throw InputError(fileName_, entry.name, describe(zip_get_error(handle_->zip)));
  std::string out;
  // Trust the header only as a hint for the first allocation, never beyond the limit.
  out.reserve(
      static_cast<std::size_t>(std::min(entry.size, limits_.maxUnzippedBytes - bytesRead_)));
  char buffer[64 * 1024];
  while (true) {
    const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0) throw InputError(fileName_, entry.name, describe(zip_file_get_error(file.get())));
    if (n == 0) break;
    const auto got = static_cast<std::uint64_t>(n);
    if (got > limits_.maxUnzippedBytes - bytesRead_)
      throw InputError(fileName_, entry.name,
                       "zip archive unpacks to more than the " +
                           formatBytes(limits_.maxUnzippedBytes) + " limit (possible zip bomb)");
    bytesRead_ += got;
    out.append(buffer, static_cast<std::size_t>(got));
    if (out.size() > limits_.ratioExemptBytes &&
        out.size() / std::max<std::uint64_t>(entry.compressedSize, 1) > limits_.maxCompressionRatio)
      throw InputError(fileName_, entry.name,
                       "compression ratio over " + std::to_string(limits_.maxCompressionRatio) +
                           ":1 (possible zip bomb)");
  }
  // libzip checks the CRC but not the length; a mismatch means a damaged or crafted header.
  if (out.size() != entry.size)
    throw InputError(fileName_, entry.name, "corrupt zip archive (size differs from its header)");
  return out;
}

}  // namespace cmoc::importers

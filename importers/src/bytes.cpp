#include "bytes.h"

#include <fstream>

#include "cmoc/error.h"
#include "cmoc/project_files.h"
#include "cmoc/importers/importer.h"

namespace cmoc::importers {

std::string displayName(const std::filesystem::path& file) { return file.filename().string(); }

std::string readFileBytes(const std::filesystem::path& file) {
  const std::string name = displayName(file);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    throw InputError(name, "file", std::filesystem::exists(file, ec) ? "not a regular file" : "no such file");
  // Before any descriptor is opened: closing one on the open project would drop its locks.
  refuseProjectAsInput(file);
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) throw InputError(name, "file", "cannot read: " + ec.message());
  if (size == 0) throw InputError(name, "file", "empty file");
  if (size > kMaxFileBytes)
    throw InputError(name, "file", "larger than the " + std::to_string(kMaxFileBytes >> 20) + " MiB limit");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(name, "file", "cannot open for reading");
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uint64_t>(in.gcount()) != size) throw InputError(name, "file", "read error");
  return bytes;
}

}  // namespace cmoc::importers

#pragma once
// What every fuzz target shares: the bytes as a file of the format's name (the importers read
// files and pick their parser by extension), and the one rule the targets check. A refusal
// through cmoc::Error (InputError, UsageError...) is the importer doing its job; any other
// exception, a crash, a hang or a sanitizer report is a bug.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <string_view>

#include "cmoc/error.h"

namespace cmoc::fuzz {

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A per-process scratch folder in memory where there is one, so each run costs no disk write.
inline const std::filesystem::path& scratch() {
  static const std::filesystem::path dir = [] {
    const std::filesystem::path base =
        std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
    auto d = base / ("cmoc-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

// Writes the bytes to scratch()/input.EXT and runs `read` on that file, accepting refusals.
inline void asFile(std::string_view input, const std::string& extension,
                   const std::function<void(const std::filesystem::path&)>& read) {
  const auto file = scratch() / ("input." + extension);
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(input.data(), static_cast<std::streamsize>(input.size()));
  }
  try {
    read(file);
  } catch (const cmoc::Error&) {
    // Refused with a message: what malformed input should get.
  }
}

// Runs `parse` on the bytes, accepting refusals.
inline void refusalsAllowed(const std::function<void()>& parse) {
  try {
    parse();
  } catch (const cmoc::Error&) {
  }
}

}  // namespace cmoc::fuzz

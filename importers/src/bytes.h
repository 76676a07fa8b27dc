#pragma once
// Reading input files whole, with the size limit and readable errors.
#include <filesystem>
#include <string>

namespace cmoc::importers {
// The file's bytes. Throws InputError for a missing, unreadable, empty or too-large file.
std::string readFileBytes(const std::filesystem::path& file);
std::string displayName(const std::filesystem::path& file);  // base name for messages
}  // namespace cmoc::importers

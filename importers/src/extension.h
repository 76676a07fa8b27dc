#pragma once
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <initializer_list>
#include <string>

namespace cmoc::importers {
// Case-insensitive file extension test (".DOCX" from Windows is common).
inline bool hasExtension(const std::filesystem::path& file, std::initializer_list<const char*> exts) {
  std::string e = file.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::any_of(exts.begin(), exts.end(), [&](const char* x) { return e == x; });
}
}  // namespace cmoc::importers

#pragma once
// Exports choose their format by the file's extension, whatever its case ("Report.HTML").
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>

namespace cmoc {

inline std::string lowerExtension(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

}  // namespace cmoc

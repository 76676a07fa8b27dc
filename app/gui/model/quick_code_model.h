#pragma once
// The quick-code box: type a few letters of a code and pick it with the keyboard. Matching is
// case- and accent-insensitive (core's search folding); a name that starts with the query ranks
// before one that merely contains it, and names before paths.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cmoc/codebook.h"

namespace cmoc::gui {

struct QuickCodeMatch {
  std::int64_t codeId = 0;
  std::string label;  // "[M] Trust   Mechanisms/Trust"
  std::string path;
  int rank = 0;       // lower is better
};

class QuickCodeModel {
 public:
  explicit QuickCodeModel(const std::vector<Code>& codes);
  // Best matches first; every code (in codebook order) for an empty query.
  std::vector<QuickCodeMatch> matches(std::string_view query, std::size_t limit = 30) const;

 private:
  struct Entry {
    std::int64_t id;
    std::string label, path, foldedName, foldedPath;
  };
  std::vector<Entry> entries_;
};

}  // namespace cmoc::gui

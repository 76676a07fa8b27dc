#include "cmoc/names.h"

#include "cmoc/text.h"

namespace cmoc {

std::optional<std::string> nameLengthProblem(std::string_view what, std::string_view name) {
  // Bytes bound code points from above: most names need no count.
  if (name.size() <= kMaxNameLength) return std::nullopt;
  const std::int64_t length = text::codePointCount(name);
  if (length <= static_cast<std::int64_t>(kMaxNameLength)) return std::nullopt;
  const bool vowel =
      !what.empty() && std::string_view("aeiou").find(what.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(what) + " name can be at most " +
         std::to_string(kMaxNameLength) + " characters; this one has " + std::to_string(length);
}

}  // namespace cmoc

#include "numbers.h"

#include <charconv>

#include "cmoc/error.h"

namespace cmoc::cli {

std::int64_t parseWholeNumber(std::string_view text, const std::string& what, std::int64_t min,
                              std::int64_t max) {
  std::int64_t n = 0;
  const char* last = text.data() + text.size();
  // from_chars takes no '+', so "+3" is refused like any other stray character.
  const auto [end, ec] = std::from_chars(text.data(), last, n);
  if (text.empty() || ec != std::errc() || end != last || n < min || n > max) {
    const std::string range = max == kNoUpperLimit
                                  ? "from " + std::to_string(min) + " up"
                                  : "from " + std::to_string(min) + " to " + std::to_string(max);
    throw UsageError(what + " needs a whole number " + range + ", not '" + std::string(text) + "'");
  }
  return n;
}

}  // namespace cmoc::cli

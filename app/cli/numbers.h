#pragma once
// Every number the `cmoc` command reads from its arguments goes through here, so that "-1",
// "4.5", "ten" and a 20-digit number all get the same one-line error, never a wrapped value or
// a library exception. Limits are named so the help and the errors agree.
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace cmoc::cli {

inline constexpr std::int64_t kNoUpperLimit = std::numeric_limits<std::int64_t>::max();
// Positions count code points; no transcript holds more than an input file's bytes.
inline constexpr std::int64_t kMaxPosition = 256ll << 20;
inline constexpr std::int64_t kMaxLogEntries = 1'000'000;
inline constexpr std::int64_t kMaxSearchHits = 1'000'000;
inline constexpr std::int64_t kMaxContextChars = 10'000;
inline constexpr std::int64_t kMaxThreshold = 1'000'000;

// `text` as a whole number in [min, max]; otherwise a UsageError such as
// "--limit needs a whole number from 1 to 1000000, not '-1'" (or "from 1 up" with no limit).
std::int64_t parseWholeNumber(std::string_view text, const std::string& what, std::int64_t min,
                              std::int64_t max);

// An id: a whole number from 1 up.
inline std::int64_t parseId(std::string_view text, const std::string& what) {
  return parseWholeNumber(text, what, 1, kNoUpperLimit);
}

}  // namespace cmoc::cli

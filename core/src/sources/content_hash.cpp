#include "content_hash.h"

#include <cstdint>
#include <cstdio>

namespace cmoc::store {
std::string contentHash(std::string_view text) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016llx-%zx", static_cast<unsigned long long>(h), text.size());
  return buf;
}
}  // namespace cmoc::store

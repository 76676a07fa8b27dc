#pragma once
// Makes GUIDs without allocating, for bulk inserts; newGuid() (cmoc/project.h) uses one per
// thread. See guid.cpp for the layout.
#include <cstdint>
#include <random>
#include <string_view>

namespace cmoc {

class GuidGenerator {
 public:
  // A new GUID, lower-case 8-4-4-4-12 hex; valid until the next call.
  std::string_view next();

 private:
  std::mt19937_64 rng_;
  bool seeded_ = false;
  unsigned seededAt_ = 0;  // the fork count when seeded
  std::uint64_t millis_ = 0, counter_ = 0;
  char buf_[36];
};

}  // namespace cmoc

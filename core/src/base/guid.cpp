// GUIDs for every entity (DESIGN.md: entities carry GUIDs so merges and REFI-QDA exchange can
// match them). They are time-ordered in the layout of RFC 9562's version 7: 48 bits of Unix
// milliseconds, a 12-bit counter that keeps GUIDs made within one millisecond in order, then 62
// random bits. Ordered GUIDs make a bulk insert (auto-coding 84,000 codings) append to the
// unique guid index instead of writing all over it; the random bits keep two processes (two
// coders at once, a fork) from colliding.
#include <pthread.h>

#include <atomic>
#include <chrono>

#include "cmoc/project.h"
#include "guid.h"

namespace cmoc {

namespace {

// Bumped in every forked child, so each generator reseeds there: a child would otherwise
// repeat its parent's random bits. (Cheaper than asking the kernel for the process id on every
// GUID, which cost more than the rest of making one.)
std::atomic<unsigned> forks{0};
const int forkHandler = pthread_atfork(nullptr, nullptr, [] { forks.fetch_add(1); });

std::uint64_t unixMillis() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

}  // namespace

std::string_view GuidGenerator::next() {
  if (!seeded_ || seededAt_ != forks.load(std::memory_order_relaxed)) {
    std::random_device rd;
    std::seed_seq seed{rd(), rd(), rd(), rd()};
    rng_.seed(seed);
    seeded_ = true;
    seededAt_ = forks.load(std::memory_order_relaxed);
  }
  const std::uint64_t now = unixMillis();
  if (now > millis_) {
    millis_ = now;
    counter_ = 0;
  } else if (++counter_ > 0xFFF) {  // 4,096 in one millisecond: borrow the next one
    ++millis_;
    counter_ = 0;
  }
  const std::uint64_t a = (millis_ << 16) | 0x7000 | counter_;                 // version 7
  const std::uint64_t b = (rng_() & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // variant
  static constexpr char kHex[] = "0123456789abcdef";
  int i = 0;
  for (std::uint64_t half : {a, b})
    for (int nibble = 15; nibble >= 0; --nibble) {
      if (i == 8 || i == 13 || i == 18 || i == 23) buf_[i++] = '-';
      buf_[i++] = kHex[(half >> (nibble * 4)) & 0xF];
    }
  return {buf_, sizeof buf_};
}

std::string newGuid() {
  thread_local GuidGenerator generator;
  return std::string(generator.next());
}

}  // namespace cmoc

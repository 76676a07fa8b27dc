#include "model/shared_progress.h"

namespace cmoc::gui {

void SharedProgress::update(std::size_t done, std::size_t total, std::string_view label) {
  std::lock_guard lock(mutex_);
  last_.done = done;
  last_.total = total;
  last_.label = label;
}

SharedProgress::Snapshot SharedProgress::snapshot() const {
  std::lock_guard lock(mutex_);
  return last_;
}

}  // namespace cmoc::gui

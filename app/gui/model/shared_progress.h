#pragma once
// Core's Progress for work on a worker thread that a dialog on the UI thread follows: the worker
// reports into it, the UI thread polls a snapshot and may cancel, which core notices at its next
// report.
#include <atomic>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>

#include "cmoc/progress.h"

namespace cmoc::gui {

class SharedProgress final : public Progress {
 public:
  struct Snapshot {
    std::size_t done = 0, total = 0;
    std::string label;
  };

  void update(std::size_t done, std::size_t total, std::string_view label) override;
  bool cancelled() const override { return cancelled_; }
  void cancel() { cancelled_ = true; }
  Snapshot snapshot() const;

 private:
  mutable std::mutex mutex_;
  Snapshot last_;
  std::atomic<bool> cancelled_{false};
};

}  // namespace cmoc::gui

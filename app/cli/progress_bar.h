#pragma once
// A progress bar on stderr, drawn only when stderr is a terminal and the work lasts.
#include <chrono>
#include <string>

#include "cmoc/progress.h"

namespace cmoc::cli {

class ProgressBar final : public Progress {
 public:
  explicit ProgressBar(std::string title);
  ~ProgressBar() override;
  void update(std::size_t done, std::size_t total, std::string_view label) override;

 private:
  std::string title_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point started_, lastDraw_;
};

}  // namespace cmoc::cli

#pragma once
// The neutral interface through which long work in core reports progress and learns of
// cancellation. The CLI draws a bar on a terminal; the GUI drives a progress dialog.
#include <cstddef>
#include <string_view>

namespace cmoc {

class Progress {
 public:
  virtual ~Progress() = default;
  virtual void update(std::size_t done, std::size_t total, std::string_view label) = 0;
  virtual bool cancelled() const { return false; }
};

class NoProgress final : public Progress {
 public:
  void update(std::size_t, std::size_t, std::string_view) override {}
};

}  // namespace cmoc

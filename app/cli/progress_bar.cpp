#include "progress_bar.h"

#include <unistd.h>

#include <cstdio>

namespace cmoc::cli {

namespace {
// Work shorter than this shows no bar at all (DESIGN.md: a bar for work over a second).
constexpr auto kShowAfter = std::chrono::milliseconds(1000);
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
constexpr int kBarWidth = 30;
}  // namespace

ProgressBar::ProgressBar(std::string title)
    : title_(std::move(title)), enabled_(isatty(STDERR_FILENO) != 0),
      started_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
}

void ProgressBar::update(std::size_t done, std::size_t total, std::string_view label) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - started_ < kShowAfter || (drawn_ && now - lastDraw_ < kRedrawEvery && done < total))
    return;
  lastDraw_ = now;
  drawn_ = true;
  const int filled = total ? static_cast<int>(kBarWidth * done / total) : 0;
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kBarWidth, '.');
  std::string shown(label.substr(0, 40));
  std::fprintf(stderr, "\r\033[K%s [%s] %zu/%zu %s", title_.c_str(), bar.c_str(), done, total,
               shown.c_str());
  std::fflush(stderr);
}

}  // namespace cmoc::cli

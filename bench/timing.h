#pragma once
// Wall and CPU clocks for the benchmarks. The machines are shared: other processes stretch the
// wall time, while the CPU time (user + system) shows what the work itself cost, so every
// benchmark reports both.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <vector>

namespace cmoc::bench {

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

struct Timing {
  double wall = 0, cpu = 0;
};

inline double cpuSeconds(const rusage& r) {
  return static_cast<double>(r.ru_utime.tv_sec + r.ru_stime.tv_sec) +
         static_cast<double>(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
}

inline double selfCpu() {
  rusage r{};
  getrusage(RUSAGE_SELF, &r);
  return cpuSeconds(r);
}

// Times one call of `work` in this process.
template <class Work>
Timing timed(Work&& work) {
  const auto t0 = Clock::now();
  const double c0 = selfCpu();
  work();
  return {secondsSince(t0), selfCpu() - c0};
}

inline double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace cmoc::bench

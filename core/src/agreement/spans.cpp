#include "spans.h"

#include <algorithm>

namespace cmoc::agreement {

Spans normalized(Spans spans) {
  std::erase_if(spans, [](const Span& s) { return s.end <= s.start; });
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
  Spans out;
  for (const Span& s : spans) {
    if (!out.empty() && s.start <= out.back().end) out.back().end = std::max(out.back().end, s.end);
    else out.push_back(s);
  }
  return out;
}

std::int64_t length(const Spans& s) {
  std::int64_t n = 0;
  for (const Span& x : s) n += x.end - x.start;
  return n;
}

Spans unite(const Spans& a, const Spans& b) {
  Spans all = a;
  all.insert(all.end(), b.begin(), b.end());
  return normalized(std::move(all));
}

Spans intersect(const Spans& a, const Spans& b) {
  Spans out;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const std::int64_t s = std::max(a[i].start, b[j].start), e = std::min(a[i].end, b[j].end);
    if (s < e) out.push_back({s, e});
    if (a[i].end < b[j].end) ++i;
    else ++j;
  }
  return out;
}

Spans subtract(const Spans& a, const Spans& b) {
  Spans out;
  std::size_t j = 0;
  for (Span s : a) {
    while (j < b.size() && b[j].end <= s.start) ++j;
    for (std::size_t k = j; k < b.size() && b[k].start < s.end; ++k) {
      if (b[k].start > s.start) out.push_back({s.start, b[k].start});
      s.start = std::max(s.start, b[k].end);
    }
    if (s.start < s.end) out.push_back(s);
  }
  return out;
}

Spans clip(const Spans& s, Span window) { return intersect(s, Spans{window}); }

bool overlaps(const Spans& s, Span window) {
  // The first span ending after the window starts is the only candidate.
  auto it = std::upper_bound(s.begin(), s.end(), window.start,
                             [](std::int64_t pos, const Span& x) { return pos < x.end; });
  return it != s.end() && it->start < window.end;
}

Spans replaceWithin(const Spans& base, Span window, const Spans& replacement) {
  return unite(subtract(base, Spans{window}), clip(replacement, window));
}

}  // namespace cmoc::agreement

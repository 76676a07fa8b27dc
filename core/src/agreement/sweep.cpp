#include "sweep.h"

#include <algorithm>

namespace cmoc::agreement {

std::vector<Run> codedRuns(std::span<const Spans* const> coders) {
  struct Edge {
    std::int64_t pos;
    std::uint32_t bit;
  };
  std::vector<Edge> edges;
  for (std::size_t c = 0; c < coders.size(); ++c)
    for (const Span& s : *coders[c]) {
      edges.push_back({s.start, 1u << c});
      edges.push_back({s.end, 1u << c});
    }
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.pos < b.pos; });
  // A coder's spans are disjoint and never touch, so each boundary toggles that coder's bit.
  std::vector<Run> runs;
  std::uint32_t mask = 0;
  for (std::size_t i = 0; i < edges.size();) {
    const std::int64_t pos = edges[i].pos;
    for (; i < edges.size() && edges[i].pos == pos; ++i) mask ^= edges[i].bit;
    if (mask == 0 || i == edges.size()) continue;
    const std::int64_t next = edges[i].pos;
    if (!runs.empty() && runs.back().end == pos && runs.back().mask == mask) runs.back().end = next;
    else runs.push_back({pos, next, mask});
  }
  return runs;
}

std::vector<std::uint32_t> unitMasks(const Spans& units, std::span<const Spans* const> coders) {
  std::vector<std::uint32_t> masks(units.size(), 0);
  for (std::size_t c = 0; c < coders.size(); ++c) {
    const Spans& spans = *coders[c];
    std::size_t j = 0;
    for (std::size_t u = 0; u < units.size(); ++u) {
      // Both lists are sorted and disjoint: a span ending before this unit ends before the next.
      while (j < spans.size() && spans[j].end <= units[u].start) ++j;
      if (j < spans.size() && spans[j].start < units[u].end) masks[u] |= 1u << c;
    }
  }
  return masks;
}

}  // namespace cmoc::agreement

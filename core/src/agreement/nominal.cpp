#include "nominal.h"

#include <algorithm>

#include "sweep.h"

namespace cmoc::agreement {

CategoryRunsResult addCategoryRuns(const SourceData& source, std::size_t coders, Ratings& out) {
  struct Edge {
    std::int64_t pos;
    std::size_t coder, channel;
    bool opens;
  };
  std::vector<Edge> edges;
  for (const ChannelSpans& cs : source.channels)
    for (std::size_t c = 0; c < coders; ++c)
      for (const Span& s : cs.byCoder[c]) {
        edges.push_back({s.start, c, cs.channel, true});
        edges.push_back({s.end, c, cs.channel, false});
      }
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.pos < b.pos; });
  CategoryRunsResult result;
  std::vector<std::vector<std::size_t>> active(coders);  // categories each coder has open
  std::vector<int> values(coders);
  for (std::size_t i = 0; i < edges.size();) {
    const std::int64_t pos = edges[i].pos;
    for (; i < edges.size() && edges[i].pos == pos; ++i) {
      auto& open = active[edges[i].coder];
      if (edges[i].opens) open.push_back(edges[i].channel);
      else open.erase(std::find(open.begin(), open.end(), edges[i].channel));
    }
    if (i == edges.size()) break;
    const Span run{pos, edges[i].pos};
    bool any = false;
    for (std::size_t c = 0; c < coders; ++c) {
      if (active[c].size() > 1) {
        const auto [lo, hi] = std::minmax(active[c][0], active[c][1]);
        result.conflict = CategoryConflict{c, run, 0, lo, hi};
        return result;
      }
      values[c] = active[c].empty() ? kMissing : static_cast<int>(active[c][0]);
      any = any || !active[c].empty();
    }
    if (!any) continue;
    out.add(values, static_cast<double>(run.end - run.start));
    result.covered += run.end - run.start;
  }
  return result;
}

std::optional<CategoryConflict> addCategoryUnits(const SourceData& source, std::size_t coders,
                                                 const std::vector<bool>& inScope, Ratings& out) {
  Spans units;
  for (const Unit& u : source.units) units.push_back(u.span);
  std::vector<std::vector<int>> values(units.size(), std::vector<int>(coders, kMissing));
  std::vector<const Spans*> ptrs(coders);
  for (const ChannelSpans& cs : source.channels) {
    for (std::size_t c = 0; c < coders; ++c) ptrs[c] = &cs.byCoder[c];
    const std::vector<std::uint32_t> masks = unitMasks(units, ptrs);
    for (std::size_t u = 0; u < units.size(); ++u)
      for (std::size_t c = 0; c < coders; ++c) {
        if (!(masks[u] >> c & 1u)) continue;
        int& v = values[u][c];
        if (v != kMissing) {
          // Not std::minmax: it returns references, here to a temporary that dies at once.
          const auto earlier = static_cast<std::size_t>(v);
          return CategoryConflict{c, units[u], source.units[u].number,
                                  std::min(earlier, cs.channel), std::max(earlier, cs.channel)};
        }
        v = static_cast<int>(cs.channel);
      }
  }
  for (std::size_t u = 0; u < units.size(); ++u)
    if (inScope[u]) out.add(values[u]);
  return std::nullopt;
}

}  // namespace cmoc::agreement

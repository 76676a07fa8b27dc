#pragma once
// Spans of code points [start, end) and the set operations agreement and adjudication need.
// "Normalized" spans are sorted, non-empty and disjoint with no two touching, so that a
// coder's coverage of a text has exactly one representation.
#include <cstdint>
#include <vector>

namespace cmoc::agreement {

struct Span {
  std::int64_t start = 0, end = 0;
  bool operator==(const Span&) const = default;
};
using Spans = std::vector<Span>;

Spans normalized(Spans spans);
std::int64_t length(const Spans& s);
// The operations below take and return normalized spans.
Spans unite(const Spans& a, const Spans& b);
Spans intersect(const Spans& a, const Spans& b);
Spans subtract(const Spans& a, const Spans& b);
Spans clip(const Spans& s, Span window);
bool overlaps(const Spans& s, Span window);
// `base` outside `window`, `replacement` inside it.
Spans replaceWithin(const Spans& base, Span window, const Spans& replacement);

}  // namespace cmoc::agreement

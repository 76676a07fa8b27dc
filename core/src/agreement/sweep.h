#pragma once
// Turning coders' coverage into units: character runs over which the set of coders stays the
// same (a sweep over sorted span boundaries, so no per-character array is ever built), or,
// for sentences, paragraphs and turns, which coders touched each unit.
#include <cstdint>
#include <span>
#include <vector>

#include "spans.h"

namespace cmoc::agreement {

// A run of code points coded by the coders in `mask` (bit i = coder i).
struct Run {
  std::int64_t start = 0, end = 0;
  std::uint32_t mask = 0;
};

// The runs where at least one coder codes, in order; each coder's spans are normalized.
// Neighbouring runs always differ in mask.
std::vector<Run> codedRuns(std::span<const Spans* const> coders);

// For each unit (sorted, disjoint), the coders whose spans overlap it.
std::vector<std::uint32_t> unitMasks(const Spans& units, std::span<const Spans* const> coders);

}  // namespace cmoc::agreement

#pragma once
// A group's child codes as one nominal variable: per unit, each coder's value is the category
// they applied there, or missing when they applied none. Two categories from one coder on one
// unit contradict "mutually exclusive" and are returned as a conflict for the caller to report.
#include <cstdint>
#include <optional>
#include <vector>

#include "cmoc/agreement.h"
#include "input.h"

namespace cmoc::agreement {

struct CategoryConflict {
  std::size_t coder = 0;
  Span where;
  std::int64_t unitNumber = 0;  // unit level only
  std::size_t first = 0, second = 0;  // channel indices
};

// Character level: adds the runs any coder categorised; returns their total length (the rest
// of the scope is all-missing and added by the caller), or the first conflict.
struct CategoryRunsResult {
  std::int64_t covered = 0;
  std::optional<CategoryConflict> conflict;
};
CategoryRunsResult addCategoryRuns(const SourceData& source, std::size_t coders, Ratings& out);

// Unit level: adds each unit for which inScope is true.
std::optional<CategoryConflict> addCategoryUnits(const SourceData& source, std::size_t coders,
                                                 const std::vector<bool>& inScope, Ratings& out);

}  // namespace cmoc::agreement

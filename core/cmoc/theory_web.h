#pragma once
// The causal web of how the programme theory changed between two versions (issue 11): every
// CMOC path and chain link of either version, marked added, removed, changed or unchanged
// (toDot draws the marks with a legend). Built from the two snapshots and their diff, never
// from the live tables: a removed CMOC exists only in the older version.
#include <string_view>
#include <vector>

#include "cmoc/causal_web.h"
#include "cmoc/codebook.h"
#include "cmoc/theory.h"
#include "cmoc/theory_diff.h"

namespace cmoc {

class Project;

// A version keeps each code's GUID and path only; kind, colour and name come from `codebook`
// by GUID. A code the codebook no longer has is drawn under the last part of its path, in the
// role of the slot it filled, with a negative code id. A changed CMOC's paths are drawn as
// changed; when one of its codes changed, the path it had is drawn as removed beside the new.
CausalWeb buildTheoryWeb(const TheorySnapshot& from, const TheorySnapshot& to,
                         const TheoryDiff& diff, const std::vector<Code>& codebook);
// One version's web in the plain look, nothing marked: what `cmoc web --theory V` draws. Codes
// are looked up as above.
CausalWeb buildVersionWeb(const TheorySnapshot& version, const std::vector<Code>& codebook);
// Loads V1 and V2 (either may be kCurrentTheory) and diffs them; throws as diffTheories does
// (NotFound for an unknown version, UsageError when both name the same one).
CausalWeb buildTheoryWeb(Project& project, std::string_view v1, std::string_view v2);

}  // namespace cmoc

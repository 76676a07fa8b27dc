#pragma once
// What `demi`, `export-cmocs` and `export-statements` share: choosing CMOCs by mechanism and
// status with a multiple-sources threshold, and the demiregularity table as text (the demo
// prints it too).
#include <ostream>
#include <vector>

#include "args.h"
#include "cmoc/demiregularity.h"

namespace cmoc::cli {

// --mechanism (repeatable), --status, --threshold.
std::vector<OptionSpec> demiOptionSpecs();
std::vector<OptionSpec> withOptions(std::vector<OptionSpec> a, const std::vector<OptionSpec>& b);
// Throws UsageError for a bad status or threshold.
DemiOptions demiOptions(const Args& args);

void writeDemiTable(std::ostream& out, const std::vector<Demiregularity>& demis, int threshold);

}  // namespace cmoc::cli

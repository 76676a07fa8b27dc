#pragma once
// Krippendorff's unitized alpha for the agreement report: the loaded codings as continua.
#include "cmoc/agreement.h"
#include "input.h"

namespace cmoc::agreement {

// Throws UsageError when options cannot be unitized (a --unit, a group, codedOnly).
void checkUnitizedOptions(const AgreementOptions& options);

// Sets unitizedAlpha on every code row and the overall row, and report.sourcesUnitized. The
// continuum is every source every coder coded (with includeSingleCoderSources every compared
// source, absent coders having coded nothing), each code its own binary continuum; the overall
// row pools the codes: 1 - sum of D_o / sum of D_e.
void addUnitizedAlpha(const Loaded& in, const AgreementOptions& options, AgreementReport& report);

}  // namespace cmoc::agreement

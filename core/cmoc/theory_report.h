#pragma once
// Programme-theory versions (theory.h) laid out as report tables, for the CLI's table, CSV and
// JSON output and the GUI's Theory tab.
#include "cmoc/grouped_report.h"
#include "cmoc/report_table.h"
#include "cmoc/theory.h"
#include "cmoc/theory_diff.h"

namespace cmoc {

// One row per CMOC: id, context, mechanism, outcome, status, prior (id), excerpts, sources,
// label, and the CMOCs its outcome feeds ("4, 9").
ReportTable theorySnapshotTable(const TheorySnapshot& snapshot);

// The diff, one row per change: mechanism, change (added, removed, changed, chain added, chain
// removed), cmoc (id), configuration, field, before, after. An added or removed CMOC is one row
// (its status and support in after or before); a changed one has a row per field; a chain is a
// row of the CMOC it starts from, field "feeds".
ReportTable theoryDiffTable(const TheoryDiff& diff);
// The same per mechanism (a section each, without the mechanism column), under a title naming
// both versions and the summary.
GroupedReport theoryDiffReport(const TheoryDiff& diff);

}  // namespace cmoc

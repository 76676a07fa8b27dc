#pragma once
// CMOCs in bulk: bringing in a set of CMOCs written elsewhere (a spreadsheet, a script, the
// bundled sample study) with their evidence, priors and chains, as one undoable Action: all
// rows or none.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cmoc/cmocs.h"

namespace cmoc {

class Project;

// A piece of evidence named by where it is: the coding of `source` (file name or id) with
// exactly the span [start, end) in code points.
struct EvidenceRef {
  Slot slot = Slot::Context;
  std::string source;
  std::int64_t start = 0, end = 0;
};

// One row of a CMOCs CSV (importers::loadCmocsCsv). `line` is the row's line, for errors.
struct CmocRow {
  int line = 0;
  std::string key;  // unique in the file; stored as the CMOC's label
  std::string context, mechanism, outcome;  // code names or paths
  CmocStatus status = CmocStatus::Novel;
  std::string prior;  // the key of an earlier row this CMOC tests, or empty
  std::string memo;
  std::vector<EvidenceRef> evidence;
  std::vector<std::string> feeds;  // keys of CMOCs whose context this one's outcome feeds
};

struct CmocImportResult {
  std::size_t cmocs = 0, evidence = 0, links = 0;
};

// Stores every row as one Action, as the project's current coder. Evidence is the coding with
// that span in that source, preferring one whose code is the slot's code, then one by the
// current coder. Throws InputError(fileName, "line N", problem) for an unknown code, source or
// key, a prior that is not an earlier row, a wrong-kind slot (unless `check` is Force), a row
// that feeds itself, or a span with no coding; nothing is stored.
CmocImportResult importCmocs(Project& project, const std::vector<CmocRow>& rows,
                             const std::string& fileName, KindCheck check = KindCheck::Strict);

}  // namespace cmoc

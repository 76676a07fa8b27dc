#pragma once
// Codings in bulk: bringing in coding from spreadsheets and scripts, and writing it out so that
// another project holding the same sources can take it back in. An import is one Action: all
// rows or none, undone as one step.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cmoc/coding.h"

namespace cmoc {

class Project;
class Progress;

// One row of a codings CSV (importers::loadCodingsCsv). A span is [start, end) in code points;
// a turn codes a whole speaker turn (numbered from 1 in document order). `line` is the row's
// line in the file, for errors.
struct CodingRow {
  int line = 0;
  std::string source;  // id or file name
  std::optional<std::int64_t> start, end, turn;
  std::string code;   // name or path "Parent/Child"
  std::string coder;  // empty: the project's current coder
  std::string memo;
};

struct BulkCodingResult {
  std::size_t imported = 0;
  std::vector<std::string> createdCodes;   // paths, in the order they were created
  std::vector<std::string> createdCoders;  // names new to the project
};

// Stores every row as one undoable Action. An unknown code is an error naming the row's line
// unless createCodes, which creates it (and any missing parents on its path) as an inductive
// code of kind `other`. Unknown coders are created. Unknown sources or turns and spans out of
// range, inverted or empty throw InputError(fileName, "line N", problem); nothing is stored.
BulkCodingResult importCodings(Project& project, const std::vector<CodingRow>& rows,
                               bool createCodes, const std::string& fileName,
                               Progress* progress = nullptr);

// CSV (RFC 4180, LF) with the columns source,start,end,code,coder,memo: the source as its file
// name, the code as its path. Importing it into a project with the same sources reproduces the
// codings. `rows`, when given, receives the number of codings written.
std::string exportCodings(Project& project, const CodingFilter& filter,
                          std::size_t* rows = nullptr);

}  // namespace cmoc

#pragma once
// `cmoc import` hands REFI-QDA files (.qdpx .qdc .qde) to the exchange importer, so users import
// every kind of file with one command (issue 6); `import-qda` remains its explicit name.
#include <vector>

#include "args.h"

namespace cmoc::cli {

// The options that only the REFI-QDA import understands (--skip-missing-sources,
// --allow-external, --positions).
std::vector<OptionSpec> refiOnlyImportOptions();
// Imports the one exchange file named after PROJECT and prints the import report.
int runRefiImport(const Args& args);

}  // namespace cmoc::cli

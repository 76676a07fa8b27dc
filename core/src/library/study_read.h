#pragma once
// Studies as the rest of core reads them: every study with its authors, attributes and papers,
// and the citation each linked paper's quotes carry (excerpts, CMOC tables, search hits).
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "backend/sqlite/sqlite.h"
#include "cmoc/library.h"

namespace cmoc::library {

// Every study, by key.
std::vector<Study> readStudies(const sql::Db& db);
// The citation of each linked paper's study ("Hartley and Osei 2017"), by source id. Empty
// when the library is.
std::unordered_map<std::int64_t, std::string> citationsBySource(const sql::Db& db);

}  // namespace cmoc::library

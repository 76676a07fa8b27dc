#pragma once
// A paper's pages as sources store them (cmoc/transcript.h's PageSpan, the `pages` table).
#include <cstdint>
#include <string>
#include <vector>

#include "backend/sqlite/sqlite.h"
#include "cmoc/transcript.h"

namespace cmoc::store {

// Throws Error unless `pages` cover [0, length) in order, each starting where the one before
// ends: a page range is a promise that every position has exactly one page.
void checkPages(const std::string& fileName, const std::vector<PageSpan>& pages,
                std::int64_t length);
void writePages(const sql::Db& db, std::int64_t sourceId, const std::vector<PageSpan>& pages);

}  // namespace cmoc::store

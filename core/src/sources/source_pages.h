#pragma once
// A paper's pages as sources store them (cmoc/transcript.h's PageSpan, the `pages` table).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "backend/sqlite/page_rows.h"
#include "backend/sqlite/sqlite.h"
#include "cmoc/transcript.h"

namespace cmoc::store {

// Throws Error unless `pages` cover [0, length) in order, each starting where the one before
// ends: a page range is a promise that every position has exactly one page.
void checkPages(const std::string& fileName, const std::vector<PageSpan>& pages,
                std::int64_t length);
void writePages(const sql::Db& db, std::int64_t sourceId, const std::vector<PageSpan>& pages);

// The page of a position, for readers that walk positions source by source (excerpts, search):
// each source's pages are read once, when the walk reaches it.
class PageLookup {
 public:
  explicit PageLookup(const sql::Db& db) : db_(db) {}
  // nullopt for a source without pages (a transcript).
  std::optional<std::int64_t> pageOf(std::int64_t sourceId, std::int64_t at);

 private:
  const sql::Db& db_;
  std::int64_t source_ = 0;
  std::vector<PageRow> pages_;
};

}  // namespace cmoc::store

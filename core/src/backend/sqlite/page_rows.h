#pragma once
// The gateway of the `pages` table: each page of a paged source (a PDF paper) and the code point
// range its text occupies. Import and merge write pages through it, text edits move them, and
// excerpts, CMOC tables and search ask it which page a position is on.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sqlite.h"

namespace cmoc::store {

struct PageRow {
  std::int64_t page = 0;            // 1-based
  std::int64_t start = 0, end = 0;  // code points
};

class PageRows {
 public:
  explicit PageRows(const sql::Db& db) : db_(db) {}

  void insert(std::int64_t sourceId, const PageRow& row);
  // The source's pages in order; empty for a source without pages (a transcript).
  std::vector<PageRow> ofSource(std::int64_t sourceId) const;
  void update(std::int64_t sourceId, const PageRow& row);
  // Copies the pages of source `fromId` in `fromTable` (a schema-qualified `pages`, such as a
  // merged project's) to source `toId` of this project.
  void copy(const std::string& fromTable, std::int64_t fromId, std::int64_t toId);

 private:
  const sql::Db& db_;
  std::optional<sql::Stmt> insert_;
};

// The page of code point `at` among `pages` (as ofSource gives them): the page whose range holds
// it; a position at the very end of the text is on the last page. nullopt without pages.
std::optional<std::int64_t> pageAt(const std::vector<PageRow>& pages, std::int64_t at);

}  // namespace cmoc::store

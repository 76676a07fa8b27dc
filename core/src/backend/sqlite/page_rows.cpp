#include "page_rows.h"

#include <algorithm>

namespace cmoc::store {

void PageRows::insert(std::int64_t sourceId, const PageRow& row) {
  if (!insert_) insert_.emplace(db_, "INSERT INTO pages(source_id, page, start, end) VALUES (?, ?, ?, ?)");
  insert_->bind(1, sourceId).bind(2, row.page).bind(3, row.start).bind(4, row.end).run();
}

std::vector<PageRow> PageRows::ofSource(std::int64_t sourceId) const {
  sql::Stmt st(db_, "SELECT page, start, end FROM pages WHERE source_id = ? ORDER BY page");
  st.bind(1, sourceId);
  std::vector<PageRow> out;
  while (st.step()) out.push_back({st.i64("page"), st.i64("start"), st.i64("end")});
  return out;
}

void PageRows::update(std::int64_t sourceId, const PageRow& row) {
  sql::Stmt st(db_, "UPDATE pages SET start = ?, end = ? WHERE source_id = ? AND page = ?");
  st.bind(1, row.start).bind(2, row.end).bind(3, sourceId).bind(4, row.page).run();
}

void PageRows::copy(const std::string& fromTable, std::int64_t fromId, std::int64_t toId) {
  sql::Stmt st(db_, "INSERT INTO main.pages(source_id, page, start, end) SELECT ?, page, start, "
                    "end FROM " + fromTable + " WHERE source_id = ?");
  st.bind(1, toId).bind(2, fromId).run();
}

std::optional<std::int64_t> pageAt(const std::vector<PageRow>& pages, std::int64_t at) {
  if (pages.empty()) return std::nullopt;
  // The first page ending after `at`; empty pages end where they start, so they never hold it.
  const auto it = std::upper_bound(pages.begin(), pages.end(), at,
                                   [](std::int64_t x, const PageRow& p) { return x < p.end; });
  return it == pages.end() ? pages.back().page : it->page;
}

}  // namespace cmoc::store

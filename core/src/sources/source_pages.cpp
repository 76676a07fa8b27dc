// A paper's pages: writing them with a new source, reading them back.
#include "source_pages.h"

#include "backend/sqlite/page_rows.h"
#include "backend/sqlite/project_impl.h"
#include "cmoc/error.h"
#include "cmoc/project.h"

namespace cmoc {

namespace store {

void checkPages(const std::string& fileName, const std::vector<PageSpan>& pages,
                std::int64_t length) {
  std::int64_t at = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const PageSpan& p = pages[i];
    if (p.start != at || p.end < p.start || p.end > length)
      throw Error(fileName + ": page " + std::to_string(i + 1) + " [" + std::to_string(p.start) +
                  ", " + std::to_string(p.end) + ") does not follow the page before it");
    at = p.end;
  }
  if (!pages.empty() && at != length)
    throw Error(fileName + ": the pages end at " + std::to_string(at) + ", before the text's end " +
                std::to_string(length));
}

void writePages(const sql::Db& db, std::int64_t sourceId, const std::vector<PageSpan>& pages) {
  PageRows rows(db);
  for (std::size_t i = 0; i < pages.size(); ++i)
    rows.insert(sourceId, {static_cast<std::int64_t>(i + 1), pages[i].start, pages[i].end});
}

std::optional<std::int64_t> PageLookup::pageOf(std::int64_t sourceId, std::int64_t at) {
  if (sourceId != source_) {
    pages_ = PageRows(db_).ofSource(sourceId);
    source_ = sourceId;
  }
  return pageAt(pages_, at);
}

}  // namespace store

std::vector<PageView> Project::pages(std::int64_t sourceId) const {
  std::vector<PageView> out;
  for (const store::PageRow& p : store::PageRows(impl_->db).ofSource(sourceId))
    out.push_back({p.page, p.start, p.end});
  return out;
}

}  // namespace cmoc

#include "cmoc/source_memo.h"

#include "backend/sqlite/action.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "codebook/codebook_rows.h"

namespace cmoc {

namespace {

std::pair<std::string, std::string> guidAndMemo(const sql::Db& db, std::int64_t sourceId) {
  sql::Stmt st(db, "SELECT guid, ifnull(memo, '') FROM sources WHERE id = ?");
  st.bind(1, sourceId);
  if (!st.step()) throw NotFound("no source with id " + std::to_string(sourceId));
  return {st.str(0), st.str(1)};
}

}  // namespace

std::string sourceMemo(const Project& project, std::int64_t sourceId) {
  return guidAndMemo(project.impl().db, sourceId).second;
}

void setSourceMemo(Project& project, std::int64_t sourceId, const std::string& memo) {
  store::Action action(project.impl(), "memo on source " + std::to_string(sourceId));
  const auto [guid, old] = guidAndMemo(action.db(), sourceId);
  if (old == memo) return;  // nothing to record; the Action rolls back empty
  // The source's modified_at stays: it dates the text, which re-anchoring and merging compare.
  sql::Stmt st(action.db(), "UPDATE sources SET memo = nullif(?, '') WHERE id = ?");
  st.bind(1, memo).bind(2, sourceId).run();
  action.audit("memo-source", "source", guid, "{\"chars\": " + std::to_string(memo.size()) + "}");
  action.commit();
}

}  // namespace cmoc

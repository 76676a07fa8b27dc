#include "cmoc/source_memo.h"

#include "backend/sqlite/action.h"
#include "backend/sqlite/source_rows.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "codebook/codebook_rows.h"

namespace cmoc {

namespace {

std::pair<std::string, std::string> guidAndMemo(const sql::Db& db, std::int64_t sourceId) {
  const std::optional<store::SourceRow> row = store::SourceRows(db).byId(sourceId);
  if (!row) throw NotFound("no source with id " + std::to_string(sourceId));
  return {row->guid, row->memo};
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
  store::SourceRows(action.db()).setMemo(sourceId, memo);
  action.audit("memo-source", "source", guid, "{\"chars\": " + std::to_string(memo.size()) + "}");
  action.commit();
}

}  // namespace cmoc

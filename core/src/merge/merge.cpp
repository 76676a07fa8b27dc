// mergeProject: checks the other file, opens it read-only, runs the steps (merge_*.cpp) in one
// Action, and audits the outcome.
#include "backend/sqlite/action.h"
#include "backend/sqlite/other_project.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "codebook/codebook_rows.h"
#include "merge_run.h"

namespace cmoc {

std::int64_t MergeReport::totalAdded() const {
  std::int64_t n = 0;
  for (const auto& [kind, count] : added) n += count;
  return n;
}

namespace {

void checkOther(const Project& project, const std::filesystem::path& other) {
  const int version = store::checkProjectFile(other);
  if (version < Project::schemaVersion())
    throw ProjectError(other.string() + ": made by an older CMOC Workbench (schema " +
                       std::to_string(version) + "); open it once with this version (e.g. cmoc " +
                       "sources) to upgrade it, then merge");
  std::error_code ec;
  if (std::filesystem::equivalent(project.file(), other, ec))
    throw ProjectError("cannot merge " + other.string() + " into " + project.file().string() +
                       ": they are the same project file");
}

std::string auditDetail(const MergeReport& r) {
  std::string added, conflicts;
  for (const auto& [kind, n] : r.added)
    if (n) added += (added.empty() ? "" : ", ") + jsonString(kind) + ": " + std::to_string(n);
  for (const MergeConflict& c : r.conflicts)
    conflicts += (conflicts.empty() ? "" : ", ") + std::string("{\"kind\": ") + jsonString(c.kind) +
                 ", \"guid\": " + jsonString(c.guid) + "}";
  return "{\"file\": " + jsonString(r.other) + ", \"added\": {" + added + "}, \"conflicts\": [" +
         conflicts + "]}";
}

}  // namespace

MergeReport mergeProject(Project& project, const std::filesystem::path& other) {
  checkOther(project, other);
  MergeReport report;
  report.other = other.string();
  report.kinds = store::merge::mergeKinds();
  const store::OtherProject theirs(other);
  store::Action action(project.impl(), "merge " + other.filename().string());
  store::merge::Run run(action.db(), theirs.db(), report);
  store::merge::mergeCoders(run);
  store::merge::mergeCodes(run);
  store::merge::mergeCases(run);
  store::merge::mergeParticipants(run);
  store::merge::mergeSources(run);
  store::merge::mergeCodings(run);
  store::merge::mergeMemos(run);
  store::merge::mergeCmocs(run);
  store::merge::mergeSetsAndLinks(run);
  run.noteSameIdentity();
  store::merge::findConflicts(run);
  for (const std::string& kind : report.kinds) {
    report.added.try_emplace(kind, 0);
    report.present.try_emplace(kind, 0);
    report.conflicted.try_emplace(kind, 0);
  }
  action.audit("merge", "project", theirs.guid(), auditDetail(report));
  action.commit();
  return report;
}

}  // namespace cmoc

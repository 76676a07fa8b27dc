// mergeProject: checks the other file, attaches it read-only, runs the steps (merge_*.cpp) in
// one Action, and audits the outcome.
#include <cctype>
#include <cstdio>

#include "backend/sqlite/action.h"
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

// An absolute file: URI with mode=ro: SQLite then refuses any write to it, whatever a bug in
// the merge might try.
std::string readOnlyUri(const std::filesystem::path& file) {
  std::string out = "file:";
  for (unsigned char c : std::filesystem::absolute(file).lexically_normal().string()) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out + "?mode=ro";
}

// ATTACH cannot run inside a transaction, so the other project is attached before the Action
// begins and detached after it ends (this object outlives it). The id map lives in temp, which
// the Action's undo session (main only) does not record.
class Attached {
 public:
  Attached(sql::Db& db, const std::filesystem::path& file) : db_(db) {
    sql::Stmt attach(db_, std::string("ATTACH DATABASE ? AS ") + store::merge::kOther);
    attach.bind(1, readOnlyUri(file)).run();
    db_.exec("CREATE TEMP TABLE merge_map(kind TEXT NOT NULL, other_id INTEGER NOT NULL, "
             "local_id INTEGER NOT NULL, how TEXT NOT NULL, PRIMARY KEY (kind, other_id)) "
             "WITHOUT ROWID");
  }
  ~Attached() {
    db_.execNoThrow("DROP TABLE IF EXISTS temp.merge_map");
    db_.execNoThrow(std::string("DETACH DATABASE ") + store::merge::kOther);
  }
  Attached(const Attached&) = delete;
  Attached& operator=(const Attached&) = delete;

 private:
  sql::Db& db_;
};

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

std::string otherProjectGuid(sql::Db& db) {
  sql::Stmt st(db, "SELECT value FROM " + store::merge::other("project_meta") + " WHERE key = 'guid'");
  return st.step() ? st.str(0) : std::string();
}

}  // namespace

MergeReport mergeProject(Project& project, const std::filesystem::path& other) {
  checkOther(project, other);
  MergeReport report;
  report.other = other.string();
  report.kinds = store::merge::mergeKinds();
  sql::Db& db = project.impl().db;
  Attached attached(db, other);
  store::Action action(project.impl(), "merge " + other.filename().string());
  store::merge::Run run(db, report);
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
  action.audit("merge", "project", otherProjectGuid(db), auditDetail(report));
  action.commit();
  return report;
}

}  // namespace cmoc

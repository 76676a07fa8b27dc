#pragma once
// One user action = one transaction (DESIGN.md decision 2) that is also one undoable step
// (decision 5). An Action begins the transaction and records every row it changes with an
// SQLite session; commit() stores the changeset in `history` for undo, writes the audit
// entries, and commits. Destroyed uncommitted, it rolls everything back.
#include <string>
#include <vector>

#include "project_impl.h"

namespace cmoc::store {

class Action {
 public:
  Action(Project::Impl& project, std::string label);
  ~Action();
  Action(const Action&) = delete;
  Action& operator=(const Action&) = delete;

  sql::Db& db() { return project_.db; }
  const std::string& coder() const { return project_.coder; }
  // An audit entry (append-only; undo does not remove it). detailJson is a JSON object.
  void audit(const std::string& action, const std::string& entityKind, const std::string& guid,
             const std::string& detailJson = "{}");
  void commit();

 private:
  Project::Impl& project_;
  std::string label_;
  sql::Transaction tx_;
  sqlite3_session* session_ = nullptr;
  std::vector<std::string> pendingAudit_;
};

// After a changeset touched source text or turns, the search index of those sources is
// rebuilt from the stored text (the index is derived data and not in any changeset).
void reindexSources(sql::Db& db, const std::vector<std::int64_t>& sourceIds);
// Removes the search index entries of a source's current turns, before its text changes.
void unindexSources(sql::Db& db, const std::vector<std::int64_t>& sourceIds);

}  // namespace cmoc::store

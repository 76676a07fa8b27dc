#pragma once
// One user action = one transaction (DESIGN.md decision 2) that is also one undoable step
// (decision 5). An Action begins the transaction and records every row it changes with an
// SQLite session; commit() stores the changeset in `history` for undo, writes the audit
// entries, and commits. Destroyed uncommitted, it rolls everything back.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "project_impl.h"

namespace cmoc::store {

// One replacement in a source's text as an edit made it: what undo puts back (schema 005).
struct TextPatch {
  std::int64_t sourceId, byteStart;
  std::string oldBytes, newBytes;
};

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
  // Writes `text` as a source's whole new text, which replaced oldBytes at byteStart with
  // newBytes, and records only that replacement for undo (schema 005): the session's image of
  // the row would hold the whole text twice. `text` is written without a copy. An Action that
  // writes source_text any other way first cannot use this (refused: undo would be partial).
  void replaceSourceText(std::int64_t sourceId, std::int64_t byteStart, std::string oldBytes,
                         std::string newBytes, std::string_view text);
  void commit();

 private:
  static int trackTable(void* action, const char* table);

  Project::Impl& project_;
  std::string label_;
  sql::Transaction tx_;
  sqlite3_session* session_ = nullptr;
  bool sourceTextTracked_ = false;  // the session has begun recording source_text rows
  bool sourceTextPatched_ = false;  // ... or this Action records them as patches instead
  std::vector<TextPatch> patches_;
  // Kept: rejecting auto-coding audits tens of thousands of deleted codings in one Action.
  std::optional<sql::Stmt> audit_;
};

// After a changeset touched source text or turns, the search index of those sources is
// rebuilt from the stored text (the index is derived data and not in any changeset).
void reindexSources(sql::Db& db, const std::vector<std::int64_t>& sourceIds);
// Removes the search index entries of a source's current turns, before its text changes.
void unindexSources(sql::Db& db, const std::vector<std::int64_t>& sourceIds);

// A text edit changes the indexed text of only the turns that overlap or touch its range; every
// other turn moves but reads the same. Removes those turns' entries (read from the stored text
// before the edit, by their bytes) and returns their ids for reindexTurns after the edit, or
// nullopt when a turn's bytes are unknown and the whole source was unindexed instead.
std::optional<std::vector<std::int64_t>> unindexTurnsAround(sql::Db& db, std::int64_t sourceId,
                                                            std::int64_t start, std::int64_t end);
// Indexes those turns again from the stored text after the edit (their bytes refilled).
void reindexTurns(sql::Db& db, std::int64_t sourceId, const std::vector<std::int64_t>& turnIds);

}  // namespace cmoc::store

#pragma once
// Shared by the merge's store files (merge*.cpp): the attached other project, the map from its
// row ids to ours, and the report being written. Each entity's step maps every row of the other
// project to a local row (found or added), parents before children, so later steps translate
// foreign keys through the map in SQL.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cmoc/merge.h"
#include "backend/sqlite/sqlite.h"

namespace cmoc::store::merge {

// The schema name the other project is attached under (read-only).
inline constexpr const char* kOther = "merge_src";

// How a row of the other project found its local counterpart.
enum class Match { Added, SameGuid, SameIdentity };

class Run {
 public:
  Run(sql::Db& db, MergeReport& report) : db_(db), report_(report) {}
  sql::Db& db() { return db_; }
  MergeReport& report() { return report_; }

  void map(const std::string& kind, std::int64_t otherId, std::int64_t localId, Match how);
  std::optional<std::int64_t> local(const std::string& kind,
                                    std::optional<std::int64_t> otherId) const;
  // For the large tables, set-based: maps the other project's rows of `table` whose GUID is
  // here, then inserts the rest as `columns` = `values` (SQL over alias o, and `joins`) in the
  // other project's order, maps and counts them under `label`. Rows an INSERT OR IGNORE leaves
  // out (`orIgnore`) stay unmapped.
  struct Copy {
    std::string kind, table, label, columns, values, joins;
    bool orIgnore = false;
  };
  void addMissing(const Copy& copy);
  void added(const std::string& label, std::int64_t n);
  void note(std::string text) { report_.notes.push_back(std::move(text)); }
  // A row taken as the same as a local one with another GUID, because `why` ("the same name")
  // agrees; reported as one note per kind by noteSameIdentity().
  void sameIdentity(const std::string& kind, const std::string& name, const std::string& why);
  void noteSameIdentity();

 private:
  sql::Db& db_;
  MergeReport& report_;
  std::vector<std::string> identityKinds_;  // in the order met
  std::map<std::string, std::pair<std::string, std::vector<std::string>>> identity_;  // kind ->
                                                                                   // why, names
};

// The id a one-parameter lookup (`SELECT id ... WHERE x = ?`) finds for `value`.
std::optional<std::int64_t> firstId(sql::Stmt& lookup, const std::string& value);
// SQL for the local id of the other project's row `otherIdExpr` of `kind` (NULL if unmapped).
std::string localOf(const std::string& kind, const std::string& otherIdExpr);
// SQL for the GUID to store for a reference `guidExpr` to the other project's entity: a code the
// merge matched by name has the local code's GUID; anything else keeps its own.
std::string localGuid(const std::string& guidExpr);
// The other project's schema-qualified table.
std::string other(const std::string& table);

// The steps, in order (each file one area).
void mergeCoders(Run& run);
void mergeCodes(Run& run);
void mergeCases(Run& run);
void mergeParticipants(Run& run);
void mergeSources(Run& run);
void mergeCodings(Run& run);
void mergeMemos(Run& run);
void mergeCmocs(Run& run);
void mergeSetsAndLinks(Run& run);
// Last: same-GUID rows whose content differs, and the per-kind counts of rows already present.
void findConflicts(Run& run);
// The report's kinds, in merge order.
std::vector<std::string> mergeKinds();

}  // namespace cmoc::store::merge

#pragma once
// Shared by the merge's files (merge*.cpp): the gateways of both projects (the other one read
// through the backend's OtherProject, so merge holds no SQL and needs no ATTACH), the map from
// the other project's row ids to ours, and the report being written. Each entity's step maps
// every row of the other project to a local row (found or added), parents before children, so
// later steps translate foreign keys through the map.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "backend/sqlite/attribute_rows.h"
#include "backend/sqlite/cmoc_rows.h"
#include "backend/sqlite/code_rows.h"
#include "backend/sqlite/coder_rows.h"
#include "backend/sqlite/coding_rows.h"
#include "backend/sqlite/entity_set_rows.h"
#include "backend/sqlite/memo_rows.h"
#include "backend/sqlite/participant_rows.h"
#include "backend/sqlite/source_rows.h"
#include "cmoc/merge.h"

namespace cmoc::store::merge {

// How a row of the other project found its local counterpart.
enum class Match { Added, SameGuid, SameIdentity };

// Every gateway merge reads or writes, on one project's connection; kept for the whole merge so
// each statement is prepared once however many rows pass through it.
struct Gateways {
  explicit Gateways(const sql::Db& db)
      : coders(db),
        codes(db),
        cases(db),
        participants(db),
        caseAttributes(db, AttributeOwner::Case),
        participantAttributes(db, AttributeOwner::Participant),
        sourceAttributes(db, AttributeOwner::Source),
        sources(db),
        codings(db),
        memos(db),
        cmocs(db),
        sets(db) {}
  CoderRows coders;
  CodeRows codes;
  CaseRows cases;
  ParticipantRows participants;
  AttributeRows caseAttributes, participantAttributes, sourceAttributes;
  SourceRows sources;
  CodingRows codings;
  MemoRows memos;
  CmocRows cmocs;
  EntitySetRows sets;
};

class Run {
 public:
  Run(sql::Db& ours, const sql::Db& theirs, MergeReport& report)
      : db_(ours), ours_(ours), theirs_(theirs), report_(report) {}
  sql::Db& db() { return db_; }  // ours, for what the unit of work does beside the gateways
  Gateways& ours() { return ours_; }
  Gateways& theirs() { return theirs_; }
  MergeReport& report() { return report_; }

  void map(const std::string& kind, std::int64_t otherId, std::int64_t localId, Match how);
  std::optional<std::int64_t> local(const std::string& kind,
                                    std::optional<std::int64_t> otherId) const;
  // How the other project's row was matched; nullopt when it was left out.
  std::optional<Match> how(const std::string& kind, std::int64_t otherId) const;
  // The local id of a row every earlier step maps (a code, coder or CMOC of a consistent file).
  std::int64_t required(const std::string& kind, std::int64_t otherId) const;
  // The GUID to store for a reference by GUID to the other project's entity: a code the merge
  // matched by name has the local code's GUID; anything else keeps its own.
  void renamedCode(const std::string& otherGuid, const std::string& localGuid);
  std::string localGuid(const std::string& guid) const;

  void added(const std::string& label, std::int64_t n) { report_.added[label] += n; }
  void note(std::string text) { report_.notes.push_back(std::move(text)); }
  // A row taken as the same as a local one with another GUID, because `why` ("the same name")
  // agrees; reported as one note per kind by noteSameIdentity().
  void sameIdentity(const std::string& kind, const std::string& name, const std::string& why);
  void noteSameIdentity();

 private:
  struct Mapped {
    std::int64_t localId;
    Match how;
  };
  sql::Db& db_;
  Gateways ours_, theirs_;
  MergeReport& report_;
  std::map<std::string, std::unordered_map<std::int64_t, Mapped>> map_;  // kind -> other id
  std::unordered_map<std::string, std::string> codeGuids_;  // other GUID -> local, when they differ
  std::vector<std::string> identityKinds_;                  // in the order met
  std::map<std::string, std::pair<std::string, std::vector<std::string>>> identity_;  // kind ->
                                                                                      // why, names
};

// For the large tables: each row of the other project (`each` over its gateway, by id) is mapped
// to the local row with its GUID (`localOfGuid`), else added by `add` (returning the new id, or
// nullopt when the row is left out) and counted under `label`.
template <class Each, class LocalOfGuid, class Add>
void addMissing(Run& run, const std::string& kind, const std::string& label, Each each,
                LocalOfGuid localOfGuid, Add add) {
  std::int64_t n = 0;
  each([&](const auto& row) {
    if (auto id = localOfGuid(row.guid)) {
      run.map(kind, row.id, *id, Match::SameGuid);
    } else if (auto added = add(row)) {
      run.map(kind, row.id, *added, Match::Added);
      ++n;
    }
  });
  run.added(label, n);
}

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

#pragma once
// Programme-theory versions (issue 11): the CMOC set frozen under a name and a date, as a realist
// synthesis moves from the initial programme theory through refining to evaluation. A version
// holds each CMOC's codes (by GUID, with the paths they had), status, prior, support counts and
// chain links as they were. Versions are immutable; undoing the snapshot is the only way one
// goes away (schemas/006_theory.sql).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cmoc/cmocs.h"

namespace cmoc {

class Project;

// What `cmoc theory diff P V1 current` means: the live CMOC set, not a stored version.
inline constexpr std::string_view kCurrentTheory = "current";

struct TheoryVersion {
  std::int64_t id = 0;  // 0 for the live set
  std::string guid, name, memo, coder, createdAt;
  std::int64_t cmocCount = 0, linkCount = 0;
};

struct TheoryCode {
  std::string guid, path;
  bool operator==(const TheoryCode&) const = default;
};

struct TheoryCmoc {
  std::int64_t cmocId = 0;
  std::string guid, label;
  CmocStatus status = CmocStatus::Novel;
  std::string priorGuid;                // empty when it tests no prior CMOC
  std::optional<std::int64_t> priorId;  // that CMOC's id, when the version holds it
  TheoryCode context, mechanism, outcome;
  std::int64_t excerpts = 0, sources = 0;  // distinct codings and sources behind it

  const TheoryCode& slot(Slot s) const;
  // "context -> mechanism -> outcome", by path.
  std::string configuration() const;
};

struct TheoryLink {
  std::string fromGuid, toGuid;
  std::int64_t from = 0, to = 0;  // the CMOCs' ids
};

struct TheorySnapshot {
  TheoryVersion version;
  std::vector<TheoryCmoc> cmocs;  // by CMOC id
  std::vector<TheoryLink> links;  // by from, then to id
};

class Theory {
 public:
  explicit Theory(Project& project);

  // Freezes the current CMOC set as one undoable Action. Throws UsageError for an empty name,
  // a name over kMaxNameLength, the reserved name "current", or a name already used.
  TheoryVersion snapshot(const std::string& name, const std::string& memo = "");
  std::vector<TheoryVersion> versions() const;  // oldest first
  // By name, else by id; throws NotFound ("no theory version 'X'").
  TheoryVersion resolve(std::string_view nameOrId) const;
  // A stored version, or the live set for kCurrentTheory.
  TheorySnapshot load(std::string_view nameOrId) const;
  TheorySnapshot current() const;

 private:
  Project& project_;
};

}  // namespace cmoc

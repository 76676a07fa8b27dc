#pragma once
// How the programme theory changed between two versions (theory.h): CMOCs added, removed and
// changed (status, prior, context, mechanism, outcome, label, support gained or lost) and
// chains added or removed, per mechanism, ready for a report's "how the theory changed"
// section. CMOCs are matched by GUID, so an edited CMOC is a change, not a removal and an
// addition; codes are compared by GUID, so renaming a code changes no CMOC.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cmoc/theory.h"

namespace cmoc {

class Project;

enum class TheoryChangeKind { Added, Removed, Changed };
std::string_view toString(TheoryChangeKind kind);  // "added", "removed", "changed"

// One field of a changed CMOC, as people read it ("affirms" -> "refutes", "2" -> "5 (+3)").
struct TheoryFieldChange {
  std::string field;  // status, prior, context, mechanism, outcome, label, excerpts, sources
  std::string before, after;
};

struct TheoryCmocChange {
  TheoryChangeKind kind = TheoryChangeKind::Changed;
  TheoryCmoc cmoc;                        // as V2 has it; as V1 had it when removed
  std::vector<TheoryFieldChange> fields;  // changed CMOCs only, in the order above
};

struct TheoryLinkChange {
  bool added = true;  // else removed
  TheoryLink link;
  std::string fromConfiguration, toConfiguration;  // as the version holding the link has them
};

// Changes under one mechanism: a CMOC's by its mechanism in V2 (V1 when removed), a chain's by
// the mechanism of the CMOC it starts from.
struct TheoryMechanismChanges {
  std::string mechanism;                // the code's path
  std::vector<TheoryCmocChange> cmocs;  // by CMOC id
  std::vector<TheoryLinkChange> links;  // by from, then to id
};

struct TheoryDiff {
  TheoryVersion from, to;
  std::vector<TheoryMechanismChanges> mechanisms;  // by mechanism path
  std::int64_t added = 0, removed = 0, changed = 0, linksAdded = 0, linksRemoved = 0;
  // "2 CMOCs added, 1 removed, 3 changed; 1 chain added, none removed" (or "no changes").
  std::string summary() const;
};

TheoryDiff diffTheories(const TheorySnapshot& from, const TheorySnapshot& to);
// Loads both (either may be kCurrentTheory). Throws NotFound for an unknown version, UsageError
// when V1 and V2 name the same version.
TheoryDiff diffTheories(Project& project, std::string_view v1, std::string_view v2);

}  // namespace cmoc

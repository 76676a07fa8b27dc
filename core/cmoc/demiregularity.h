#pragma once
// Demiregularities: per mechanism, the CMOCs coded under it, the contexts that trigger it and
// the outcomes it produces, and how much data supports them: excerpts, sources, participants
// and case types. CMOCs backed by fewer distinct sources than the multiple-sources rule asks
// for are flagged (DOMAIN.md: a CMOC is only kept when supported by clear data from multiple
// sources).
//
// A CMOC's excerpts are its evidence codings in all slots. An excerpt's participant is the
// speaker of the turn it starts in, else its source's main participant (as excerpt retrieval
// attributes quotes); interviewers are not counted as participants, since their questions do
// not support a CMOC. A participant's case type is their case's type.
#include <cstdint>
#include <string>
#include <vector>

#include "cmoc/cmocs.h"

namespace cmoc {

class Project;

inline constexpr int kDefaultSourceThreshold = 2;

struct CodeCount {
  std::int64_t codeId = 0;
  std::string code, path;
  std::int64_t cmocs = 0;  // CMOCs of the mechanism with this code in the slot
};

struct DemiCmoc {
  Cmoc cmoc;  // with its evidence, so a CMOC table can quote it
  std::int64_t excerpts = 0, sources = 0, participants = 0;
  bool failsRule = false;  // fewer distinct sources than the threshold
};

struct Demiregularity {
  std::int64_t mechanismId = 0;
  std::string mechanism, mechanismPath;
  std::vector<DemiCmoc> cmocs;       // by sources, then excerpts (both descending), then id
  std::vector<CodeCount> contexts;   // by CMOCs descending, then path
  std::vector<CodeCount> outcomes;
  std::int64_t excerpts = 0;  // distinct codings across the CMOCs
  std::int64_t sources = 0;
  std::vector<std::string> participants;  // participant codes, sorted
  std::vector<std::string> caseTypes;     // sorted
  std::int64_t failing = 0;               // CMOCs that fail the multiple-sources rule
};

struct DemiOptions {
  CmocFilter filter;  // usually filter.mechanisms; any CMOC filter works
  int threshold = kDefaultSourceThreshold;  // distinct sources a CMOC needs; at least 1
};

// One entry per mechanism code with a matching CMOC, by support: distinct sources, then
// excerpts (both descending), then mechanism path. A handful of set-based queries, whatever
// the number of CMOCs.
std::vector<Demiregularity> demiregularities(Project& project, const DemiOptions& options = {});

}  // namespace cmoc

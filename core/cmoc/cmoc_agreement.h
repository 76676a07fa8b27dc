#pragma once
// Agreement on CMOCs: do two coders who read the same sources build the same configurations?
// A CMOC of coder A and one of coder B match when they link the same context, mechanism and
// outcome codes and their evidence overlaps: at least one evidence excerpt of each, in the same
// source, share a code point (any slot), or neither CMOC has evidence. Matching is one to one
// (the most pairs possible), so two of A's CMOCs cannot both count against one of B's.
//
// The coefficient is the proportion matched / (matched + A only + B only) (Jaccard), with the
// positive (Dice) agreement 2 matched / (2 matched + A only + B only) beside it. There is no
// kappa: kappa needs the configurations neither coder proposed, and those cannot be counted.
#include <cstdint>
#include <string>
#include <vector>

#include "cmoc/agreement.h"
#include "cmoc/cmocs.h"

namespace cmoc {

class Project;

// A CMOC one coder has and the other does not, with why, for the discussion.
struct UnmatchedCmoc {
  Cmoc cmoc;
  std::string reason;  // "no CMOC of ben links these codes", ...
};

struct CmocAgreementReport {
  std::string coderA, coderB;
  std::vector<std::pair<Cmoc, Cmoc>> matched;  // (A's, B's), by A's id
  std::vector<UnmatchedCmoc> aOnly, bOnly;     // by id
  agreement::PairCounts counts;                // both = matched; neither is always 0
  agreement::Coefficient proportion;           // matched / (matched + A only + B only)
  agreement::Coefficient positive;             // 2 matched / (2 matched + A only + B only)
  // How the figures were computed, as sentences for a methods section.
  std::string method() const;
};

// Pure: matches the two coders' CMOCs (each list one coder's).
CmocAgreementReport matchCmocs(const std::string& coderA, const std::vector<Cmoc>& a,
                               const std::string& coderB, const std::vector<Cmoc>& b);
// The coders' CMOCs from the project. Throws NotFound for an unknown coder, UsageError when the
// two names are the same.
CmocAgreementReport computeCmocAgreement(Project& project, const std::string& coderA,
                                         const std::string& coderB);

}  // namespace cmoc

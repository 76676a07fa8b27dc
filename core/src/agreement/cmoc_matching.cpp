// Agreement on CMOCs (cmoc/cmoc_agreement.h): candidate pairs share the three codes and have
// overlapping evidence; a maximum one-to-one matching over them (augmenting paths, per group of
// CMOCs with the same codes) decides matched and unmatched, so the figure does not depend on
// which CMOC a greedy pass happened to try first.
#include <functional>
#include <map>
#include <tuple>

#include "cmoc/cmoc_agreement.h"
#include "cmoc/error.h"

namespace cmoc {

namespace {

using Key = std::tuple<std::int64_t, std::int64_t, std::int64_t>;

Key codesOf(const Cmoc& c) { return {c.context.codeId, c.mechanism.codeId, c.outcome.codeId}; }

std::vector<const Evidence*> evidenceOf(const Cmoc& c) {
  std::vector<const Evidence*> out;
  for (Slot s : {Slot::Context, Slot::Mechanism, Slot::Outcome})
    for (const Evidence& e : c.slot(s).evidence) out.push_back(&e);
  return out;
}

bool evidenceOverlaps(const Cmoc& x, const Cmoc& y) {
  const auto ex = evidenceOf(x), ey = evidenceOf(y);
  if (ex.empty() || ey.empty()) return ex.empty() && ey.empty();
  for (const Evidence* a : ex)
    for (const Evidence* b : ey)
      if (a->sourceId == b->sourceId && a->start < b->end && b->start < a->end) return true;
  return false;
}

std::string ids(const std::vector<std::size_t>& which, const std::vector<Cmoc>& cmocs) {
  std::string out;
  for (std::size_t j : which) out += (out.empty() ? "#" : ", #") + std::to_string(cmocs[j].id);
  return out;
}

// Why x (of `mine`) found no partner among `theirs` (of `them`).
std::string reason(const std::vector<std::size_t>& sameCodes,
                   const std::vector<std::size_t>& overlapping, const std::vector<Cmoc>& theirs,
                   const std::string& them) {
  if (sameCodes.empty()) return "no CMOC of " + them + " links these codes";
  if (overlapping.empty())
    return them + "'s CMOC " + ids(sameCodes, theirs) +
           " links these codes, but the evidence does not overlap";
  return them + "'s CMOC " + ids(overlapping, theirs) +
         " with these codes and overlapping evidence is matched to another CMOC";
}

}  // namespace

CmocAgreementReport matchCmocs(const std::string& coderA, const std::vector<Cmoc>& a,
                               const std::string& coderB, const std::vector<Cmoc>& b) {
  std::map<Key, std::vector<std::size_t>> aByCodes, bByCodes;
  for (std::size_t i = 0; i < a.size(); ++i) aByCodes[codesOf(a[i])].push_back(i);
  for (std::size_t j = 0; j < b.size(); ++j) bByCodes[codesOf(b[j])].push_back(j);
  auto group = [](const std::map<Key, std::vector<std::size_t>>& m, const Key& k) {
    auto it = m.find(k);
    return it == m.end() ? std::vector<std::size_t>{} : it->second;
  };
  std::vector<std::vector<std::size_t>> edges(a.size());  // A index -> B indices it may match
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j : group(bByCodes, codesOf(a[i])))
      if (evidenceOverlaps(a[i], b[j])) edges[i].push_back(j);

  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> partnerOfB(b.size(), kNone), partnerOfA(a.size(), kNone);
  std::vector<char> visited;
  std::function<bool(std::size_t)> augment = [&](std::size_t i) {
    for (std::size_t j : edges[i]) {
      if (visited[j]) continue;
      visited[j] = 1;
      if (partnerOfB[j] == kNone || augment(partnerOfB[j])) {
        partnerOfB[j] = i;
        partnerOfA[i] = j;
        return true;
      }
    }
    return false;
  };
  for (std::size_t i = 0; i < a.size(); ++i) {
    visited.assign(b.size(), 0);
    augment(i);
  }

  CmocAgreementReport r;
  r.coderA = coderA;
  r.coderB = coderB;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (partnerOfA[i] != kNone) {
      r.matched.emplace_back(a[i], b[partnerOfA[i]]);
      continue;
    }
    r.aOnly.push_back({a[i], reason(group(bByCodes, codesOf(a[i])), edges[i], b, coderB)});
  }
  for (std::size_t j = 0; j < b.size(); ++j) {
    if (partnerOfB[j] != kNone) continue;
    std::vector<std::size_t> overlapping;
    for (std::size_t i : group(aByCodes, codesOf(b[j])))
      if (evidenceOverlaps(a[i], b[j])) overlapping.push_back(i);
    r.bOnly.push_back({b[j], reason(group(aByCodes, codesOf(b[j])), overlapping, a, coderA)});
  }
  r.counts.both = static_cast<double>(r.matched.size());
  r.counts.aOnly = static_cast<double>(r.aOnly.size());
  r.counts.bOnly = static_cast<double>(r.bOnly.size());
  r.counts.units = r.counts.both + r.counts.aOnly + r.counts.bOnly;
  if (r.counts.units == 0) {
    const std::string why = "neither coder has any CMOCs";
    r.proportion = agreement::Coefficient::undefined(why);
    r.positive = agreement::Coefficient::undefined(why);
  } else {
    // With `neither` 0, percent agreement over the pairs is exactly the Jaccard proportion.
    r.proportion = agreement::percentAgreement(r.counts);
    r.positive = agreement::positiveAgreement(r.counts);
  }
  return r;
}

std::string CmocAgreementReport::method() const {
  return "CMOCs of the coders " + coderA + " and " + coderB +
         " were matched one to one when they link the same context, mechanism and outcome "
         "codes and their evidence overlaps (at least one pair of evidence excerpts, one from "
         "each CMOC, shares text in the same source) or neither has evidence. Agreement is the "
         "proportion matched / (matched + " + coderA + " only + " + coderB +
         " only) (Jaccard); positive agreement is 2 x matched / (2 x matched + " + coderA +
         " only + " + coderB +
         " only) (Dice). Cohen's kappa is not reported: it needs the configurations neither "
         "coder proposed, which cannot be counted.";
}

CmocAgreementReport computeCmocAgreement(Project& project, const std::string& coderA,
                                         const std::string& coderB) {
  if (coderA.empty() || coderB.empty()) throw UsageError("name two coders to compare");
  if (coderA == coderB) throw UsageError("coder '" + coderA + "' is named twice");
  Cmocs cmocs(project);
  return matchCmocs(coderA, cmocs.list({.coders = {coderA}}), coderB,
                    cmocs.list({.coders = {coderB}}));
}

}  // namespace cmoc

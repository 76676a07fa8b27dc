// Merge step for CMOCs: the configurations with their evidence, then the priors of the ones
// added, then chains. A CMOC already here keeps its own evidence and prior (findConflicts lists
// differences).
#include <utility>
#include <vector>

#include "merge_run.h"

namespace cmoc::store::merge {

void mergeCmocs(Run& run) {
  CmocRows &ours = run.ours().cmocs, &theirs = run.theirs().cmocs;
  std::vector<std::pair<std::int64_t, std::int64_t>> priors;  // our new CMOC, their prior
  std::int64_t evidence = 0, lost = 0;
  addMissing(
      run, "cmoc", "CMOCs", [&](auto f) { theirs.each(f); },
      [&](const std::string& guid) { return ours.idOfGuid(guid); },
      [&](const CmocRow& row) -> std::optional<std::int64_t> {
        CmocRow copy = row;
        copy.contextCodeId = run.required("code", row.contextCodeId);
        copy.mechanismCodeId = run.required("code", row.mechanismCodeId);
        copy.outcomeCodeId = run.required("code", row.outcomeCodeId);
        copy.coderId = run.required("coder", row.coderId);
        copy.priorCmocId.reset();  // set once every CMOC is mapped
        const std::int64_t id = ours.insert(copy);
        if (row.priorCmocId) priors.emplace_back(id, *row.priorCmocId);
        for (EvidenceRow e : theirs.evidenceOf(row.id)) {
          const std::optional<std::int64_t> coding = run.local("coding", e.codingId);
          if (!coding) {
            ++lost;
            continue;
          }
          e.codingId = *coding;
          if (ours.addEvidence(id, e)) ++evidence;
        }
        return id;
      });
  run.added("CMOC evidence", evidence);
  if (lost > 0)
    run.note(std::to_string(lost) + " CMOC evidence link(s) left out: their codings were left out");
  for (const auto& [id, prior] : priors)
    if (auto local = run.local("cmoc", prior)) ours.setPrior(id, local);
  // A chain between the same two CMOCs under another GUID is already here (UNIQUE(from, to)).
  addMissing(
      run, "cmoc-link", "CMOC chains", [&](auto f) { theirs.eachLink(f); },
      [&](const std::string& guid) { return ours.linkIdOfGuid(guid); },
      [&](const CmocLinkRow& row) {
        CmocLinkRow copy = row;
        copy.fromCmocId = run.required("cmoc", row.fromCmocId);
        copy.toCmocId = run.required("cmoc", row.toCmocId);
        return ours.insertLinkIfNew(copy);
      });
}

}  // namespace cmoc::store::merge

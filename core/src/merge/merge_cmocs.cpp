// Merge step for CMOCs: the configurations, then the evidence and prior of the ones added, then
// chains. A CMOC already here keeps its own evidence and prior (findConflicts lists differences).
#include "merge_run.h"

namespace cmoc::store::merge {

namespace {

void addEvidence(Run& run) {
  sql::Stmt st(run.db(), "INSERT OR IGNORE INTO main.cmoc_evidence(cmoc_id, slot, coding_id) "
                         "SELECT c.local_id, e.slot, d.local_id FROM " + other("cmoc_evidence") +
                             " e JOIN temp.merge_map c ON c.kind = 'cmoc' AND c.how = 'added' AND "
                             "c.other_id = e.cmoc_id JOIN temp.merge_map d ON d.kind = 'coding' "
                             "AND d.other_id = e.coding_id");
  st.run();
  run.added("CMOC evidence", run.db().changes());
  sql::Stmt lost(run.db(), "SELECT count(*) FROM " + other("cmoc_evidence") +
                               " e JOIN temp.merge_map c ON c.kind = 'cmoc' AND c.how = 'added' "
                               "AND c.other_id = e.cmoc_id WHERE " +
                               localOf("coding", "e.coding_id") + " IS NULL");
  lost.step();
  if (lost.i64(0) > 0)
    run.note(std::to_string(lost.i64(0)) +
             " CMOC evidence link(s) left out: their codings were left out");
}

void addPriors(Run& run) {
  sql::Stmt st(run.db(), "UPDATE main.cmocs SET prior_cmoc_id = (SELECT " +
                             localOf("cmoc", "o.prior_cmoc_id") + " FROM " + other("cmocs") +
                             " o JOIN temp.merge_map c ON c.kind = 'cmoc' AND c.other_id = o.id "
                             "WHERE c.local_id = main.cmocs.id) WHERE id IN (SELECT local_id FROM "
                             "temp.merge_map WHERE kind = 'cmoc' AND how = 'added')");
  st.run();
}

void addChains(Run& run) {
  // A chain between the same two CMOCs under another GUID is already here (UNIQUE(from, to)).
  run.addMissing({"cmoc-link", "cmoc_links", "CMOC chains",
                  "guid, from_cmoc_id, to_cmoc_id, memo, created_at",
                  "o.guid, " + localOf("cmoc", "o.from_cmoc_id") + ", " +
                      localOf("cmoc", "o.to_cmoc_id") + ", o.memo, o.created_at",
                  "", true});
}

}  // namespace

void mergeCmocs(Run& run) {
  run.addMissing({"cmoc", "cmocs", "CMOCs",
                  "guid, context_code_id, mechanism_code_id, outcome_code_id, status, label, memo, "
                  "coder_id, created_at, modified_at",
                  "o.guid, " + localOf("code", "o.context_code_id") + ", " +
                      localOf("code", "o.mechanism_code_id") + ", " +
                      localOf("code", "o.outcome_code_id") + ", o.status, o.label, o.memo, " +
                      localOf("coder", "o.coder_id") + ", o.created_at, o.modified_at"});
  addEvidence(run);
  addPriors(run);
  addChains(run);
}

}  // namespace cmoc::store::merge

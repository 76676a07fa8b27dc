// Merge step for what REFI-QDA exchanges carry beside our model: named sets of codes, sources
// and memos, and links between any two entities. Both address members by GUID, so a member the
// merge matched by name is stored under the local GUID.
#include "merge_run.h"

namespace cmoc::store::merge {

void mergeSetsAndLinks(Run& run) {
  run.addMissing({"set", "entity_sets", "sets", "guid, name, description, created_at",
                  "o.guid, o.name, o.description, o.created_at"});
  sql::Stmt members(run.db(), "INSERT OR IGNORE INTO main.entity_set_members(set_id, member_kind, "
                              "member_guid, seq) SELECT s.local_id, o.member_kind, " +
                                  localGuid("o.member_guid") + ", o.seq FROM " +
                                  other("entity_set_members") + " o JOIN temp.merge_map s ON "
                                  "s.kind = 'set' AND s.how = 'added' AND s.other_id = o.set_id");
  members.run();
  run.addMissing({"link", "entity_links", "links",
                  "guid, name, direction, color, origin_guid, target_guid, memo, created_at",
                  "o.guid, o.name, o.direction, o.color, " + localGuid("o.origin_guid") + ", " +
                      localGuid("o.target_guid") + ", o.memo, o.created_at"});
}

}  // namespace cmoc::store::merge

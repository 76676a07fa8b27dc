// Merge step for what REFI-QDA exchanges carry beside our model: named sets of codes, sources
// and memos, and links between any two entities. Both address members by GUID, so a member the
// merge matched by name is stored under the local GUID.
#include "merge_run.h"

namespace cmoc::store::merge {

void mergeSetsAndLinks(Run& run) {
  sql::Db& db = run.db();
  run.mapSameGuid("set", "entity_sets");
  sql::Stmt sets(db, "INSERT INTO main.entity_sets(guid, name, description, created_at) SELECT "
                     "o.guid, o.name, o.description, o.created_at FROM " + other("entity_sets") +
                         " o WHERE NOT EXISTS (SELECT 1 FROM main.entity_sets m WHERE m.guid = "
                         "o.guid) ORDER BY o.id");
  sets.run();
  run.added("sets", run.mapAdded("set", "entity_sets"));
  sql::Stmt members(db, "INSERT OR IGNORE INTO main.entity_set_members(set_id, member_kind, "
                        "member_guid, seq) SELECT s.local_id, o.member_kind, " +
                            localGuid("o.member_guid") + ", o.seq FROM " +
                            other("entity_set_members") + " o JOIN temp.merge_map s ON s.kind = "
                            "'set' AND s.how = 'added' AND s.other_id = o.set_id");
  members.run();
  run.mapSameGuid("link", "entity_links");
  sql::Stmt links(db, "INSERT INTO main.entity_links(guid, name, direction, color, origin_guid, "
                      "target_guid, memo, created_at) SELECT o.guid, o.name, o.direction, o.color, " +
                          localGuid("o.origin_guid") + ", " + localGuid("o.target_guid") +
                          ", o.memo, o.created_at FROM " + other("entity_links") +
                          " o WHERE NOT EXISTS (SELECT 1 FROM main.entity_links m WHERE m.guid = "
                          "o.guid) ORDER BY o.id");
  links.run();
  run.added("links", run.mapAdded("link", "entity_links"));
}

}  // namespace cmoc::store::merge

// Merge steps for codings and memos: set-based (a study has hundreds of thousands of codings),
// foreign keys translated through the id map.
#include "merge_run.h"

namespace cmoc::store::merge {

void mergeCodings(Run& run) {
  // Codings address code points, so they come over only onto sources whose texts agree.
  run.addMissing({"coding", "codings", "codings",
                  "guid, source_id, code_id, coder_id, start, end, memo, created_at, modified_at",
                  "o.guid, st.local_id, " + localOf("code", "o.code_id") + ", " +
                      localOf("coder", "o.coder_id") +
                      ", o.start, o.end, o.memo, o.created_at, o.modified_at",
                  "JOIN temp.merge_map st ON st.kind = 'source-text' AND st.other_id = o.source_id"});
  // Codings of a source whose text differs here (edited in one copy) would land on other words.
  sql::Stmt left(run.db(), "SELECT s.name, count(*) FROM " + other("codings") + " o JOIN " +
                               other("sources") + " s ON s.id = o.source_id WHERE NOT EXISTS "
                               "(SELECT 1 FROM temp.merge_map mm WHERE mm.kind = 'coding' AND "
                               "mm.other_id = o.id) GROUP BY s.id ORDER BY s.name");
  while (left.step())
    run.note(std::to_string(left.i64(1)) + " coding(s) of source '" + left.str(0) +
             "' left out: its text differs in this project");
}

void mergeMemos(Run& run) {
  // A memo on a code the merge matched by name points at the local code's GUID.
  run.addMissing({"memo", "memos", "memos",
                  "guid, target_kind, target_guid, title, text, coder_id, created_at, modified_at",
                  "o.guid, o.target_kind, CASE WHEN o.target_kind = 'code' THEN " +
                      localGuid("o.target_guid") + " ELSE o.target_guid END, o.title, o.text, " +
                      localOf("coder", "o.coder_id") + ", o.created_at, o.modified_at"});
}

}  // namespace cmoc::store::merge

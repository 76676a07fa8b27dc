// Merge step for what REFI-QDA exchanges carry beside our model: named sets of codes, sources
// and memos, and links between any two entities. Both address members by GUID, so a member the
// merge matched by name is stored under the local GUID.
#include "merge_run.h"

namespace cmoc::store::merge {

void mergeSetsAndLinks(Run& run) {
  EntitySetRows &ours = run.ours().sets, &theirs = run.theirs().sets;
  addMissing(
      run, "set", "sets", [&](auto f) { theirs.eachSet(f); },
      [&](const std::string& guid) { return ours.setIdOfGuid(guid); },
      [&](const EntitySetRow& row) -> std::optional<std::int64_t> {
        const std::int64_t id = ours.insertSet(row);
        for (SetMemberRow m : theirs.membersOf(row.id)) {
          m.guid = run.localGuid(m.guid);
          ours.addMember(id, m);
        }
        return id;
      });
  addMissing(
      run, "link", "links", [&](auto f) { theirs.eachLink(f); },
      [&](const std::string& guid) { return ours.linkIdOfGuid(guid); },
      [&](const EntityLinkRow& row) -> std::optional<std::int64_t> {
        EntityLinkRow copy = row;
        copy.originGuid = run.localGuid(row.originGuid);
        copy.targetGuid = run.localGuid(row.targetGuid);
        return ours.insertLink(copy);
      });
}

}  // namespace cmoc::store::merge

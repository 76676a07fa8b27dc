// Merge steps for coders and the codebook. A coder or code the other project made separately
// (another GUID) but with the same name, or the same name under the same parent, is the same
// thing to a researcher: "Trust" from the starter codebook in both copies must not become two
// codes. REFI-QDA import decides codes the same way (CodeRows::siblingNamed).
#include "merge_run.h"

namespace cmoc::store::merge {

void mergeCoders(Run& run) {
  CoderRows& ours = run.ours().coders;
  run.theirs().coders.each([&](const CoderRow& row) {
    if (auto id = ours.idOfGuid(row.guid)) {
      run.map("coder", row.id, *id, Match::SameGuid);
    } else if (auto same = ours.idOfName(row.name)) {
      run.map("coder", row.id, *same, Match::SameIdentity);
      run.sameIdentity("coder", row.name, "the same name");
    } else {
      run.map("coder", row.id, ours.insert(row), Match::Added);
      run.added("coders", 1);
    }
  });
}

void mergeCodes(Run& run) {
  CodeRows& ours = run.ours().codes;
  // Asked once per parent, as REFI-QDA import does: parent_id has no index, so asking for every
  // code scanned the codebook once per code.
  SortOrders orders(run.ours().codes.db());
  // Parents before children, so each code's parent is mapped when the code is reached.
  run.theirs().codes.eachParentsFirst([&](const CodeRow& theirs) {
    if (auto id = ours.idOfGuid(theirs.guid)) {
      run.map("code", theirs.id, *id, Match::SameGuid);
      return;
    }
    const std::optional<std::int64_t> parent = run.local("code", theirs.parentId);
    if (auto same = ours.siblingNamed(parent, theirs.name)) {
      run.map("code", theirs.id, same->id, Match::SameIdentity);
      run.renamedCode(theirs.guid, same->guid);
      run.sameIdentity("code", theirs.name, "the same name under the same parent");
      return;
    }
    // Their row as it is (GUID, texts, times), placed under our parent at the end.
    CodeRow row = theirs;
    row.parentId = parent;
    row.sortOrder = orders.next(parent);
    run.map("code", theirs.id, ours.insert(row), Match::Added);
    run.added("codes", 1);
  });
}

}  // namespace cmoc::store::merge

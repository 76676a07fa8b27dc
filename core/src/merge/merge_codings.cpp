// Merge steps for codings and memos, foreign keys translated through the id map (a study has
// hundreds of thousands of codings: each is read and written by a kept statement).
#include <algorithm>
#include <map>
#include <vector>

#include "merge_run.h"

namespace cmoc::store::merge {

void mergeCodings(Run& run) {
  CodingRows& ours = run.ours().codings;
  std::map<std::int64_t, std::int64_t> left;  // their source id -> codings left out
  addMissing(
      run, "coding", "codings", [&](auto f) { run.theirs().codings.each(f); },
      [&](const std::string& guid) { return ours.idOfGuid(guid); },
      [&](const CodingRow& row) -> std::optional<std::int64_t> {
        // Codings address code points, so they come over only onto sources whose texts agree.
        const std::optional<std::int64_t> source = run.local("source-text", row.sourceId);
        if (!source) {
          ++left[row.sourceId];
          return std::nullopt;
        }
        CodingRow copy = row;
        copy.sourceId = *source;
        copy.codeId = run.required("code", row.codeId);
        copy.coderId = run.required("coder", row.coderId);
        return ours.insert(copy);
      });
  // Codings of a source whose text differs here (edited in one copy) would land on other words.
  std::vector<std::pair<std::string, std::int64_t>> notes;  // source name, count
  for (const auto& [sourceId, n] : left)
    notes.emplace_back(run.theirs().sources.byId(sourceId)->name, n);
  std::stable_sort(notes.begin(), notes.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [name, n] : notes)
    run.note(std::to_string(n) + " coding(s) of source '" + name +
             "' left out: its text differs in this project");
}

void mergeMemos(Run& run) {
  MemoRows& ours = run.ours().memos;
  addMissing(
      run, "memo", "memos", [&](auto f) { run.theirs().memos.each(f); },
      [&](const std::string& guid) { return ours.idOfGuid(guid); },
      [&](const MemoRow& row) -> std::optional<std::int64_t> {
        MemoRow copy = row;
        // A memo on a code the merge matched by name points at the local code's GUID.
        if (row.targetKind == "code" && row.targetGuid)
          copy.targetGuid = run.localGuid(*row.targetGuid);
        copy.coderId = run.local("coder", row.coderId);
        return ours.insert(copy);
      });
}

}  // namespace cmoc::store::merge

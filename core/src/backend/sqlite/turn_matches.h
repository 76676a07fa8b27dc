#pragma once
// The turns a full-text query matches, each with its phrase instances as token indexes, in the
// order of the turns' row ids, which FTS5 walks natively (search/project_search.cpp says why
// that is source order). The instances come from the index's position lists through the
// auxiliary function cmoc_instances (fts_functions.cpp), never from the text.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "statements.h"

namespace cmoc::store {

struct TurnMatch {
  std::int64_t turnId = 0, sourceId = 0, start = 0, end = 0;  // code points
  std::optional<std::int64_t> startByte, endByte;  // the turn's bytes, when known (schema 004)
  std::string sourceName, speaker, participant;    // "" for none
  // Each phrase instance's first and last token, counted from the start of the turn, as the
  // index lists them (unsorted, possibly repeated).
  std::vector<std::pair<std::int32_t, std::int32_t>> tokens;
};

class TurnMatches {
 public:
  explicit TurnMatches(const sql::Db& db) : st_(db) {}
  // At most `limit` turns matching `ftsQuery` (an FTS5 query), handed to `f` until it returns
  // false.
  void each(const std::string& ftsQuery, std::int64_t limit,
            const std::function<bool(TurnMatch&&)>& f);

 private:
  Statements st_;
};

}  // namespace cmoc::store

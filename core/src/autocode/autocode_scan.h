#pragma once
// Where auto-coding looks: a spec resolved against the project (code, pattern, filters), and
// the walk over candidate turns that finds and widens its matches. Shared by the dry run and
// the real run (autocode.cpp).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "autocode_match.h"
#include "autocode_scope.h"
#include "backend/sqlite/autocode_query.h"
#include "cmoc/autocode.h"
#include "text/codepoint_cursor.h"

namespace cmoc {
class Progress;
}

namespace cmoc::store {

// A spec resolved against the project.
struct AutocodePlan {
  std::int64_t codeId = 0;
  std::string codeName, codeGuid;
  AutocodeScope scope = AutocodeScope::Match;
  std::optional<autocode::TokenPattern> words;
  std::optional<autocode::RegexFinder> regex;
  std::optional<std::unordered_set<std::int64_t>> speakers;  // speaker ids to keep
  std::vector<std::int64_t> sources;
};

// Checks the pattern first, then the code, sources and speaker (UsageError, NotFound).
AutocodePlan planAutocode(const sql::Db& db, const AutocodeSpec& spec);

// One turn's matches, widened; positions are bytes from turnByte in `text`.
struct TurnHits {
  const CandidateTurn& turn;
  std::string_view text;    // the whole source text
  CodePointCursor& cursor;  // over `text`, for turning bytes into code points
  std::size_t turnByte;
  const autocode::ScopedMatches& scoped;
};

// Finds the plan's matches turn by turn (sources in id order, turns in order), calling visit
// for each turn that has any. A word or phrase reads only the turns the search index names.
// `progress` hears of each source as the scan reaches it, and of the end.
void scanTurns(const sql::Db& db, AutocodePlan& plan,
               const std::function<void(const TurnHits&)>& visit, Progress* progress = nullptr);

}  // namespace cmoc::store

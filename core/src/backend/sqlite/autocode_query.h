#pragma once
// What auto-coding reads: the turns that can hold a match (for a word or phrase, only those the
// search index names) with their sources' names and speakers, and every speaker with the code
// of their participant, for matching a speaker by label or code.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "statements.h"

namespace cmoc::store {

struct CandidateTurn {
  std::int64_t id = 0, sourceId = 0, start = 0, end = 0;  // code points
  std::optional<std::int64_t> speakerId;
  std::string sourceName, speaker, participant;  // "" for none
};

// Which turns to read: those matching an FTS5 query (every turn when nullopt), of the given
// sources (all when empty).
struct CandidateFilter {
  std::optional<std::string> ftsQuery;
  std::vector<std::int64_t> sourceIds;
};

struct SpeakerNames {
  std::int64_t id = 0;
  std::string label, participantCode;  // "" for no participant
};

class AutocodeQueries {
 public:
  explicit AutocodeQueries(const sql::Db& db) : db_(db), st_(db) {}
  // Turns that hold text, by source id and then in order.
  void eachCandidate(const CandidateFilter& filter,
                     const std::function<void(const CandidateTurn&)>& f);
  void eachSpeaker(const std::function<void(const SpeakerNames&)>& f);

 private:
  const sql::Db& db_;
  Statements st_;
};

}  // namespace cmoc::store

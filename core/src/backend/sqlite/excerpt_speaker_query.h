#pragma once
// What demiregularities read to know who said each excerpt: participants with their case type,
// each source's main participant, the speakers whose turns change that answer, and their turns.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "statements.h"

namespace cmoc::store {

// A participant with the case type their case gives (else their `case_type` attribute, else "").
struct PersonRow {
  std::int64_t id = 0;
  std::string code, caseType;
  bool isInterviewer = false;
};

// A speaker whose turns are not simply the source's main participant's: an interviewer (no
// participant here), or a participant other than the source's main one (focus groups).
struct SpeakerOwner {
  std::int64_t speakerId = 0;
  std::optional<std::int64_t> participant;
};

struct SpokenTurn {
  std::int64_t sourceId = 0, start = 0, end = 0, speakerId = 0;
};

class ExcerptSpeakerQueries {
 public:
  explicit ExcerptSpeakerQueries(const sql::Db& db) : st_(db) {}
  void eachPerson(const std::function<void(const PersonRow&)>& f);
  // Sources with a main participant: (source id, participant id).
  void eachMainParticipant(const std::function<void(std::int64_t, std::int64_t)>& f);
  void eachSpeakerOwner(const std::function<void(const SpeakerOwner&)>& f);
  // Every turn with a speaker, in no particular order: scanning turns alone is the cheap part,
  // so they are joined to their speakers in memory.
  void eachSpokenTurn(const std::function<void(const SpokenTurn&)>& f);

 private:
  Statements st_;
};

}  // namespace cmoc::store

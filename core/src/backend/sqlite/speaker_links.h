#pragma once
// The links between speakers, sources and participants: which participant a speaker is, whether
// it is an interviewer, and each source's main participant (its interviewee). Mapping a
// participants sheet, editing and deleting participants write them through this gateway.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "source_rows.h"
#include "statements.h"

namespace cmoc::store {

class SpeakerLinks {
 public:
  explicit SpeakerLinks(const sql::Db& db) : st_(db), sources_(db) {}

  // Speakers of a source, by id, gathered first so that the caller may update them.
  std::vector<SpeakerRow> speakersOf(std::int64_t sourceId);
  std::vector<SpeakerRow> speakersOfParticipant(std::int64_t participantId);
  void link(std::int64_t speakerId, std::int64_t participantId, bool interviewer);
  void setInterviewer(std::int64_t speakerId, bool interviewer);
  // Sources a participant speaks in or is the main participant of.
  std::vector<std::int64_t> sourcesOf(std::int64_t participantId);
  // Sources whose main participant it is.
  std::vector<std::int64_t> sourcesInterviewing(std::int64_t participantId);
  // Clears the participant from its speakers and sources; speakers and their turns stay.
  void unlinkParticipant(std::int64_t participantId);
  // A source's main participant: the participant of its first non-interviewer speaker with one,
  // else the one it had if that one is no interviewer, else none.
  void refreshMainParticipant(std::int64_t sourceId);
  // Names the source's main participant unless it has one (a REFI-QDA case covering a source
  // without speaker labels).
  void setMainParticipantIfNone(std::int64_t sourceId, std::int64_t participantId);
  // For each participant with speakers: in how many sources, and its labels ("R, Gwen").
  void eachParticipantSpeakers(
      const std::function<void(std::int64_t participantId, std::int64_t sources,
                               const std::string& labels)>& f);
  // Every distinct (speaker label, participant code) pair, by code and label.
  void eachLabelOfParticipant(
      const std::function<void(const std::string& label, const std::string& code)>& f);

 private:
  std::vector<std::int64_t> ids(sql::Stmt& st);
  Statements st_;
  SourceRows sources_;
};

}  // namespace cmoc::store

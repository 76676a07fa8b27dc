#pragma once
// Speakers -> participants, and participants' cases and attributes.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cmoc/transcript.h"
#include "backend/sqlite/sqlite.h"

namespace cmoc::store {

// Labels transcribers use for the interviewer or focus-group facilitator.
bool isInterviewerLabel(std::string_view label);

// The id of the case named `name`, created when new; a non-empty caseType is set on it.
std::int64_t upsertCase(sql::Db& db, const std::string& name, const std::string& caseType);

// Sets a source's main participant (its interviewee): the participant of its first
// non-interviewer speaker, else the one it has if that is still a non-interviewer (REFI-QDA
// cases name sources without speaker labels), else none.
void refreshMainParticipant(sql::Db& db, std::int64_t sourceId);

// Sets a participant's interviewer flag and carries it to the speakers linked to it (a speaker
// is an interviewer when its participant is or its label says so), then refreshes the main
// participant of the sources involved. Runs inside the caller's transaction.
void setInterviewer(sql::Db& db, std::int64_t participantId, bool interviewer);

// Maps each speaker of one source through the sheet (rows for that file first, then rows for
// every file), creating or updating participants, their attributes and cases. Runs inside the
// caller's transaction. Returns the speaker labels the sheet does not name.
// `used`, when given, holds a flag per sheet row and is set for each row a speaker took.
std::vector<std::string> mapSpeakers(sql::Db& db, std::int64_t sourceId,
                                     const std::string& fileName, const ParticipantSheet& sheet,
                                     std::vector<bool>* used = nullptr);

}  // namespace cmoc::store

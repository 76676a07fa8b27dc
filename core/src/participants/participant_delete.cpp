// Deleting a participant: the metadata goes, the transcripts stay. Speakers keep their labels,
// turns and codings; only their link to the participant is cleared.
#include "backend/sqlite/action.h"
#include "backend/sqlite/participant_rows.h"
#include "backend/sqlite/speaker_links.h"
#include "cmoc/participants.h"
#include "cmoc/project.h"
#include "codebook/codebook_rows.h"
#include "participants.h"

namespace cmoc {

namespace {

// Enough to recreate the participant by hand after the undo history is gone; undo restores the
// rows themselves.
std::string deletedJson(const Participant& p) {
  std::string attributes;
  for (const auto& [k, v] : p.attributes)
    attributes += (attributes.empty() ? "" : ", ") + jsonString(k) + ": " + jsonString(v);
  return "{\"code\": " + jsonString(p.code) + ", \"name\": " + jsonString(p.name) +
         ", \"case\": " + jsonString(p.caseName) + ", \"role\": " + jsonString(p.role) +
         ", \"interviewer\": " + (p.interviewer ? "true" : "false") + ", \"attributes\": {" +
         attributes + "}, \"speakers\": " + jsonString(p.speakers) +
         ", \"sources\": " + std::to_string(p.sources) + "}";
}

}  // namespace

Participant Participants::remove(std::string_view code) {
  const Participant gone = get(code);
  store::Action action(project_.impl(), "delete participant " + gone.code);
  sql::Db& db = action.db();
  store::SpeakerLinks links(db);
  const std::vector<std::int64_t> interviewed = links.sourcesInterviewing(gone.id);
  // The schema's ON DELETE actions would do the same; spelled out, the promise that speakers
  // are unlinked and never deleted lives beside the code that makes it, not in a clause a
  // migration could change.
  links.unlinkParticipant(gone.id);
  store::ParticipantRows(db).remove(gone.id);
  for (std::int64_t source : interviewed) links.refreshMainParticipant(source);
  action.audit("delete-participant", "participant", gone.guid, deletedJson(gone));
  action.commit();
  return gone;
}

}  // namespace cmoc

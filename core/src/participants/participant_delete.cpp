// Deleting a participant: the metadata goes, the transcripts stay. Speakers keep their labels,
// turns and codings; only their link to the participant is cleared.
#include "backend/sqlite/action.h"
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
  std::vector<std::int64_t> interviewed;
  {
    sql::Stmt st(db, "SELECT id FROM sources WHERE participant_id = ?");
    st.bind(1, gone.id);
    while (st.step()) interviewed.push_back(st.i64(0));
  }
  // The schema's ON DELETE actions would do the same; spelled out, the promise that speakers
  // are unlinked and never deleted lives beside the code that makes it, not in a clause a
  // migration could change.
  for (const char* sql : {"UPDATE speakers SET participant_id = NULL WHERE participant_id = ?1",
                          "UPDATE sources SET participant_id = NULL WHERE participant_id = ?1",
                          "DELETE FROM participant_attributes WHERE participant_id = ?1",
                          "DELETE FROM participants WHERE id = ?1"}) {
    sql::Stmt st(db, sql);
    st.bind(1, gone.id).run();
  }
  for (std::int64_t source : interviewed) store::refreshMainParticipant(db, source);
  action.audit("delete-participant", "participant", gone.guid, deletedJson(gone));
  action.commit();
  return gone;
}

}  // namespace cmoc

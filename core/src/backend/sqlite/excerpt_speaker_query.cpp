#include "excerpt_speaker_query.h"

namespace cmoc::store {

void ExcerptSpeakerQueries::eachPerson(const std::function<void(const PersonRow&)>& f) {
  eachRow(st_(R"(
    SELECT p.id, p.code, p.is_interviewer, coalesce(cs.case_type, pa.value, '') AS case_type
    FROM participants p LEFT JOIN cases cs ON cs.id = p.case_id
    LEFT JOIN participant_attributes pa ON pa.participant_id = p.id AND pa.name = 'case_type')"),
          [](const sql::Stmt& s) {
            return PersonRow{s.i64("id"), s.str("code"), s.str("case_type"),
                             s.i64("is_interviewer") != 0};
          },
          f);
}

void ExcerptSpeakerQueries::eachMainParticipant(
    const std::function<void(std::int64_t, std::int64_t)>& f) {
  sql::Stmt& st = st_("SELECT id, participant_id FROM sources WHERE participant_id IS NOT NULL");
  Resetting resetting(st);
  while (st.step()) f(st.i64("id"), st.i64("participant_id"));
}

void ExcerptSpeakerQueries::eachSpeakerOwner(const std::function<void(const SpeakerOwner&)>& f) {
  eachRow(st_(R"(
    SELECT k.id, CASE WHEN k.is_interviewer THEN NULL ELSE k.participant_id END AS participant
    FROM speakers k JOIN sources s ON s.id = k.source_id
    WHERE k.is_interviewer = 1
       OR (k.participant_id IS NOT NULL AND k.participant_id IS NOT s.participant_id))"),
          [](const sql::Stmt& s) { return SpeakerOwner{s.i64("id"), s.optI64("participant")}; },
          f);
}

void ExcerptSpeakerQueries::eachSpokenTurn(const std::function<void(const SpokenTurn&)>& f) {
  eachRow(st_("SELECT source_id, start, end, speaker_id FROM turns WHERE speaker_id IS NOT NULL"),
          [](const sql::Stmt& s) {
            return SpokenTurn{s.i64("source_id"), s.i64("start"), s.i64("end"),
                              s.i64("speaker_id")};
          },
          f);
}

}  // namespace cmoc::store

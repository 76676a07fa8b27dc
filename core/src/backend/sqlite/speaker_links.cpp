#include "speaker_links.h"

namespace cmoc::store {

std::vector<SpeakerRow> SpeakerLinks::speakersOf(std::int64_t sourceId) {
  std::vector<SpeakerRow> out;
  sources_.speakersOf(sourceId, [&](const SpeakerRow& r) { out.push_back(r); });
  return out;
}

std::vector<SpeakerRow> SpeakerLinks::speakersOfParticipant(std::int64_t participantId) {
  std::vector<SpeakerRow> out;
  sources_.speakersOfParticipant(participantId, [&](const SpeakerRow& r) { out.push_back(r); });
  return out;
}

void SpeakerLinks::link(std::int64_t speakerId, std::int64_t participantId, bool interviewer) {
  st_("UPDATE speakers SET participant_id = ?, is_interviewer = ? WHERE id = ?")
      .bind(1, participantId)
      .bind(2, interviewer ? 1 : 0)
      .bind(3, speakerId)
      .run();
}

void SpeakerLinks::setMainParticipantIfNone(std::int64_t sourceId, std::int64_t participantId) {
  st_("UPDATE sources SET participant_id = ? WHERE id = ? AND participant_id IS NULL")
      .bind(1, participantId)
      .bind(2, sourceId)
      .run();
}

void SpeakerLinks::setInterviewer(std::int64_t speakerId, bool interviewer) {
  st_("UPDATE speakers SET is_interviewer = ? WHERE id = ?")
      .bind(1, interviewer ? 1 : 0)
      .bind(2, speakerId)
      .run();
}

std::vector<std::int64_t> SpeakerLinks::ids(sql::Stmt& st) {
  std::vector<std::int64_t> out;
  eachRow(
      st, [](const sql::Stmt& s) { return s.i64(0); }, [&](std::int64_t id) { out.push_back(id); });
  return out;
}

std::vector<std::int64_t> SpeakerLinks::sourcesOf(std::int64_t participantId) {
  return ids(st_("SELECT source_id FROM speakers WHERE participant_id = ?1 "
                 "UNION SELECT id FROM sources WHERE participant_id = ?1")
                 .bind(1, participantId));
}

std::vector<std::int64_t> SpeakerLinks::sourcesInterviewing(std::int64_t participantId) {
  return ids(st_("SELECT id FROM sources WHERE participant_id = ?").bind(1, participantId));
}

void SpeakerLinks::unlinkParticipant(std::int64_t participantId) {
  st_("UPDATE speakers SET participant_id = NULL WHERE participant_id = ?")
      .bind(1, participantId)
      .run();
  st_("UPDATE sources SET participant_id = NULL WHERE participant_id = ?")
      .bind(1, participantId)
      .run();
}

void SpeakerLinks::refreshMainParticipant(std::int64_t sourceId) {
  st_(R"(
    UPDATE sources SET participant_id = coalesce((
      SELECT k.participant_id FROM turns t JOIN speakers k ON k.id = t.speaker_id
      WHERE t.source_id = ?1 AND k.is_interviewer = 0 AND k.participant_id IS NOT NULL
      ORDER BY t.seq LIMIT 1),
      (SELECT p.id FROM participants p
       WHERE p.id = sources.participant_id AND p.is_interviewer = 0))
    WHERE id = ?1)")
      .bind(1, sourceId)
      .run();
}

void SpeakerLinks::eachParticipantSpeakers(
    const std::function<void(std::int64_t, std::int64_t, const std::string&)>& f) {
  sql::Stmt& st =
      st_("SELECT participant_id, count(DISTINCT source_id) AS sources, "
          "replace(group_concat(DISTINCT label), ',', ', ') AS labels "
          "FROM speakers WHERE participant_id IS NOT NULL GROUP BY participant_id");
  Resetting resetting(st);
  while (st.step()) f(st.i64("participant_id"), st.i64("sources"), st.str("labels"));
}

void SpeakerLinks::eachLabelOfParticipant(
    const std::function<void(const std::string&, const std::string&)>& f) {
  sql::Stmt& st = st_(R"(
    SELECT DISTINCT k.label, p.code FROM speakers k JOIN participants p ON p.id = k.participant_id
    ORDER BY p.code, k.label)");
  Resetting resetting(st);
  while (st.step()) f(st.str("label"), st.str("code"));
}

}  // namespace cmoc::store

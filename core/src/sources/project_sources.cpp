// Sources, their text, speakers and turns; mapping speakers to participants.
#include <algorithm>
#include <map>

#include "backend/sqlite/project_impl.h"
#include "backend/sqlite/source_rows.h"
#include "source_pages.h"
#include "cmoc/error.h"
#include "cmoc/text.h"
#include "coding/coding_rows.h"
#include "content_hash.h"
#include "participants/participants.h"

namespace cmoc {

ImportResult Project::addTranscript(const Transcript& t, const ParticipantSheet* sheet) {
  if (auto bad = text::firstInvalidUtf8(t.text))
    throw InputError(t.fileName, "byte " + std::to_string(*bad), "invalid UTF-8");
  const std::int64_t length = text::codePointCount(t.text);
  for (const Turn& turn : t.turns)
    if (turn.start < 0 || turn.end < turn.start || turn.end > length)
      throw Error(t.fileName + ": turn [" + std::to_string(turn.start) + ", " +
                  std::to_string(turn.end) + ") lies outside the text");

  store::checkPages(t.fileName, t.pages, length);

  sql::Db& db = impl_->db;
  ImportResult result;
  const std::string hash = store::contentHash(t.text);
  sql::Transaction tx(db);
  store::SourceRows rows(db);
  if (auto dup = rows.withContentHash(hash)) {
    result.duplicate = true;
    result.sourceId = dup->id;
    result.duplicateOf = dup->name;
    return result;  // the transaction rolls back: nothing was written
  }
  const std::string now = nowUtc();
  const std::int64_t sourceId = rows.insert(
      {0, newGuid(), t.fileName, t.format, hash, length, std::nullopt, "", now, now}, t.text);
  result.sourceId = sourceId;

  std::map<std::string, std::int64_t> speakerIds;
  std::int64_t seq = 0;
  text::TextIndex index(t.text);
  for (const Turn& turn : t.turns) {
    std::optional<std::int64_t> speakerId;
    if (!turn.speaker.empty()) {
      auto [it, fresh] = speakerIds.try_emplace(turn.speaker, 0);
      if (fresh)
        it->second = rows.insertSpeaker(newGuid(), sourceId, turn.speaker,
                                        store::isInterviewerLabel(turn.speaker));
      speakerId = it->second;
    }
    const std::int64_t b = index.byteOfCodePoint(turn.start), e = index.byteOfCodePoint(turn.end);
    const std::int64_t turnId = rows.insertTurn(
        {sourceId, ++seq, speakerId, turn.start, turn.end, turn.startMs, turn.endMs, b, e});
    rows.indexTurn(turnId, std::string_view(t.text).substr(static_cast<std::size_t>(b),
                                                           static_cast<std::size_t>(e - b)));
  }
  store::writePages(db, sourceId, t.pages);
  if (sheet) result.unmappedSpeakers = store::mapSpeakers(db, sourceId, t.fileName, *sheet);
  sql::Stmt audit(db,
                  "INSERT INTO audit(at, action, entity_kind, entity_guid, detail) "
                  "SELECT ?, 'import', 'source', guid, json_object('name', name, 'format', format) "
                  "FROM sources WHERE id = ?");
  audit.bind(1, now).bind(2, sourceId).run();
  tx.commit();
  return result;
}

std::vector<int> Project::applyParticipants(const ParticipantSheet& sheet) {
  sql::Db& db = impl_->db;
  sql::Transaction tx(db);
  std::vector<std::pair<std::int64_t, std::string>> all;
  {
    sql::Stmt st(db, "SELECT id, name FROM sources ORDER BY id");
    while (st.step()) all.emplace_back(st.i64(0), st.str(1));
  }
  std::vector<bool> used(sheet.rows.size(), false);
  for (const auto& [id, name] : all) store::mapSpeakers(db, id, name, sheet, &used);
  tx.commit();
  std::vector<int> unmatched;
  for (std::size_t i = 0; i < used.size(); ++i)
    if (!used[i]) unmatched.push_back(sheet.rows[i].line);
  return unmatched;
}

namespace {
constexpr const char* kSourceSummarySql = R"(
  SELECT s.id, s.guid, s.name, s.format, s.imported_at, s.char_count,
    (SELECT count(*) FROM turns t WHERE t.source_id = s.id),
    (SELECT count(*) FROM speakers k WHERE k.source_id = s.id),
    (SELECT count(*) FROM codings c WHERE c.source_id = s.id),
    (SELECT group_concat(code, ', ') FROM (
       SELECT p.code AS code, min(t.seq) AS first FROM turns t
       JOIN speakers k ON k.id = t.speaker_id JOIN participants p ON p.id = k.participant_id
       WHERE t.source_id = s.id AND k.is_interviewer = 0 GROUP BY p.id ORDER BY first))
  FROM sources s)";

SourceSummary readSummary(const sql::Stmt& st) {
  SourceSummary s;
  s.id = st.i64(0);
  s.guid = st.str(1);
  s.name = st.str(2);
  s.format = st.str(3);
  s.importedAt = st.str(4);
  s.chars = st.i64(5);
  s.turns = st.i64(6);
  s.speakers = st.i64(7);
  s.codings = st.i64(8);
  s.participants = st.str(9);
  return s;
}
}  // namespace

std::vector<SourceSummary> Project::sources() const {
  sql::Stmt st(impl_->db, std::string(kSourceSummarySql) + " ORDER BY s.name, s.id");
  std::vector<SourceSummary> out;
  while (st.step()) out.push_back(readSummary(st));
  return out;
}

SourceSummary Project::source(std::string_view idOrName) const {
  sql::Stmt st(impl_->db, std::string(kSourceSummarySql) + " WHERE s.id = ?");
  st.bind(1, store::resolveSource(impl_->db, idOrName));
  st.step();
  return readSummary(st);
}

std::string Project::sourceText(std::int64_t sourceId) const {
  sql::Stmt st(impl_->db, "SELECT text FROM source_text WHERE source_id = ?");
  st.bind(1, sourceId);
  if (!st.step()) throw NotFound("no source with id " + std::to_string(sourceId));
  return st.str(0);
}

std::vector<TurnView> Project::turns(std::int64_t sourceId) const {
  sql::Stmt st(impl_->db, R"(
    SELECT t.id, t.seq, ifnull(k.label, ''), ifnull(p.code, ''), ifnull(k.is_interviewer, 0),
           t.start, t.end, t.start_ms, t.end_ms
    FROM turns t LEFT JOIN speakers k ON k.id = t.speaker_id
    LEFT JOIN participants p ON p.id = k.participant_id
    WHERE t.source_id = ? ORDER BY t.seq)");
  st.bind(1, sourceId);
  std::vector<TurnView> out;
  while (st.step()) {
    TurnView v;
    v.id = st.i64(0);
    v.seq = st.i64(1);
    v.speaker = st.str(2);
    v.participant = st.str(3);
    v.interviewer = st.i64(4) != 0;
    v.start = st.i64(5);
    v.end = st.i64(6);
    v.startMs = st.optI64(7);
    v.endMs = st.optI64(8);
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace cmoc

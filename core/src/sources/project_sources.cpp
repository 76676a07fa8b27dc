// Sources, their text, speakers and turns; mapping speakers to participants.
#include <algorithm>
#include <map>

#include "cmoc/error.h"
#include "cmoc/text.h"
#include "coding/coding_rows.h"
#include "content_hash.h"
#include "participants/participants.h"
#include "backend/sqlite/project_impl.h"

namespace cmoc {

ImportResult Project::addTranscript(const Transcript& t, const ParticipantSheet* sheet) {
  if (auto bad = text::firstInvalidUtf8(t.text))
    throw InputError(t.fileName, "byte " + std::to_string(*bad), "invalid UTF-8");
  const std::int64_t length = text::codePointCount(t.text);
  for (const Turn& turn : t.turns)
    if (turn.start < 0 || turn.end < turn.start || turn.end > length)
      throw Error(t.fileName + ": turn [" + std::to_string(turn.start) + ", " +
                  std::to_string(turn.end) + ") lies outside the text");

  sql::Db& db = impl_->db;
  ImportResult result;
  const std::string hash = store::contentHash(t.text);
  sql::Transaction tx(db);
  {
    sql::Stmt dup(db, "SELECT id, name FROM sources WHERE content_hash = ?");
    dup.bind(1, hash);
    if (dup.step()) {
      result.duplicate = true;
      result.sourceId = dup.i64(0);
      result.duplicateOf = dup.str(1);
      return result;  // the transaction rolls back: nothing was written
    }
  }
  const std::string now = nowUtc();
  sql::Stmt src(db,
                "INSERT INTO sources(guid, name, format, content_hash, char_count, imported_at, "
                "modified_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  src.bind(1, newGuid()).bind(2, t.fileName).bind(3, t.format).bind(4, hash).bind(5, length);
  src.bind(6, now).bind(7, now).run();
  const std::int64_t sourceId = db.lastInsertId();
  result.sourceId = sourceId;
  sql::Stmt txt(db, "INSERT INTO source_text(source_id, text) VALUES (?, ?)");
  txt.bind(1, sourceId).bind(2, t.text).run();

  std::map<std::string, std::int64_t> speakerIds;
  sql::Stmt spk(db,
                "INSERT INTO speakers(guid, source_id, label, is_interviewer) VALUES (?, ?, ?, ?)");
  sql::Stmt trn(db,
                "INSERT INTO turns(source_id, seq, speaker_id, start, end, start_ms, end_ms, "
                "start_byte, end_byte) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  sql::Stmt fts(db, "INSERT INTO turn_fts(rowid, text) VALUES (?, ?)");
  std::int64_t seq = 0;
  text::TextIndex index(t.text);
  for (const Turn& turn : t.turns) {
    std::optional<std::int64_t> speakerId;
    if (!turn.speaker.empty()) {
      auto [it, fresh] = speakerIds.try_emplace(turn.speaker, 0);
      if (fresh) {
        spk.bind(1, newGuid()).bind(2, sourceId).bind(3, turn.speaker);
        spk.bind(4, store::isInterviewerLabel(turn.speaker) ? 1 : 0).run();
        it->second = db.lastInsertId();
      }
      speakerId = it->second;
    }
    const std::int64_t b = index.byteOfCodePoint(turn.start), e = index.byteOfCodePoint(turn.end);
    trn.bind(1, sourceId).bind(2, ++seq).bind(3, speakerId).bind(4, turn.start).bind(5, turn.end);
    trn.bind(6, turn.startMs).bind(7, turn.endMs).bind(8, b).bind(9, e).run();
    fts.bind(1, db.lastInsertId())
        .bind(2, std::string_view(t.text).substr(static_cast<std::size_t>(b),
                                                 static_cast<std::size_t>(e - b)))
        .run();
  }
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

#include "source_rows.h"

#include <vector>

namespace cmoc::store {

namespace {

constexpr const char* kSources =
    "SELECT id, guid, name, format, content_hash, char_count, participant_id, ifnull(memo, '') AS "
    "memo, imported_at, modified_at FROM sources";

SourceRow readSource(const sql::Stmt& st) {
  SourceRow r;
  r.id = st.i64("id");
  r.guid = st.str("guid");
  r.name = st.str("name");
  r.format = st.str("format");
  r.contentHash = st.str("content_hash");
  r.charCount = st.i64("char_count");
  r.participantId = st.optI64("participant_id");
  r.memo = st.str("memo");
  r.importedAt = st.str("imported_at");
  r.modifiedAt = st.str("modified_at");
  return r;
}

}  // namespace

void SourceRows::each(const std::function<void(const SourceRow&)>& f) {
  eachRow(st_(std::string(kSources) + " ORDER BY id"), readSource, f);
}

bool SourceRows::any() {
  return *firstI64(st_("SELECT EXISTS (SELECT 1 FROM sources)")) != 0;
}

std::optional<SourceRow> SourceRows::byId(std::int64_t id) {
  return firstRow(st_(std::string(kSources) + " WHERE id = ?").bind(1, id), readSource);
}

std::int64_t SourceRows::count() {
  return firstI64(st_("SELECT count(*) FROM sources")).value_or(0);
}

std::string SourceRows::text(std::int64_t id) {
  return firstRow(st_("SELECT text FROM source_text WHERE source_id = ?").bind(1, id),
                  [](const sql::Stmt& s) { return s.str("text"); })
      .value_or(std::string());
}

std::optional<std::string> SourceRows::textIfAny(std::int64_t id) {
  return firstRow(st_("SELECT text FROM source_text WHERE source_id = ?").bind(1, id),
                  [](const sql::Stmt& s) { return s.str("text"); });
}

void SourceRows::setTextFacts(std::int64_t id, std::int64_t charCount,
                              const std::string& contentHash, const std::string& modifiedAt) {
  st_("UPDATE sources SET char_count = ?, content_hash = ?, modified_at = ? WHERE id = ?")
      .bind(1, charCount)
      .bind(2, contentHash)
      .bind(3, modifiedAt)
      .bind(4, id)
      .run();
}

std::vector<TurnPlace> SourceRows::turnPlacesOf(std::int64_t sourceId) {
  std::vector<TurnPlace> out;
  eachRow(
      st_("SELECT id, start, end FROM turns WHERE source_id = ? ORDER BY seq").bind(1, sourceId),
      [](const sql::Stmt& s) {
        return TurnPlace{s.i64("id"), s.i64("start"), s.i64("end")};
      },
      [&out](const TurnPlace& t) { out.push_back(t); });
  return out;
}

void SourceRows::setTurnPlace(const TurnPlace& t) {
  st_("UPDATE turns SET start = ?, end = ? WHERE id = ?")
      .bind(1, t.start)
      .bind(2, t.end)
      .bind(3, t.id)
      .run();
}

void SourceRows::setMemo(std::int64_t id, const std::string& memo) {
  st_("UPDATE sources SET memo = nullif(?, '') WHERE id = ?").bind(1, memo).bind(2, id).run();
}

void SourceRows::auditImport(std::int64_t id, const std::string& at) {
  st_("INSERT INTO audit(at, action, entity_kind, entity_guid, detail) "
      "SELECT ?, 'import', 'source', guid, json_object('name', name, 'format', format) "
      "FROM sources WHERE id = ?")
      .bind(1, at)
      .bind(2, id)
      .run();
}

namespace {
constexpr const char* kTurnSpans =
    "SELECT t.start, t.end, t.start_byte, t.end_byte, ifnull(k.label, '') AS label, "
    "k.participant_id FROM turns t LEFT JOIN speakers k ON k.id = t.speaker_id ";

TurnSpan readTurnSpan(const sql::Stmt& s) {
  return TurnSpan{s.i64("start"),       s.i64("end"),   s.optI64("start_byte"),
                  s.optI64("end_byte"), s.str("label"), s.optI64("participant_id")};
}
}  // namespace

std::optional<TurnSpan> SourceRows::turnAtOrBefore(std::int64_t source, std::int64_t pos) {
  static const std::string sql =
      std::string(kTurnSpans) +
      "WHERE t.source_id = ? AND t.start <= ? ORDER BY t.start DESC LIMIT 1";
  return firstRow(st_(sql).bind(1, source).bind(2, pos), readTurnSpan);
}

std::optional<TurnSpan> SourceRows::turnAfter(std::int64_t source, std::int64_t pos) {
  static const std::string sql =
      std::string(kTurnSpans) + "WHERE t.source_id = ? AND t.start > ? ORDER BY t.start LIMIT 1";
  return firstRow(st_(sql).bind(1, source).bind(2, pos), readTurnSpan);
}

namespace {
SpeakerRow readSpeaker(const sql::Stmt& s) {
  return SpeakerRow{s.i64("id"),
                    s.str("guid"),
                    s.i64("source_id"),
                    s.str("label"),
                    s.optI64("participant_id"),
                    s.i64("is_interviewer") != 0};
}
constexpr const char* kSpeakers =
    "SELECT id, guid, source_id, label, participant_id, is_interviewer FROM speakers ";
}  // namespace

void SourceRows::speakersOf(std::int64_t sourceId,
                            const std::function<void(const SpeakerRow&)>& f) {
  static const std::string sql = std::string(kSpeakers) + "WHERE source_id = ? ORDER BY id";
  eachRow(st_(sql).bind(1, sourceId), readSpeaker, f);
}

void SourceRows::speakersOfParticipant(std::int64_t participantId,
                                       const std::function<void(const SpeakerRow&)>& f) {
  static const std::string sql = std::string(kSpeakers) + "WHERE participant_id = ? ORDER BY id";
  eachRow(st_(sql).bind(1, participantId), readSpeaker, f);
}

void SourceRows::turnsOf(std::int64_t sourceId, const std::function<void(const TurnRow&)>& f) {
  eachRow(
      st_("SELECT source_id, seq, speaker_id, start, end, start_ms, end_ms, start_byte, "
          "end_byte FROM turns WHERE source_id = ? ORDER BY seq")
          .bind(1, sourceId),
      [](const sql::Stmt& s) {
        return TurnRow{s.i64("source_id"), s.i64("seq"),           s.optI64("speaker_id"),
                       s.i64("start"),     s.i64("end"),           s.optI64("start_ms"),
                       s.optI64("end_ms"), s.optI64("start_byte"), s.optI64("end_byte")};
      },
      f);
}

std::vector<std::int64_t> SourceRows::casesOf(std::int64_t sourceId) {
  std::vector<std::int64_t> out;
  eachRow(
      st_("SELECT case_id FROM case_sources WHERE source_id = ? ORDER BY case_id")
          .bind(1, sourceId),
      [](const sql::Stmt& s) { return s.i64("case_id"); },
      [&](std::int64_t id) { out.push_back(id); });
  return out;
}

std::optional<std::int64_t> SourceRows::idOfGuid(const std::string& guid) {
  return firstI64(st_("SELECT id FROM sources WHERE guid = ?").bind(1, guid));
}

std::vector<std::int64_t> SourceRows::idsOfName(const std::string& name) {
  std::vector<std::int64_t> ids;
  eachRow(
      st_("SELECT id FROM sources WHERE name = ? ORDER BY id").bind(1, name),
      [](const sql::Stmt& s) { return s.i64("id"); },
      [&ids](std::int64_t id) { ids.push_back(id); });
  return ids;
}

std::optional<SourceNamed> SourceRows::withContentHash(const std::string& hash) {
  return firstRow(st_("SELECT id, name FROM sources WHERE content_hash = ?").bind(1, hash),
                  [](const sql::Stmt& s) {
                    return SourceNamed{s.i64("id"), s.str("name")};
                  });
}

std::int64_t SourceRows::insert(const SourceRow& r, std::string_view text) {
  sql::Stmt& src = st_(R"(
    INSERT INTO sources(guid, name, format, content_hash, char_count, participant_id, memo,
                        imported_at, modified_at)
    VALUES (?, ?, ?, ?, ?, ?, nullif(?, ''), ?, ?))");
  src.bind(1, r.guid).bind(2, r.name).bind(3, r.format).bind(4, r.contentHash);
  src.bind(5, r.charCount).bind(6, r.participantId).bind(7, r.memo).bind(8, r.importedAt);
  src.bind(9, r.modifiedAt).run();
  const std::int64_t id = st_.db().lastInsertId();
  st_("INSERT INTO source_text(source_id, text) VALUES (?, ?)").bind(1, id).bind(2, text).run();
  return id;
}

std::int64_t SourceRows::insertSpeaker(const SpeakerRow& s) {
  st_("INSERT INTO speakers(guid, source_id, label, participant_id, is_interviewer) VALUES (?, ?, "
      "?, ?, ?)")
      .bind(1, s.guid)
      .bind(2, s.sourceId)
      .bind(3, s.label)
      .bind(4, s.participantId)
      .bind(5, s.isInterviewer ? 1 : 0)
      .run();
  return st_.db().lastInsertId();
}

std::int64_t SourceRows::insertTurn(const TurnRow& t) {
  sql::Stmt& st = st_(R"(
    INSERT INTO turns(source_id, seq, speaker_id, start, end, start_ms, end_ms, start_byte,
                      end_byte)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))");
  st.bind(1, t.sourceId).bind(2, t.seq).bind(3, t.speakerId).bind(4, t.start).bind(5, t.end);
  st.bind(6, t.startMs).bind(7, t.endMs).bind(8, t.startByte).bind(9, t.endByte).run();
  return st_.db().lastInsertId();
}

void SourceRows::addToCase(std::int64_t caseId, std::int64_t sourceId) {
  st_("INSERT OR IGNORE INTO case_sources(case_id, source_id) VALUES (?, ?)")
      .bind(1, caseId)
      .bind(2, sourceId)
      .run();
}

void SourceRows::indexTurn(std::int64_t turnId, std::string_view text) {
  st_("INSERT INTO turn_fts(rowid, text) VALUES (?, ?)").bind(1, turnId).bind(2, text).run();
}

SourceTextReader::SourceTextReader(const sql::Db& db)
    : st_(db, "SELECT text FROM source_text WHERE source_id = ?") {}

std::string_view SourceTextReader::view(std::int64_t sourceId) {
  st_.reset();
  st_.bind(1, sourceId);
  return st_.step() ? st_.view("text") : std::string_view();
}

}  // namespace cmoc::store

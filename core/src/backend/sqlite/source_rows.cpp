#include "source_rows.h"

namespace cmoc::store {

sql::Stmt& SourceRows::prepared(std::optional<sql::Stmt>& slot, const char* sql) {
  if (!slot) slot.emplace(db_, sql);
  return *slot;
}

std::optional<std::int64_t> SourceRows::idOfGuid(const std::string& guid) {
  sql::Stmt& st = prepared(byGuid_, "SELECT id FROM sources WHERE guid = ?");
  st.bind(1, guid);
  std::optional<std::int64_t> id;
  if (st.step()) id = st.i64("id");
  st.reset();
  return id;
}

std::optional<SourceNamed> SourceRows::withContentHash(const std::string& hash) {
  sql::Stmt& st = prepared(byHash_, "SELECT id, name FROM sources WHERE content_hash = ?");
  st.bind(1, hash);
  std::optional<SourceNamed> found;
  if (st.step()) found = SourceNamed{st.i64("id"), st.str("name")};
  st.reset();
  return found;
}

std::int64_t SourceRows::insert(const SourceRow& r, std::string_view text) {
  sql::Stmt& src = prepared(source_, R"(
    INSERT INTO sources(guid, name, format, content_hash, char_count, memo, imported_at,
                        modified_at)
    VALUES (?, ?, ?, ?, ?, nullif(?, ''), ?, ?))");
  src.bind(1, r.guid).bind(2, r.name).bind(3, r.format).bind(4, r.contentHash);
  src.bind(5, r.charCount).bind(6, r.memo).bind(7, r.importedAt).bind(8, r.modifiedAt).run();
  const std::int64_t id = db_.lastInsertId();
  prepared(text_, "INSERT INTO source_text(source_id, text) VALUES (?, ?)")
      .bind(1, id)
      .bind(2, text)
      .run();
  return id;
}

std::int64_t SourceRows::insertSpeaker(const std::string& guid, std::int64_t sourceId,
                                       const std::string& label, bool isInterviewer) {
  prepared(speaker_,
           "INSERT INTO speakers(guid, source_id, label, is_interviewer) VALUES (?, ?, ?, ?)")
      .bind(1, guid)
      .bind(2, sourceId)
      .bind(3, label)
      .bind(4, isInterviewer ? 1 : 0)
      .run();
  return db_.lastInsertId();
}

std::int64_t SourceRows::insertTurn(const TurnRow& t) {
  sql::Stmt& st = prepared(turn_, R"(
    INSERT INTO turns(source_id, seq, speaker_id, start, end, start_ms, end_ms, start_byte,
                      end_byte)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))");
  st.bind(1, t.sourceId).bind(2, t.seq).bind(3, t.speakerId).bind(4, t.start).bind(5, t.end);
  st.bind(6, t.startMs).bind(7, t.endMs).bind(8, t.startByte).bind(9, t.endByte).run();
  return db_.lastInsertId();
}

void SourceRows::indexTurn(std::int64_t turnId, std::string_view text) {
  prepared(index_, "INSERT INTO turn_fts(rowid, text) VALUES (?, ?)")
      .bind(1, turnId)
      .bind(2, text)
      .run();
}

}  // namespace cmoc::store

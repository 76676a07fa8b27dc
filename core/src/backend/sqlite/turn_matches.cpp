#include "turn_matches.h"

#include <cstring>

namespace cmoc::store {

void TurnMatches::each(const std::string& ftsQuery, std::int64_t limit,
                       const std::function<bool(TurnMatch&&)>& f) {
  // CROSS JOIN keeps FTS5 the outer loop, walking row ids in order, so no sort is needed and
  // stepping stops at the limit.
  sql::Stmt& st = st_(R"(
      SELECT t.id, t.source_id, s.name AS source_name, ifnull(k.label, '') AS speaker,
             ifnull(p.code, '') AS participant, t.start, t.end,
             cmoc_instances(turn_fts) AS instances, t.start_byte, t.end_byte
      FROM turn_fts CROSS JOIN turns t ON t.id = turn_fts.rowid
        CROSS JOIN sources s ON s.id = t.source_id
        LEFT JOIN speakers k ON k.id = t.speaker_id
        LEFT JOIN participants p ON p.id = k.participant_id
      WHERE turn_fts MATCH ?1 ORDER BY turn_fts.rowid LIMIT ?2)");
  st.bind(1, ftsQuery).bind(2, limit);
  Resetting resetting(st);
  while (st.step()) {
    TurnMatch m;
    m.turnId = st.i64("id");
    m.sourceId = st.i64("source_id");
    m.sourceName = st.str("source_name");
    m.speaker = st.str("speaker");
    m.participant = st.str("participant");
    m.start = st.i64("start");
    m.end = st.i64("end");
    m.startByte = st.optI64("start_byte");
    m.endByte = st.optI64("end_byte");
    const std::string_view blob = st.view("instances");
    for (std::size_t k = 0; k + 2 * sizeof(std::int32_t) <= blob.size();
         k += 2 * sizeof(std::int32_t)) {
      std::int32_t pair[2];
      std::memcpy(pair, blob.data() + k, sizeof pair);
      m.tokens.emplace_back(pair[0], pair[1]);
    }
    if (!f(std::move(m))) return;
  }
}

}  // namespace cmoc::store

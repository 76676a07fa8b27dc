#include "autocode_query.h"

namespace cmoc::store {

void AutocodeQueries::eachCandidate(const CandidateFilter& filter,
                                    const std::function<void(const CandidateTurn&)>& f) {
  std::string sql =
      "SELECT t.id, t.source_id, t.speaker_id, t.start, t.end, s.name AS source_name, "
      "ifnull(k.label, '') AS speaker, ifnull(pa.code, '') AS participant FROM ";
  // CROSS JOIN keeps the search index the outer loop.
  sql += filter.ftsQuery ? "turn_fts CROSS JOIN turns t ON t.id = turn_fts.rowid " : "turns t ";
  sql +=
      "CROSS JOIN sources s ON s.id = t.source_id LEFT JOIN speakers k ON k.id = t.speaker_id "
      "LEFT JOIN participants pa ON pa.id = k.participant_id WHERE t.end > t.start";
  if (filter.ftsQuery) sql += " AND turn_fts MATCH ?";
  if (!filter.sourceIds.empty()) {
    sql += " AND t.source_id IN (";
    for (std::size_t i = 0; i < filter.sourceIds.size(); ++i) sql += i ? ", ?" : "?";
    sql += ")";
  }
  sql += " ORDER BY t.source_id, t.seq";
  // Prepared afresh: its SQL differs with the number of sources.
  sql::Stmt st(db_, sql);
  int param = 1;
  if (filter.ftsQuery) st.bind(param++, *filter.ftsQuery);
  for (std::int64_t id : filter.sourceIds) st.bind(param++, id);
  eachRow(
      st,
      [](const sql::Stmt& s) {
        return CandidateTurn{s.i64("id"),      s.i64("source_id"),     s.i64("start"),
                             s.i64("end"),     s.optI64("speaker_id"), s.str("source_name"),
                             s.str("speaker"), s.str("participant")};
      },
      f);
}

void AutocodeQueries::eachSpeaker(const std::function<void(const SpeakerNames&)>& f) {
  eachRow(
      st_("SELECT k.id, k.label, ifnull(p.code, '') AS code FROM speakers k "
          "LEFT JOIN participants p ON p.id = k.participant_id"),
      [](const sql::Stmt& s) {
        return SpeakerNames{s.i64("id"), s.str("label"), s.str("code")};
      },
      f);
}

}  // namespace cmoc::store

#include "source_views.h"

namespace cmoc::store {

namespace {

constexpr const char* kSummaries = R"(
  SELECT s.id, s.guid, s.name, s.format, s.imported_at, s.char_count,
    (SELECT count(*) FROM turns t WHERE t.source_id = s.id) AS turns,
    (SELECT count(*) FROM speakers k WHERE k.source_id = s.id) AS speakers,
    (SELECT count(*) FROM codings c WHERE c.source_id = s.id) AS codings,
    ifnull((SELECT group_concat(code, ', ') FROM (
       SELECT p.code AS code, min(t.seq) AS first FROM turns t
       JOIN speakers k ON k.id = t.speaker_id JOIN participants p ON p.id = k.participant_id
       WHERE t.source_id = s.id AND k.is_interviewer = 0 GROUP BY p.id ORDER BY first)), '')
      AS participants
  FROM sources s)";

SourceSummary readSummary(const sql::Stmt& st) {
  SourceSummary s;
  s.id = st.i64("id");
  s.guid = st.str("guid");
  s.name = st.str("name");
  s.format = st.str("format");
  s.importedAt = st.str("imported_at");
  s.chars = st.i64("char_count");
  s.turns = st.i64("turns");
  s.speakers = st.i64("speakers");
  s.codings = st.i64("codings");
  s.participants = st.str("participants");
  return s;
}

TurnView readTurn(const sql::Stmt& st) {
  TurnView v;
  v.id = st.i64("id");
  v.seq = st.i64("seq");
  v.speaker = st.str("label");
  v.participant = st.str("code");
  v.interviewer = st.i64("is_interviewer") != 0;
  v.start = st.i64("start");
  v.end = st.i64("end");
  v.startMs = st.optI64("start_ms");
  v.endMs = st.optI64("end_ms");
  return v;
}

}  // namespace

void SourceViews::eachSummary(std::optional<std::int64_t> only,
                              const std::function<void(const SourceSummary&)>& f) {
  if (only)
    eachRow(st_(std::string(kSummaries) + " WHERE s.id = ?").bind(1, *only), readSummary, f);
  else
    eachRow(st_(std::string(kSummaries) + " ORDER BY s.name, s.id"), readSummary, f);
}

void SourceViews::eachTurn(std::int64_t sourceId, const std::function<void(const TurnView&)>& f) {
  eachRow(st_(R"(
    SELECT t.id, t.seq, ifnull(k.label, '') AS label, ifnull(p.code, '') AS code,
           ifnull(k.is_interviewer, 0) AS is_interviewer, t.start, t.end, t.start_ms, t.end_ms
    FROM turns t LEFT JOIN speakers k ON k.id = t.speaker_id
    LEFT JOIN participants p ON p.id = k.participant_id
    WHERE t.source_id = ? ORDER BY t.seq)")
              .bind(1, sourceId),
          readTurn, f);
}

}  // namespace cmoc::store

#include "autocode_scan.h"

#include <set>

#include "cmoc/error.h"
#include "cmoc/progress.h"
#include "cmoc/text.h"
#include "codebook/code_index.h"
#include "coding/coding_rows.h"

namespace cmoc::store {

namespace {

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

// Speaker ids whose label (any case or accents, as the participants sheet matches them) or
// participant code is `who`.
std::unordered_set<std::int64_t> speakersNamed(const sql::Db& db, const std::string& who) {
  const std::string key = text::fold(trimmed(who));
  std::unordered_set<std::int64_t> ids;
  sql::Stmt st(db,
               "SELECT k.id, k.label, ifnull(p.code, '') FROM speakers k "
               "LEFT JOIN participants p ON p.id = k.participant_id");
  while (st.step())
    if (text::fold(trimmed(st.view(1))) == key || text::fold(st.view(2)) == key)
      ids.insert(st.i64(0));
  if (ids.empty()) {
    sql::Stmt p(db, "SELECT 1 FROM participants WHERE code = ?");
    p.bind(1, trimmed(who));
    if (!p.step()) throw NotFound("no speaker or participant named '" + who + "'");
  }
  return ids;
}

}  // namespace

AutocodePlan planAutocode(const sql::Db& db, const AutocodeSpec& spec) {
  AutocodePlan p;
  p.scope = spec.scope;
  switch (spec.kind) {
    case PatternKind::Word:
    case PatternKind::Phrase:
      p.words.emplace(spec.pattern, spec.kind == PatternKind::Phrase);
      break;
    case PatternKind::Regex:
      p.regex.emplace(spec.pattern);
      break;
    case PatternKind::Speaker:
      if (!spec.speaker || trimmed(*spec.speaker).empty())
        throw UsageError("auto-coding by speaker needs the speaker: a label or a participant code");
      p.scope = AutocodeScope::Turn;
      break;
  }
  const CodeIndex index(db);
  p.codeId = index.require(spec.code);
  p.codeName = index.entry(p.codeId).name;
  sql::Stmt guid(db, "SELECT guid FROM codes WHERE id = ?");
  guid.bind(1, p.codeId);
  if (guid.step()) p.codeGuid = guid.str(0);
  std::set<std::int64_t> sources;
  for (const std::string& s : spec.sources) sources.insert(resolveSource(db, s));
  p.sources.assign(sources.begin(), sources.end());
  if (spec.speaker) p.speakers = speakersNamed(db, *spec.speaker);
  return p;
}

void scanTurns(const sql::Db& db, AutocodePlan& p,
               const std::function<void(const TurnHits&)>& visit, Progress* progress) {
  std::string sql =
      "SELECT t.id, t.source_id, t.speaker_id, t.start, t.end, s.name, ifnull(k.label, ''), "
      "ifnull(pa.code, '') FROM ";
  // CROSS JOIN keeps the search index the outer loop.
  sql += p.words ? "turn_fts CROSS JOIN turns t ON t.id = turn_fts.rowid " : "turns t ";
  sql +=
      "CROSS JOIN sources s ON s.id = t.source_id LEFT JOIN speakers k ON k.id = t.speaker_id "
      "LEFT JOIN participants pa ON pa.id = k.participant_id WHERE t.end > t.start";
  if (p.words) sql += " AND turn_fts MATCH ?";
  if (!p.sources.empty()) {
    sql += " AND t.source_id IN (";
    for (std::size_t i = 0; i < p.sources.size(); ++i) sql += i ? ", ?" : "?";
    sql += ")";
  }
  sql += " ORDER BY t.source_id, t.seq";
  sql::Stmt st(db, sql);
  int param = 1;
  if (p.words) st.bind(param++, p.words->ftsQuery());
  for (std::int64_t id : p.sources) st.bind(param++, id);

  // Sources are the steps: a scan of a large project (or of one huge source with millions of
  // hits) reports which source it is in, so a long dry run is not silent.
  std::size_t sourcesDone = 0, sourcesTotal = p.sources.size();
  if (progress && sourcesTotal == 0) {
    sql::Stmt count(db, "SELECT count(*) FROM sources");
    if (count.step()) sourcesTotal = static_cast<std::size_t>(count.i64(0));
  }
  sql::Stmt textOf(db, "SELECT text FROM source_text WHERE source_id = ?");
  // The text is read in place: valid until textOf moves on to the next source.
  std::string_view text;
  CodePointCursor cursor;
  std::int64_t loaded = -1;
  while (st.step()) {
    if (p.speakers && (st.isNull(2) || !p.speakers->count(st.i64(2)))) continue;
    TurnRow row{st.i64(0), st.i64(1), st.i64(3), st.i64(4), st.str(5), st.str(6), st.str(7)};
    if (row.sourceId != loaded) {
      textOf.reset();
      textOf.bind(1, row.sourceId);
      text = textOf.step() ? textOf.view(0) : std::string_view();
      cursor = CodePointCursor(text);
      loaded = row.sourceId;
      if (progress) progress->update(sourcesDone++, sourcesTotal, row.sourceName);
    }
    const std::size_t b = cursor.byteOf(row.start), e = cursor.byteOf(row.end);
    const std::string_view turn = text.substr(b, e - b);
    std::vector<autocode::ByteSpan> matches;
    if (p.words)
      matches = p.words->find(turn);
    else if (p.regex)
      matches = p.regex->find(turn);
    else
      matches.push_back({0, turn.size()});
    if (matches.empty()) continue;
    const autocode::ScopedMatches scoped = autocode::widen(turn, matches, p.scope);
    if (scoped.matches.empty()) continue;
    visit(TurnHits{row, text, cursor, b, scoped});
  }
  if (progress) progress->update(sourcesTotal, sourcesTotal, "");
}

}  // namespace cmoc::store

#include "autocode_scan.h"

#include <set>

#include "backend/sqlite/code_rows.h"
#include "backend/sqlite/participant_rows.h"
#include "backend/sqlite/source_rows.h"
#include "cmoc/error.h"
#include "cmoc/progress.h"
#include "cmoc/text.h"
#include "codebook/code_index.h"
#include "coding/coding_shared.h"

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
  AutocodeQueries(db).eachSpeaker([&](const SpeakerNames& s) {
    if (text::fold(trimmed(s.label)) == key || text::fold(s.participantCode) == key)
      ids.insert(s.id);
  });
  if (ids.empty() && !ParticipantRows(db).idOfCode(trimmed(who)))
    throw NotFound("no speaker or participant named '" + who + "'");
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
  p.codeGuid = CodeRows(db).guidOf(p.codeId);
  std::set<std::int64_t> sources;
  for (const std::string& s : spec.sources) sources.insert(resolveSource(db, s));
  p.sources.assign(sources.begin(), sources.end());
  if (spec.speaker) p.speakers = speakersNamed(db, *spec.speaker);
  return p;
}

void scanTurns(const sql::Db& db, AutocodePlan& p,
               const std::function<void(const TurnHits&)>& visit, Progress* progress) {
  CandidateFilter filter;
  if (p.words) filter.ftsQuery = p.words->ftsQuery();
  filter.sourceIds = p.sources;

  // Sources are the steps: a scan of a large project (or of one huge source with millions of
  // hits) reports which source it is in, so a long dry run is not silent.
  std::size_t sourcesDone = 0, sourcesTotal = p.sources.size();
  if (progress && sourcesTotal == 0)
    sourcesTotal = static_cast<std::size_t>(SourceRows(db).count());
  // The text is read in place: valid until the reader moves on to the next source.
  SourceTextReader texts(db);
  std::string_view text;
  CodePointCursor cursor;
  std::int64_t loaded = -1;
  AutocodeQueries(db).eachCandidate(filter, [&](const CandidateTurn& row) {
    if (p.speakers && (!row.speakerId || !p.speakers->count(*row.speakerId))) return;
    if (row.sourceId != loaded) {
      text = texts.view(row.sourceId);
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
    if (matches.empty()) return;
    const autocode::ScopedMatches scoped = autocode::widen(turn, matches, p.scope);
    if (scoped.matches.empty()) return;
    visit(TurnHits{row, text, cursor, b, scoped});
  });
  if (progress) progress->update(sourcesTotal, sourcesTotal, "");
}

}  // namespace cmoc::store

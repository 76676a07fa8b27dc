// Sources, their text, speakers and turns; mapping speakers to participants.
#include <algorithm>
#include <map>

#include "backend/sqlite/project_impl.h"
#include "backend/sqlite/source_rows.h"
#include "backend/sqlite/source_views.h"
#include "cmoc/error.h"
#include "cmoc/text.h"
#include "coding/coding_shared.h"
#include "content_hash.h"
#include "participants/participants.h"
#include "source_pages.h"

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
  rows.auditImport(sourceId, now);
  tx.commit();
  return result;
}

std::vector<int> Project::applyParticipants(const ParticipantSheet& sheet) {
  sql::Db& db = impl_->db;
  sql::Transaction tx(db);
  std::vector<std::pair<std::int64_t, std::string>> all;  // gathered first: mapping writes
  store::SourceRows(db).each([&](const store::SourceRow& s) { all.emplace_back(s.id, s.name); });
  std::vector<bool> used(sheet.rows.size(), false);
  for (const auto& [id, name] : all) store::mapSpeakers(db, id, name, sheet, &used);
  tx.commit();
  std::vector<int> unmatched;
  for (std::size_t i = 0; i < used.size(); ++i)
    if (!used[i]) unmatched.push_back(sheet.rows[i].line);
  return unmatched;
}

std::vector<SourceSummary> Project::sources() const {
  std::vector<SourceSummary> out;
  store::SourceViews(impl_->db).eachSummary(std::nullopt,
                                            [&](const SourceSummary& s) { out.push_back(s); });
  return out;
}

SourceSummary Project::source(std::string_view idOrName) const {
  std::optional<SourceSummary> out;
  store::SourceViews(impl_->db).eachSummary(store::resolveSource(impl_->db, idOrName),
                                            [&](const SourceSummary& s) { out = s; });
  return *out;  // resolveSource found it
}

std::string Project::sourceText(std::int64_t sourceId) const {
  std::optional<std::string> text = store::SourceRows(impl_->db).textIfAny(sourceId);
  if (!text) throw NotFound("no source with id " + std::to_string(sourceId));
  return std::move(*text);
}

std::vector<TurnView> Project::turns(std::int64_t sourceId) const {
  std::vector<TurnView> out;
  store::SourceViews(impl_->db).eachTurn(sourceId, [&](const TurnView& v) { out.push_back(v); });
  return out;
}

}  // namespace cmoc

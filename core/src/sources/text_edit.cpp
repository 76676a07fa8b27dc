// editText: checking an edit, then applying it with its re-anchoring in one Action.
#include "cmoc/text_edit.h"

#include <unordered_map>

#include "backend/sqlite/source_rows.h"
#include "backend/sqlite/turn_bytes.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "codebook/code_index.h"
#include "codebook/codebook_rows.h"
#include "coding/coding_shared.h"
#include "content_hash.h"
#include "reanchor.h"

namespace cmoc {

namespace {

std::string range(std::int64_t start, std::int64_t end) {
  return "[" + std::to_string(start) + ", " + std::to_string(end) + ")";
}

// Refuses a range edge inside a grapheme cluster: the edit would leave half a character.
void requireClusterEdge(std::string_view text, std::int64_t at) {
  const auto [before, after] = text::snapToGraphemes(text, at, at);
  if (before == at && after == at) return;
  throw UsageError("position " + std::to_string(at) +
                   " is inside a character (a letter with its accent, or an emoji with its "
                   "modifiers): use " +
                   std::to_string(before) + " or " + std::to_string(after));
}

bool isClusterEdge(std::string_view text, std::int64_t at) {
  const auto [before, after] = text::snapToGraphemes(text, at, at);
  return before == at && after == at;
}

struct EditedSource {
  std::int64_t id = 0;
  std::string name, guid, text;
};

EditedSource loadSource(const sql::Db& db, std::string_view source) {
  EditedSource s;
  s.id = store::resolveSource(db, source);
  store::SourceRows rows(db);
  const std::optional<store::SourceRow> row = rows.byId(s.id);
  std::optional<std::string> text = rows.textIfAny(s.id);
  if (!row || !text) throw NotFound("no source with id " + std::to_string(s.id));
  s.name = row->name;
  s.guid = row->guid;
  s.text = std::move(*text);
  return s;
}

// The edit: where it falls in the text's bytes and what it replaces.
struct ByteEdit {
  std::size_t from = 0, to = 0;
  std::string oldText;
};

// Checks the edit against the current text and applies it in place: the text of a large
// source is held once (a copy per step made edit-text of a 50 MB source take 600 MB).
ByteEdit editInPlace(std::string& text, const std::string& name, std::int64_t start,
                     std::int64_t end, const std::string& replacement) {
  const std::int64_t length = text::codePointCount(text);
  if (start < 0 || end > length || start > length || end < 0)
    throw UsageError("range " + range(start, end) + " lies outside " + name + " (0 to " +
                     std::to_string(length) + ")");
  if (end < start)
    throw UsageError("range " + range(start, end) + " is inverted: its end is before its start");
  requireClusterEdge(text, start);
  requireClusterEdge(text, end);
  ByteEdit e;
  {
    const text::TextIndex index(text);
    e.from = static_cast<std::size_t>(index.byteOfCodePoint(start));
    e.to = static_cast<std::size_t>(index.byteOfCodePoint(end));
  }
  e.oldText = text.substr(e.from, e.to - e.from);
  if (e.oldText == replacement)
    throw UsageError("nothing to change: " + range(start, end) + " of " + name +
                     (e.oldText.empty() ? " is empty and so is the new text"
                                        : " already reads '" + e.oldText + "'"));
  const bool wasNfc = text::isNormalized(text);
  text.replace(e.from, e.to - e.from, replacement);
  // Stored text stays NFC with whole characters: new text that starts with a combining accent,
  // or ends with a joiner, would merge with its neighbours and shift what a position means.
  const std::int64_t newEnd = start + text::codePointCount(replacement);
  if (!isClusterEdge(text, start) || !isClusterEdge(text, newEnd) ||
      (wasNfc && !text::isNormalized(text)))
    throw UsageError("the new text would fuse with the character before or after " +
                     range(start, end) +
                     " into one character; include that character in the range");
  return e;
}

std::string withReason(const CodingRecord& r, const char* reason) {
  std::string detail = store::codingAuditJson(r);
  detail.pop_back();
  return detail + ", \"reason\": \"" + reason + "\"}";
}

void moveTurns(sql::Db& db, std::int64_t sourceId, const TextEdit& edit, TextEditResult& result) {
  store::SourceRows rows(db);
  const std::vector<store::TurnPlace> turns = rows.turnPlacesOf(sourceId);
  // How many turns end at each position, so each turn asks in constant time whether another
  // ends where it starts (asking every other turn made 200,000 turns take minutes).
  std::unordered_map<std::int64_t, int> endingAt;
  for (const store::TurnPlace& t : turns) ++endingAt[t.end];
  for (const store::TurnPlace& t : turns) {
    const Span span{t.start, t.end};
    const bool anotherEndsHere = endingAt[span.start] > (span.end == span.start ? 1 : 0);
    const Span moved = reanchorTurn(span, edit, !anotherEndsHere);
    if (moved == span) continue;
    rows.setTurnPlace({t.id, moved.start, moved.end});
    ++result.turnsChanged;
  }
}

void moveCodings(store::Action& action, std::int64_t sourceId, const TextEdit& edit,
                 TextEditResult& result) {
  sql::Db& db = action.db();
  const store::CodeIndex index(db);
  std::vector<CodingRecord> codings;
  // One source: its codings by start, end and id.
  store::CodingQueries(db).each(
      {.sourceIds = {sourceId}}, store::CodingOrder::BySourceName,
      [&](const store::CodingListRow& row) { codings.push_back(store::toRecord(row, index)); });
  const std::string now = nowUtc();
  store::CodingRows rows(db);
  for (const CodingRecord& c : codings) {
    const Span before{c.start, c.end};
    const std::optional<Span> after = reanchorSpan(before, edit);
    if (after == before) {
      ++result.unchangedCodings;
      continue;
    }
    MovedCoding m;
    m.before = c;
    if (!after) {
      m.change = MovedCoding::Change::Removed;
      rows.remove(c.id);
      action.audit("delete-coding", "coding", c.guid, withReason(c, "text edited"));
    } else {
      m.start = after->start;
      m.end = after->end;
      if (after->end - after->start == before.end - before.start) {
        m.change = MovedCoding::Change::Shifted;
        rows.shift(c.id, m.start, m.end);
      } else {
        m.change = MovedCoding::Change::Resized;
        rows.setSpan(c.id, m.start, m.end, now);
      }
    }
    result.codings.push_back(std::move(m));
  }
}

}  // namespace

TextEditResult editText(Project& project, std::string_view source, std::int64_t start,
                        std::int64_t end, std::string_view newText) {
  sql::Db& db = project.impl().db;
  EditedSource src = loadSource(db, source);
  if (auto bad = text::firstInvalidUtf8(newText))
    throw UsageError("the new text is not valid UTF-8 (byte " + std::to_string(*bad) + ")");
  TextEditResult result;
  result.sourceId = src.id;
  result.sourceName = src.name;
  result.start = start;
  result.end = end;
  result.newText = text::normalize(newText);
  std::string& text = src.text;  // edited in place below
  ByteEdit bytes = editInPlace(text, src.name, start, end, result.newText);
  result.oldText = bytes.oldText;
  const std::string hash = store::contentHash(text);
  // The source itself still holds its old text's hash, which differs from the new one.
  if (const auto twin = store::SourceRows(db).withContentHash(hash))
    throw UsageError("after this edit " + src.name + " would be identical to " + twin->name);
  const TextEdit edit{start, end, text::codePointCount(result.newText)};

  store::Action action(project.impl(), "edit text of " + src.name);
  // The index deletes by the text it indexed, so the turns the edit touches leave it first.
  const auto touchedTurns = store::unindexTurnsAround(db, src.id, start, end);
  action.replaceSourceText(src.id, static_cast<std::int64_t>(bytes.from), std::move(bytes.oldText),
                           result.newText, text);
  store::SourceRows(db).setTextFacts(src.id, text::codePointCount(text), hash, nowUtc());
  moveTurns(db, src.id, edit, result);
  store::fillTurnBytes(db, src.id, text);  // every turn after the edit moved in bytes
  moveCodings(action, src.id, edit, result);
  if (touchedTurns)
    store::reindexTurns(db, src.id, *touchedTurns);
  else
    store::reindexSources(db, {src.id});
  action.audit("edit-text", "source", src.guid,
               "{\"source\": " + jsonString(src.name) + ", \"start\": " + std::to_string(start) +
                   ", \"end\": " + std::to_string(end) + ", \"old\": " +
                   jsonString(result.oldText) + ", \"new\": " + jsonString(result.newText) + "}");
  action.commit();
  return result;
}

}  // namespace cmoc

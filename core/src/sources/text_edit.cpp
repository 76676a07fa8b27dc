// editText: checking an edit, then applying it with its re-anchoring in one Action.
#include "cmoc/text_edit.h"

#include <unordered_map>

#include "reanchor.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "codebook/code_index.h"
#include "codebook/codebook_rows.h"
#include "coding/coding_rows.h"
#include "content_hash.h"
#include "backend/sqlite/turn_bytes.h"

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
                   "modifiers): use " + std::to_string(before) + " or " + std::to_string(after));
}

bool isClusterEdge(std::string_view text, std::int64_t at) {
  const auto [before, after] = text::snapToGraphemes(text, at, at);
  return before == at && after == at;
}

struct SourceRow {
  std::int64_t id = 0;
  std::string name, guid, text;
};

SourceRow loadSource(const sql::Db& db, std::string_view source) {
  SourceRow s;
  s.id = store::resolveSource(db, source);
  sql::Stmt st(db,
               "SELECT s.name, s.guid, t.text FROM sources s JOIN source_text t ON t.source_id = s.id "
               "WHERE s.id = ?");
  st.bind(1, s.id);
  if (!st.step()) throw NotFound("no source with id " + std::to_string(s.id));
  s.name = st.str(0);
  s.guid = st.str(1);
  s.text = st.str(2);
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
                     range(start, end) + " into one character; include that character in the range");
  return e;
}

std::string withReason(const CodingRecord& r, const char* reason) {
  std::string detail = store::codingAuditJson(r);
  detail.pop_back();
  return detail + ", \"reason\": \"" + reason + "\"}";
}

void moveTurns(sql::Db& db, std::int64_t sourceId, const TextEdit& edit, TextEditResult& result) {
  std::vector<std::pair<std::int64_t, Span>> turns;
  {
    sql::Stmt st(db, "SELECT id, start, end FROM turns WHERE source_id = ? ORDER BY seq");
    st.bind(1, sourceId);
    while (st.step()) turns.push_back({st.i64(0), Span{st.i64(1), st.i64(2)}});
  }
  // How many turns end at each position, so each turn asks in constant time whether another
  // ends where it starts (asking every other turn made 200,000 turns take minutes).
  std::unordered_map<std::int64_t, int> endingAt;
  for (const auto& [id, span] : turns) ++endingAt[span.end];
  sql::Stmt update(db, "UPDATE turns SET start = ?, end = ? WHERE id = ?");
  for (const auto& [id, span] : turns) {
    const bool anotherEndsHere = endingAt[span.start] > (span.end == span.start ? 1 : 0);
    const Span moved = reanchorTurn(span, edit, !anotherEndsHere);
    if (moved == span) continue;
    update.bind(1, moved.start).bind(2, moved.end).bind(3, id).run();
    ++result.turnsChanged;
  }
}

void moveCodings(store::Action& action, std::int64_t sourceId, const TextEdit& edit,
                 TextEditResult& result) {
  sql::Db& db = action.db();
  const store::CodeIndex index(db);
  std::vector<CodingRecord> codings;
  {
    sql::Stmt st(db, std::string("SELECT ") + store::kCodingColumns + store::kCodingJoins +
                         " WHERE c.source_id = ? ORDER BY c.start, c.end, c.id");
    st.bind(1, sourceId);
    while (st.step()) codings.push_back(store::readCoding(st, index));
  }
  const std::string now = nowUtc();
  sql::Stmt shift(db, "UPDATE codings SET start = ?, end = ? WHERE id = ?");
  sql::Stmt resize(db, "UPDATE codings SET start = ?, end = ?, modified_at = ? WHERE id = ?");
  sql::Stmt remove(db, "DELETE FROM codings WHERE id = ?");
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
      remove.bind(1, c.id).run();
      action.audit("delete-coding", "coding", c.guid, withReason(c, "text edited"));
    } else {
      m.start = after->start;
      m.end = after->end;
      if (after->end - after->start == before.end - before.start) {
        m.change = MovedCoding::Change::Shifted;
        shift.bind(1, m.start).bind(2, m.end).bind(3, c.id).run();
      } else {
        m.change = MovedCoding::Change::Resized;
        resize.bind(1, m.start).bind(2, m.end).bind(3, now).bind(4, c.id).run();
      }
    }
    result.codings.push_back(std::move(m));
  }
}

}  // namespace

TextEditResult editText(Project& project, std::string_view source, std::int64_t start,
                        std::int64_t end, std::string_view newText) {
  sql::Db& db = project.impl().db;
  SourceRow src = loadSource(db, source);
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
  {
    sql::Stmt twin(db, "SELECT name FROM sources WHERE content_hash = ? AND id <> ?");
    twin.bind(1, hash).bind(2, src.id);
    if (twin.step())
      throw UsageError("after this edit " + src.name + " would be identical to " + twin.str(0));
  }
  const TextEdit edit{start, end, text::codePointCount(result.newText)};

  store::Action action(project.impl(), "edit text of " + src.name);
  // The index deletes by the text it indexed, so the turns the edit touches leave it first.
  const auto touchedTurns = store::unindexTurnsAround(db, src.id, start, end);
  action.replaceSourceText(src.id, static_cast<std::int64_t>(bytes.from), std::move(bytes.oldText),
                           result.newText, text);
  sql::Stmt setSource(db, "UPDATE sources SET char_count = ?, content_hash = ?, modified_at = ? WHERE id = ?");
  setSource.bind(1, text::codePointCount(text)).bind(2, hash).bind(3, nowUtc()).bind(4, src.id).run();
  moveTurns(db, src.id, edit, result);
  store::fillTurnBytes(db, src.id, text);  // every turn after the edit moved in bytes
  moveCodings(action, src.id, edit, result);
  if (touchedTurns)
    store::reindexTurns(db, src.id, *touchedTurns);
  else
    store::reindexSources(db, {src.id});
  action.audit("edit-text", "source", src.guid,
               "{\"source\": " + jsonString(src.name) + ", \"start\": " + std::to_string(start) +
                   ", \"end\": " + std::to_string(end) + ", \"old\": " + jsonString(result.oldText) +
                   ", \"new\": " + jsonString(result.newText) + "}");
  action.commit();
  return result;
}

}  // namespace cmoc

#include "action.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <string_view>

#include "cmoc/error.h"
#include "text/codepoint_cursor.h"
#include "turn_bytes.h"

namespace cmoc::store {

// Derived or append-only tables are not undone: the audit log and history keep every entry,
// and the search index is rebuilt from the text. SQLite asks on each change to a table the
// session has not attached yet, so a text edit's patch can keep source_text out.
int Action::trackTable(void* self, const char* table) {
  for (const char* skip : {"audit", "history", "history_text", "project_meta"})
    if (std::strcmp(table, skip) == 0) return 0;
  if (std::strncmp(table, "turn_fts", 8) == 0) return 0;
  auto* action = static_cast<Action*>(self);
  if (std::strcmp(table, "source_text") == 0) {
    if (action->sourceTextPatched_) return 0;
    action->sourceTextTracked_ = true;
  }
  return 1;
}

Action::Action(Project::Impl& project, std::string label)
    : project_(project), label_(std::move(label)), tx_(project.db) {
  if (sqlite3session_create(project_.db.handle(), "main", &session_) != SQLITE_OK)
    project_.db.fail("cannot record the change for undo");
  sqlite3session_table_filter(session_, trackTable, this);
  sqlite3session_attach(session_, nullptr);
}

Action::~Action() {
  if (session_) sqlite3session_delete(session_);
}

void Action::audit(const std::string& action, const std::string& entityKind,
                   const std::string& guid, const std::string& detailJson) {
  if (!audit_)
    audit_.emplace(project_.db,
                   "INSERT INTO audit(at, coder, action, entity_kind, entity_guid, detail) "
                   "VALUES (?, ?, ?, ?, ?, json(?))");
  sql::Stmt& st = *audit_;
  st.bind(1, nowUtc()).bind(2, project_.coder).bind(3, action).bind(4, entityKind);
  st.bind(5, guid).bind(6, detailJson).run();
}

void Action::replaceSourceText(std::int64_t sourceId, std::int64_t byteStart, std::string oldBytes,
                               std::string newBytes, std::string_view text) {
  if (sourceTextTracked_)
    throw Error("internal: this change already recorded source text rows; cannot patch them");
  sourceTextPatched_ = true;
  sql::Stmt set(project_.db, "UPDATE source_text SET text = ? WHERE source_id = ?");
  set.bindNoCopy(1, text).bind(2, sourceId).run();
  patches_.push_back({sourceId, byteStart, std::move(oldBytes), std::move(newBytes)});
}

void Action::commit() {
  int size = 0;
  void* changes = nullptr;
  if (sqlite3session_changeset(session_, &size, &changes) != SQLITE_OK)
    project_.db.fail("cannot record the change for undo");
  sqlite3session_delete(session_);
  session_ = nullptr;
  if (size > 0 || !patches_.empty()) {
    // A new action ends the chance to redo what this coder undid before.
    sql::Stmt drop(project_.db, "DELETE FROM history WHERE coder = ? AND undone = 1");
    drop.bind(1, project_.coder).run();
    sql::Stmt st(project_.db,
                 "INSERT INTO history(at, coder, label, changeset) VALUES (?, ?, ?, ?)");
    st.bind(1, nowUtc()).bind(2, project_.coder).bind(3, label_);
    // A text edit alone has an empty changeset, which SQLite hands back as a null pointer.
    st.bindBlob(4, changes ? changes : "", size).run();
    const std::int64_t entry = project_.db.lastInsertId();
    sql::Stmt patch(project_.db,
                    "INSERT INTO history_text(history_id, seq, source_id, byte_start, old_text, "
                    "new_text) VALUES (?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < patches_.size(); ++i) {
      const TextPatch& p = patches_[i];
      patch.bind(1, entry).bind(2, static_cast<std::int64_t>(i)).bind(3, p.sourceId);
      patch.bind(4, p.byteStart).bind(5, p.oldBytes).bind(6, p.newBytes).run();
    }
  }
  sqlite3_free(changes);
  tx_.commit();
}

namespace {

// Writes each turn of the sources to the index with `write` (?1 the turn's id, ?2 its text).
// The turn_text view would slice every turn by code point from the start of its source's text,
// quadratic in a source's turns: editing a word of a 50 MB transcript of 200,000 turns ran for
// over 15 minutes. Here each text is read once and a cursor walks it turn by turn, from the
// code point ranges (the truth; byte ranges are derived and may be refilled later).
void writeTurnTexts(sql::Db& db, const std::vector<std::int64_t>& sourceIds, sql::Stmt& write) {
  sql::Stmt text(db, "SELECT text FROM source_text WHERE source_id = ?");
  sql::Stmt turns(db, "SELECT id, start, end FROM turns WHERE source_id = ? ORDER BY start");
  for (std::int64_t id : sourceIds) {
    text.bind(1, id);
    const std::string all = text.step() ? text.str(0) : std::string();
    text.reset();
    CodePointCursor cursor(all);
    turns.bind(1, id);
    while (turns.step()) {
      const std::size_t from = cursor.byteOf(turns.i64(1));
      const std::size_t to = std::max(from, cursor.byteOf(turns.i64(2)));
      write.bind(1, turns.i64(0)).bind(2, std::string_view(all).substr(from, to - from)).run();
    }
    turns.reset();
  }
}

}  // namespace

void unindexSources(sql::Db& db, const std::vector<std::int64_t>& sourceIds) {
  sql::Stmt st(db, "INSERT INTO turn_fts(turn_fts, rowid, text) VALUES ('delete', ?, ?)");
  writeTurnTexts(db, sourceIds, st);
}

void reindexSources(sql::Db& db, const std::vector<std::int64_t>& sourceIds) {
  sql::Stmt st(db, "INSERT INTO turn_fts(rowid, text) VALUES (?, ?)");
  writeTurnTexts(db, sourceIds, st);
}

std::optional<std::vector<std::int64_t>> unindexTurnsAround(sql::Db& db, std::int64_t sourceId,
                                                            std::int64_t start, std::int64_t end) {
  sql::Stmt around(db,
                   "SELECT id, start_byte, end_byte FROM turns WHERE source_id = ? AND start <= ? "
                   "AND end >= ?");
  around.bind(1, sourceId).bind(2, end).bind(3, start);
  struct Turn {
    std::int64_t id;
    std::optional<std::int64_t> from, to;
  };
  std::vector<Turn> turns;
  while (around.step())
    turns.push_back({around.i64("id"), around.optI64("start_byte"), around.optI64("end_byte")});
  for (const Turn& t : turns)
    if (!t.from || !t.to) {
      unindexSources(db, {sourceId});
      return std::nullopt;
    }
  std::vector<std::int64_t> ids;
  {
    SourceTextBytes text(db);
    sql::Stmt remove(db, "INSERT INTO turn_fts(turn_fts, rowid, text) VALUES ('delete', ?, ?)");
    for (const Turn& t : turns) {
      remove.bind(1, t.id).bind(2, text.read(sourceId, *t.from, *t.to)).run();
      ids.push_back(t.id);
    }
  }
  return ids;
}

void reindexTurns(sql::Db& db, std::int64_t sourceId, const std::vector<std::int64_t>& turnIds) {
  SourceTextBytes text(db);
  sql::Stmt bytes(db, "SELECT start_byte, end_byte FROM turns WHERE id = ?");
  sql::Stmt add(db, "INSERT INTO turn_fts(rowid, text) VALUES (?, ?)");
  for (std::int64_t id : turnIds) {
    bytes.bind(1, id);
    if (!bytes.step()) throw Error("turn " + std::to_string(id) + " vanished during a text edit");
    const std::int64_t from = bytes.i64("start_byte"), to = bytes.i64("end_byte");
    bytes.reset();
    add.bind(1, id).bind(2, text.read(sourceId, from, to)).run();
  }
}

}  // namespace cmoc::store

#include "action.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <string_view>

#include "cmoc/error.h"
#include "text/codepoint_cursor.h"

namespace cmoc::store {

namespace {
// Derived or append-only tables are not undone: the audit log and history keep every entry,
// and the search index is rebuilt from the text.
int recordTable(void*, const char* table) {
  for (const char* skip : {"audit", "history", "project_meta"})
    if (std::strcmp(table, skip) == 0) return 0;
  return std::strncmp(table, "turn_fts", 8) != 0;
}
}  // namespace

Action::Action(Project::Impl& project, std::string label)
    : project_(project), label_(std::move(label)), tx_(project.db) {
  if (sqlite3session_create(project_.db.handle(), "main", &session_) != SQLITE_OK)
    project_.db.fail("cannot record the change for undo");
  sqlite3session_table_filter(session_, recordTable, nullptr);
  sqlite3session_attach(session_, nullptr);
}

Action::~Action() {
  if (session_) sqlite3session_delete(session_);
}

void Action::audit(const std::string& action, const std::string& entityKind,
                   const std::string& guid, const std::string& detailJson) {
  sql::Stmt st(project_.db,
               "INSERT INTO audit(at, coder, action, entity_kind, entity_guid, detail) "
               "VALUES (?, ?, ?, ?, ?, json(?))");
  st.bind(1, nowUtc()).bind(2, project_.coder).bind(3, action).bind(4, entityKind);
  st.bind(5, guid).bind(6, detailJson).run();
}

void Action::commit() {
  int size = 0;
  void* changes = nullptr;
  if (sqlite3session_changeset(session_, &size, &changes) != SQLITE_OK)
    project_.db.fail("cannot record the change for undo");
  sqlite3session_delete(session_);
  session_ = nullptr;
  if (size > 0) {
    // A new action ends the chance to redo what this coder undid before.
    sql::Stmt drop(project_.db, "DELETE FROM history WHERE coder = ? AND undone = 1");
    drop.bind(1, project_.coder).run();
    sql::Stmt st(project_.db,
                 "INSERT INTO history(at, coder, label, changeset) VALUES (?, ?, ?, ?)");
    st.bind(1, nowUtc()).bind(2, project_.coder).bind(3, label_);
    st.bindBlob(4, changes, size).run();
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

}  // namespace cmoc::store

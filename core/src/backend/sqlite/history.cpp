// Undo and redo from the changesets Actions record; the audit log.
#include <sqlite3.h>

#include <algorithm>
#include <set>

#include "action.h"
#include "cmoc/error.h"

namespace cmoc {

namespace {

// The tables a changeset touches, so foreign keys can be checked on exactly those.
std::set<std::string> touchedTables(const std::string& changes) {
  std::set<std::string> tables;
  sqlite3_changeset_iter* it = nullptr;
  if (sqlite3changeset_start(&it, static_cast<int>(changes.size()),
                             const_cast<char*>(changes.data())) != SQLITE_OK)
    throw Error("corrupt undo history entry");
  while (sqlite3changeset_next(it) == SQLITE_ROW) {
    const char* table = nullptr;
    int columns = 0, op = 0, indirect = 0;
    sqlite3changeset_op(it, &table, &columns, &op, &indirect);
    tables.insert(table);
  }
  sqlite3changeset_finalize(it);
  return tables;
}

// A recorded changeset already holds every row its foreign-key actions changed (cascaded
// deletes, SET NULL), so replaying it with those actions live would apply them twice and
// conflict. Undo and redo therefore run with foreign keys off and then check the touched tables
// themselves. The pragma is a no-op inside a transaction, so this wraps the transaction.
class ForeignKeysOff {
 public:
  explicit ForeignKeysOff(sql::Db& db) : db_(db) { db_.exec("PRAGMA foreign_keys = OFF"); }
  ~ForeignKeysOff() {
    try {
      db_.exec("PRAGMA foreign_keys = ON");
    } catch (...) {  // a destructor must not throw; the next open turns them on again
    }
  }
  ForeignKeysOff(const ForeignKeysOff&) = delete;
  ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

 private:
  sql::Db& db_;
};

// Checks the touched tables and every table that points into one of them (a deleted parent
// leaves its children dangling without touching their table).
void checkForeignKeys(sql::Db& db, const std::set<std::string>& touched, const std::string& label,
                      const char* verb) {
  std::set<std::string> tables = touched;
  sql::Stmt refs(
      db,
      "SELECT m.name, f.\"table\" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f "
      "WHERE m.type = 'table'");
  while (refs.step())
    if (touched.count(refs.str(1))) tables.insert(refs.str(0));
  for (const std::string& t : tables) {
    sql::Stmt check(db, "SELECT 1 FROM pragma_foreign_key_check(?) LIMIT 1");
    check.bind(1, t);
    if (check.step())
      throw Error(std::string("cannot ") + verb + " '" + label + "': it would leave rows in " + t +
                  " pointing at data that no longer exists");
  }
}

// Sources whose text or turns the changeset touches, so their search index can be redone.
std::vector<std::int64_t> touchedSources(sql::Db& db, const std::string& changes) {
  std::set<std::int64_t> sources;
  sqlite3_changeset_iter* it = nullptr;
  if (sqlite3changeset_start(&it, static_cast<int>(changes.size()),
                             const_cast<char*>(changes.data())) != SQLITE_OK)
    throw Error("corrupt undo history entry");
  sql::Stmt turnSource(db, "SELECT source_id FROM turns WHERE id = ?");
  while (sqlite3changeset_next(it) == SQLITE_ROW) {
    const char* table = nullptr;
    int columns = 0, op = 0, indirect = 0;
    sqlite3changeset_op(it, &table, &columns, &op, &indirect);
    const std::string t = table;
    if (t != "source_text" && t != "turns") continue;
    sqlite3_value* pk = nullptr;
    if (op == SQLITE_INSERT)
      sqlite3changeset_new(it, 0, &pk);
    else
      sqlite3changeset_old(it, 0, &pk);
    const std::int64_t id = sqlite3_value_int64(pk);
    if (t == "source_text") {
      sources.insert(id);
    } else if (op == SQLITE_INSERT) {
      sqlite3_value* src = nullptr;
      sqlite3changeset_new(it, 1, &src);
      sources.insert(sqlite3_value_int64(src));
    } else {
      turnSource.bind(1, id);
      if (turnSource.step()) sources.insert(turnSource.i64(0));
      turnSource.reset();
    }
  }
  sqlite3changeset_finalize(it);
  return {sources.begin(), sources.end()};
}

int abortOnConflict(void*, int, sqlite3_changeset_iter*) { return SQLITE_CHANGESET_ABORT; }

[[noreturn]] void changedSince(const std::string& label, const char* verb) {
  throw Error(std::string("cannot ") + verb + " '" + label +
              "': the data it changed has been changed since");
}

using store::TextPatch;

std::vector<TextPatch> textPatches(sql::Db& db, std::int64_t entry) {
  sql::Stmt st(db,
               "SELECT source_id, byte_start, old_text, new_text FROM history_text "
               "WHERE history_id = ? ORDER BY seq");
  st.bind(1, entry);
  std::vector<TextPatch> out;
  while (st.step())
    out.push_back({st.i64("source_id"), st.i64("byte_start"), st.str("old_text"),
                   st.str("new_text")});
  return out;
}

// Puts `to` where `from` is at the patch's position, in place in the one copy of the text read.
void replaceText(sql::Db& db, const TextPatch& p, bool undo, const std::string& label,
                 const char* verb) {
  const std::string& from = undo ? p.newBytes : p.oldBytes;
  const std::string& to = undo ? p.oldBytes : p.newBytes;
  std::string text;
  {
    sql::Stmt get(db, "SELECT text FROM source_text WHERE source_id = ?");
    get.bind(1, p.sourceId);
    if (!get.step()) changedSince(label, verb);
    text = get.str(0);
  }
  const auto at = static_cast<std::size_t>(p.byteStart);
  if (at > text.size() || text.compare(at, from.size(), from) != 0) changedSince(label, verb);
  text.replace(at, from.size(), to);
  sql::Stmt set(db, "UPDATE source_text SET text = ? WHERE source_id = ?");
  set.bindNoCopy(1, text).bind(2, p.sourceId).run();
}

void apply(sql::Db& db, const std::string& changes, const std::vector<TextPatch>& patches,
           bool undo, const std::string& label, const char* verb) {
  std::vector<std::int64_t> sources = touchedSources(db, changes);
  for (const TextPatch& p : patches) sources.push_back(p.sourceId);
  std::sort(sources.begin(), sources.end());
  sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
  store::unindexSources(db, sources);
  // Undo replays the edit's patches newest first, redo in the order they were made.
  if (undo)
    for (auto p = patches.rbegin(); p != patches.rend(); ++p) replaceText(db, *p, true, label, verb);
  else
    for (const TextPatch& p : patches) replaceText(db, p, false, label, verb);
  if (!changes.empty()) {
    const int rc = sqlite3changeset_apply(db.handle(), static_cast<int>(changes.size()),
                                          const_cast<char*>(changes.data()), nullptr,
                                          abortOnConflict, nullptr);
    if (rc != SQLITE_OK) changedSince(label, verb);
    checkForeignKeys(db, touchedTables(changes), label, verb);
  }
  store::reindexSources(db, sources);
}

std::optional<std::string> step(Project::Impl& p, bool undo) {
  ForeignKeysOff fkOff(p.db);
  sql::Transaction tx(p.db);
  // Lets the replay remove rows that are otherwise immutable (schemas/006_theory.sql).
  p.db.exec("INSERT INTO history_replay(replaying) VALUES (1)");
  sql::Stmt pick(p.db, undo ? "SELECT id, label, changeset FROM history WHERE coder = ? AND "
                              "undone = 0 ORDER BY id DESC LIMIT 1"
                            : "SELECT id, label, changeset FROM history WHERE coder = ? AND "
                              "undone = 1 ORDER BY id ASC LIMIT 1");
  pick.bind(1, p.coder);
  if (!pick.step()) return std::nullopt;
  const std::int64_t id = pick.i64(0);
  const std::string label = pick.str(1);
  std::string changes = pick.blob(2);
  pick.reset();
  const std::vector<TextPatch> patches = textPatches(p.db, id);
  if (undo && !changes.empty()) {
    int n = 0;
    void* inverted = nullptr;
    if (sqlite3changeset_invert(static_cast<int>(changes.size()), changes.data(), &n, &inverted) !=
        SQLITE_OK)
      throw Error("corrupt undo history entry");
    std::string inv(static_cast<const char*>(inverted), static_cast<std::size_t>(n));
    sqlite3_free(inverted);
    changes = std::move(inv);
  }
  apply(p.db, changes, patches, undo, label, undo ? "undo" : "redo");
  sql::Stmt mark(p.db, "UPDATE history SET undone = ? WHERE id = ?");
  mark.bind(1, undo ? 1 : 0).bind(2, id).run();
  sql::Stmt audit(p.db,
                  "INSERT INTO audit(at, coder, action, entity_kind, detail) "
                  "VALUES (?, ?, ?, 'history', json_object('label', ?))");
  audit.bind(1, nowUtc()).bind(2, p.coder).bind(3, undo ? "undo" : "redo").bind(4, label).run();
  p.db.exec("DELETE FROM history_replay");
  tx.commit();
  return label;
}

}  // namespace

void Project::setCoder(const std::string& name) {
  if (name.empty()) throw UsageError("the coder name is empty");
  // No coders row yet: store::coderId adds it inside the transaction of the coder's first
  // change, so a refused or read-only command leaves the project as it was.
  impl_->coder = name;
}

const std::string& Project::coder() const { return impl_->coder; }

std::optional<std::string> Project::undo() { return step(*impl_, true); }
std::optional<std::string> Project::redo() { return step(*impl_, false); }

std::vector<HistoryEntry> Project::history(std::size_t limit) const {
  sql::Stmt st(impl_->db,
               "SELECT id, at, coder, label, undone FROM history ORDER BY id DESC LIMIT ?");
  st.bind(1, static_cast<std::int64_t>(limit));
  std::vector<HistoryEntry> out;
  while (st.step()) out.push_back({st.i64(0), st.str(1), st.str(2), st.str(3), st.i64(4) != 0});
  return out;
}

std::vector<AuditEntry> Project::auditLog(std::size_t limit,
                                          const std::optional<std::string>& coder) const {
  sql::Stmt st(impl_->db,
               "SELECT id, at, ifnull(coder, ''), action, entity_kind, ifnull(entity_guid, ''), "
               "detail FROM audit WHERE ?1 IS NULL OR coder = ?1 ORDER BY id DESC LIMIT ?2");
  st.bind(1, coder).bind(2, static_cast<std::int64_t>(limit));
  std::vector<AuditEntry> out;
  while (st.step())
    out.push_back({st.i64(0), st.str(1), st.str(2), st.str(3), st.str(4), st.str(5), st.str(6)});
  return out;
}

}  // namespace cmoc

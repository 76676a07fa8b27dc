#include "integrity_query.h"

#include <sqlite3.h>


#include "cmoc/error.h"
#include "project_impl.h"

namespace cmoc::store {

ReadSnapshot::ReadSnapshot(const sql::Db& db) : db_(db) {
  // BEGIN alone takes no snapshot; the first read does, so read once here.
  sql::Stmt(db_, "BEGIN").run();
  sql::Stmt first(db_, "SELECT count(*) FROM sqlite_schema");
  first.step();
}

ReadSnapshot::~ReadSnapshot() {
  sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);  // a read: nothing to keep
}

std::vector<std::string> sqliteIntegrityProblems(const sql::Db& db) {
  std::vector<std::string> lines;
  sql::Stmt st(db, "PRAGMA integrity_check");
  while (st.step()) lines.push_back(st.str(0));
  if (lines.size() == 1 && lines.front() == "ok") lines.clear();
  return lines;
}

std::vector<ForeignKeyViolation> foreignKeyViolations(const sql::Db& db) {
  std::vector<ForeignKeyViolation> out;
  sql::Stmt st(db, "PRAGMA foreign_key_check");
  while (st.step())
    out.push_back({st.str("table"), st.isNull(st.column("rowid")) ? 0 : st.i64("rowid"),
                   st.str("parent")});
  return out;
}

namespace {

std::optional<std::string> ftsCheck(const sql::Db& db) {
  // rank = 1 also compares the index with the external content (the turns' text).
  sql::Stmt st(db, "INSERT INTO turn_fts(turn_fts, rank) VALUES ('integrity-check', 1)");
  try {
    st.run();
  } catch (const Error& e) {
    return e.what();
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> searchIndexProblem(const sql::Db& db) {
  if (sqlite3_db_readonly(db.handle(), "main") != 1) return ftsCheck(db);
  // FTS5 checks through an INSERT, which a read-only file refuses however harmless: check a
  // private temporary copy ("" is SQLite's own temporary file, removed on close).
  sql::Db copy("", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  registerTokenizer(copy);
  sqlite3_backup* backup = sqlite3_backup_init(copy.handle(), "main", db.handle(), "main");
  if (!backup) copy.fail("copying the project to check its search index");
  sqlite3_backup_step(backup, -1);
  if (sqlite3_backup_finish(backup) != SQLITE_OK)
    copy.fail("copying the project to check its search index");
  return ftsCheck(copy);
}

std::vector<SourceLength> sourcesWithWrongLength(const sql::Db& db) {
  std::vector<SourceLength> out;
  // length() of TEXT counts characters, that is code points of the UTF-8 text.
  sql::Stmt st(db,
               "SELECT s.id, s.name, s.char_count AS recorded, length(t.text) AS actual "
               "FROM sources s LEFT JOIN source_text t ON t.source_id = s.id "
               "WHERE t.source_id IS NULL OR length(t.text) <> s.char_count ORDER BY s.id");
  while (st.step())
    out.push_back({st.i64("id"), st.str("name"), st.i64("recorded"), st.optI64("actual")});
  return out;
}

namespace {

std::vector<SpanRow> spans(const sql::Db& db, std::string_view sql) {
  std::vector<SpanRow> out;
  sql::Stmt st(db, sql);
  while (st.step())
    out.push_back({st.i64("id"), st.i64("source_id"), st.str("name"), st.i64("start"),
                   st.i64("end"), st.i64("length"), st.optI64("previous_end")});
  return out;
}

}  // namespace

std::vector<SpanRow> codingsPastText(const sql::Db& db) {
  return spans(db,
               "SELECT c.id, c.source_id, s.name, c.start, c.end, s.char_count AS length, "
               "NULL AS previous_end FROM codings c JOIN sources s ON s.id = c.source_id "
               "WHERE c.end > s.char_count ORDER BY c.id");
}

std::vector<SpanRow> turnSpans(const sql::Db& db) {
  return spans(db,
               "SELECT t.seq AS id, t.source_id, s.name, t.start, t.end, s.char_count AS length, "
               "lag(t.end) OVER (PARTITION BY t.source_id ORDER BY t.seq) AS previous_end "
               "FROM turns t JOIN sources s ON s.id = t.source_id ORDER BY t.source_id, t.seq");
}

std::vector<SpanRow> pageSpans(const sql::Db& db) {
  return spans(db,
               "SELECT p.page AS id, p.source_id, s.name, p.start, p.end, s.char_count AS length, "
               "lag(p.end) OVER (PARTITION BY p.source_id ORDER BY p.page) AS previous_end "
               "FROM pages p JOIN sources s ON s.id = p.source_id ORDER BY p.source_id, p.page");
}

void forEachSourceTurnBytes(
    const sql::Db& db,
    const std::function<void(std::int64_t, const std::string&, const std::string&,
                             const std::vector<TurnBytesRow>&)>& each) {
  sql::Stmt sources(db,
                    "SELECT s.id, s.name, t.text FROM sources s JOIN source_text t "
                    "ON t.source_id = s.id WHERE EXISTS (SELECT 1 FROM turns WHERE source_id = "
                    "s.id) ORDER BY s.id");
  sql::Stmt turns(db,
                  "SELECT seq, start, end, start_byte, end_byte FROM turns WHERE source_id = ? "
                  "ORDER BY seq");
  while (sources.step()) {
    const std::int64_t id = sources.i64("id");
    std::vector<TurnBytesRow> rows;
    turns.bind(1, id);
    while (turns.step())
      rows.push_back({turns.i64("seq"), turns.i64("start"), turns.i64("end"),
                      turns.optI64("start_byte"), turns.optI64("end_byte")});
    turns.reset();
    each(id, sources.str("name"), sources.str("text"), rows);
  }
}

std::vector<MisfitEvidence> evidenceOfAnotherKind(const sql::Db& db) {
  std::vector<MisfitEvidence> out;
  sql::Stmt st(db,
               "SELECT e.cmoc_id, e.coding_id, e.slot, k.kind, k.name FROM cmoc_evidence e "
               "JOIN codings c ON c.id = e.coding_id JOIN codes k ON k.id = c.code_id "
               "WHERE k.kind <> 'other' AND k.kind <> e.slot ORDER BY e.cmoc_id, e.coding_id");
  while (st.step())
    out.push_back({st.i64("cmoc_id"), st.i64("coding_id"), st.str("slot"), st.str("kind"),
                   st.str("name")});
  return out;
}

std::vector<SharedGuid> sharedGuids(const sql::Db& db) {
  std::vector<std::string> tables;
  {
    sql::Stmt st(db,
                 "SELECT m.name FROM sqlite_schema m, pragma_table_info(m.name) c "
                 "WHERE m.type = 'table' AND c.name = 'guid' ORDER BY m.name");
    while (st.step()) tables.push_back(st.str("name"));
  }
  if (tables.empty()) return {};
  std::string all;
  for (const std::string& t : tables) {
    if (!all.empty()) all += " UNION ALL ";
    // Table names come from the schema itself; quoted all the same.
    all += "SELECT guid, '" + t + "' AS tbl FROM \"" + t + "\"";
  }
  sql::Stmt st(db, "SELECT guid, tbl FROM (" + all +
                       ") WHERE guid IN (SELECT guid FROM (" + all +
                       ") GROUP BY guid HAVING count(*) > 1) ORDER BY guid, tbl");
  std::vector<SharedGuid> out;
  while (st.step()) {
    const std::string guid = st.str("guid");
    if (out.empty() || out.back().guid != guid) out.push_back({guid, {}});
    out.back().tables.push_back(st.str("tbl"));
  }
  return out;
}

std::vector<std::int64_t> unreadableHistoryEntries(const sql::Db& db) {
  std::vector<std::int64_t> out;
  sql::Stmt st(db, "SELECT id, changeset FROM history ORDER BY id");
  while (st.step()) {
    const std::string changes = st.blob(st.column("changeset"));
    sqlite3_changeset_iter* it = nullptr;
    int rc = sqlite3changeset_start(&it, static_cast<int>(changes.size()),
                                    const_cast<char*>(changes.data()));
    if (rc == SQLITE_OK) {
      while ((rc = sqlite3changeset_next(it)) == SQLITE_ROW) {
      }
      // finalize reports the error that ended the iteration, if any.
      const int fin = sqlite3changeset_finalize(it);
      rc = rc == SQLITE_DONE ? fin : rc;
    }
    if (rc != SQLITE_OK) out.push_back(st.i64("id"));
  }
  return out;
}

bool replayLeftRunning(const sql::Db& db) {
  sql::Stmt st(db, "SELECT count(*) AS n FROM history_replay");
  return st.step() && st.i64("n") > 0;
}

}  // namespace cmoc::store

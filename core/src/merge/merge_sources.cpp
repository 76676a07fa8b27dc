// Merge steps for cases, participants and sources. A case or participant with another GUID but
// the same name or participant code, and a source with another GUID but the same text, is the
// same one (the same transcript imported into both copies); the local one is kept.
#include <vector>

#include "backend/sqlite/action.h"
#include "merge_run.h"

namespace cmoc::store::merge {

namespace {

// What identifies a row besides its GUID, and how the report names that.
struct Key {
  std::string column, nameColumn, description;
};

// The other project's rows of `table`, each mapped to a local row with the same GUID, else the
// same key, else added by `add`, which returns the new id.
template <class Add>
void mapOrAdd(Run& run, const std::string& kind, const std::string& table, const Key& key,
              const std::string& label, Add add) {
  sql::Db& db = run.db();
  sql::Stmt theirs(db, "SELECT id, guid, " + key.column + ", " + key.nameColumn + " FROM " +
                           other(table) + " ORDER BY id");
  sql::Stmt byGuid(db, "SELECT id FROM main." + table + " WHERE guid = ?");
  sql::Stmt byKey(db, "SELECT id FROM main." + table + " WHERE " + key.column + " = ?");
  while (theirs.step()) {
    const std::int64_t otherId = theirs.i64(0);
    if (auto id = firstId(byGuid, theirs.str(1))) {
      run.map(kind, otherId, *id, Match::SameGuid);
    } else if (auto same = firstId(byKey, theirs.str(2))) {
      run.map(kind, otherId, *same, Match::SameIdentity);
      run.sameIdentity(kind, theirs.str(3), "the same " + key.description);
    } else {
      run.map(kind, otherId, add(otherId), Match::Added);
      run.added(label, 1);
    }
  }
}

void copyAttributes(Run& run, const std::string& table, const std::string& idColumn,
                    std::int64_t otherId, std::int64_t localId) {
  sql::Stmt st(run.db(), "INSERT INTO main." + table + "(" + idColumn + ", name, value) SELECT ?, "
                         "name, value FROM " + other(table) + " WHERE " + idColumn + " = ?");
  st.bind(1, localId).bind(2, otherId).run();
}

}  // namespace

void mergeCases(Run& run) {
  mapOrAdd(run, "case", "cases", {"name", "name", "name"}, "cases", [&](std::int64_t otherId) {
    sql::Stmt st(run.db(), "INSERT INTO main.cases(guid, name, case_type, memo, created_at) SELECT "
                           "guid, name, case_type, memo, created_at FROM " + other("cases") +
                               " WHERE id = ?");
    st.bind(1, otherId).run();
    const std::int64_t id = run.db().lastInsertId();
    copyAttributes(run, "case_attributes", "case_id", otherId, id);
    return id;
  });
}

void mergeParticipants(Run& run) {
  mapOrAdd(run, "participant", "participants", {"code", "code", "code"}, "participants", [&](std::int64_t otherId) {
    sql::Stmt st(run.db(), "INSERT INTO main.participants(guid, code, is_interviewer, case_id, "
                           "memo, created_at) SELECT guid, code, is_interviewer, " +
                               localOf("case", "case_id") + ", memo, created_at FROM " +
                               other("participants") + " WHERE id = ?");
    st.bind(1, otherId).run();
    const std::int64_t id = run.db().lastInsertId();
    copyAttributes(run, "participant_attributes", "participant_id", otherId, id);
    return id;
  });
}

// A source comes whole: text, speakers, turns, attributes, the cases that cover it.
void mergeSources(Run& run) {
  sql::Db& db = run.db();
  std::vector<std::int64_t> added;
  mapOrAdd(run, "source", "sources", {"content_hash", "name", "text"}, "sources", [&](std::int64_t otherId) {
    sql::Stmt src(db, "INSERT INTO main.sources(guid, name, format, content_hash, char_count, "
                      "participant_id, memo, imported_at, modified_at) SELECT guid, name, format, "
                      "content_hash, char_count, " + localOf("participant", "participant_id") +
                          ", memo, imported_at, modified_at FROM " + other("sources") +
                          " WHERE id = ?");
    src.bind(1, otherId).run();
    const std::int64_t id = db.lastInsertId();
    sql::Stmt text(db, "INSERT INTO main.source_text(source_id, text) SELECT ?, text FROM " +
                           other("source_text") + " WHERE source_id = ?");
    text.bind(1, id).bind(2, otherId).run();
    sql::Stmt speakers(db, "INSERT INTO main.speakers(guid, source_id, label, participant_id, "
                           "is_interviewer) SELECT guid, ?, label, " +
                               localOf("participant", "participant_id") +
                               ", is_interviewer FROM " + other("speakers") + " WHERE source_id = ?");
    speakers.bind(1, id).bind(2, otherId).run();
    // The text comes over byte for byte, so the turns' byte ranges hold as they are.
    sql::Stmt turns(db, "INSERT INTO main.turns(source_id, seq, speaker_id, start, end, start_ms, "
                        "end_ms, start_byte, end_byte) SELECT ?, t.seq, (SELECT id FROM main.speakers "
                        "WHERE guid = k.guid), t.start, t.end, t.start_ms, t.end_ms, t.start_byte, "
                        "t.end_byte FROM " + other("turns") + " t LEFT JOIN " +
                            other("speakers") + " k ON k.id = t.speaker_id WHERE t.source_id = ?");
    turns.bind(1, id).bind(2, otherId).run();
    copyAttributes(run, "source_attributes", "source_id", otherId, id);
    sql::Stmt cases(db, "INSERT OR IGNORE INTO main.case_sources(case_id, source_id) SELECT " +
                            localOf("case", "case_id") + ", ? FROM " + other("case_sources") +
                            " WHERE source_id = ?");
    cases.bind(1, id).bind(2, otherId).run();
    added.push_back(id);
    return id;
  });
  reindexSources(db, added);
  // Codings address code points of the text, so they come over only where the texts agree.
  sql::Stmt sameText(db, "INSERT INTO temp.merge_map(kind, other_id, local_id, how) SELECT "
                         "'source-text', mm.other_id, mm.local_id, mm.how FROM temp.merge_map mm "
                         "JOIN " + other("source_text") + " o ON o.source_id = mm.other_id "
                         "JOIN main.source_text m ON m.source_id = mm.local_id "
                         "WHERE mm.kind = 'source' AND o.text = m.text");
  sameText.run();
}

}  // namespace cmoc::store::merge

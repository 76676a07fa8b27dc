#pragma once
// What `cmoc check` asks of the file: SQLite's own checks and the rows that break the
// workbench's invariants, each as plain rows for the domain (check/) to word and judge.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sqlite.h"

namespace cmoc::store {

// Holds one read transaction, so every check sees the same state even while another process
// (the GUI) writes.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(const sql::Db& db);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  const sql::Db& db_;
};

// PRAGMA integrity_check's lines; empty when it says "ok".
std::vector<std::string> sqliteIntegrityProblems(const sql::Db& db);

struct ForeignKeyViolation {
  std::string table;
  std::int64_t rowid = 0;
  std::string parent;  // the table the missing row belongs in
};
std::vector<ForeignKeyViolation> foreignKeyViolations(const sql::Db& db);

// FTS5's own integrity check of the search index against the turns' text: SQLite's message, or
// nullopt when the index matches.
std::optional<std::string> searchIndexProblem(const sql::Db& db);

struct SourceLength {
  std::int64_t id = 0;
  std::string name;
  std::int64_t recorded = 0;            // sources.char_count
  std::optional<std::int64_t> actual;   // code points of its text; nullopt when it has none
};
// Sources whose recorded length is not their text's, or that have no text.
std::vector<SourceLength> sourcesWithWrongLength(const sql::Db& db);

// A row of codings, turns or pages with its span and its source's length.
struct SpanRow {
  std::int64_t id = 0;  // coding id, turn seq or page number
  std::int64_t sourceId = 0;
  std::string sourceName;
  std::int64_t start = 0, end = 0, length = 0;
  std::optional<std::int64_t> previousEnd;  // turns and pages: the one before, by seq or page
};
// Codings ending past their source's text.
std::vector<SpanRow> codingsPastText(const sql::Db& db);
// Every turn and every page, by source then order, for the domain's order and cover checks.
std::vector<SpanRow> turnSpans(const sql::Db& db);
std::vector<SpanRow> pageSpans(const sql::Db& db);

struct TurnBytesRow {
  std::int64_t seq = 0, start = 0, end = 0;
  std::optional<std::int64_t> startByte, endByte;
};
// Calls `each` with every source that has turns: its id, name, text and turns by seq.
void forEachSourceTurnBytes(
    const sql::Db& db,
    const std::function<void(std::int64_t, const std::string&, const std::string&,
                             const std::vector<TurnBytesRow>&)>& each);

struct MisfitEvidence {
  std::int64_t cmocId = 0, codingId = 0;
  std::string slot, codeKind, codeName;
};
// Evidence whose coding's code is of a realist kind other than the slot it supports.
std::vector<MisfitEvidence> evidenceOfAnotherKind(const sql::Db& db);

struct SharedGuid {
  std::string guid;
  std::vector<std::string> tables;  // one entry per row holding it
};
// GUIDs that more than one row holds, across every table with a `guid` column.
std::vector<SharedGuid> sharedGuids(const sql::Db& db);

// History entries whose recorded changeset cannot be read back (undo would fail on them), and
// a replay left marked as running.
std::vector<std::int64_t> unreadableHistoryEntries(const sql::Db& db);
bool replayLeftRunning(const sql::Db& db);

}  // namespace cmoc::store

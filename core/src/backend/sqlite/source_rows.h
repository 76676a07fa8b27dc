#pragma once
// The gateway of a source's rows: `sources`, its `source_text`, `speakers` and `turns`. Importing
// a transcript and REFI-QDA import both write them through it. Statements are prepared on first
// use and kept, so an import of many sources and turns prepares each once.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sqlite.h"

namespace cmoc::store {

struct SourceRow {
  std::string guid, name, format, contentHash;
  std::int64_t charCount = 0;  // code points
  std::string memo;            // "" when none (stored as NULL)
  std::string importedAt, modifiedAt;
};

struct TurnRow {
  std::int64_t sourceId = 0, seq = 0;
  std::optional<std::int64_t> speakerId;
  std::int64_t start = 0, end = 0;  // code points
  std::optional<std::int64_t> startMs, endMs;
  std::optional<std::int64_t> startByte, endByte;  // when unknown, fillTurnBytes computes them
};

// A stored source found by its text's hash.
struct SourceNamed {
  std::int64_t id = 0;
  std::string name;
};

class SourceRows {
 public:
  explicit SourceRows(const sql::Db& db) : db_(db) {}

  std::optional<std::int64_t> idOfGuid(const std::string& guid);
  std::optional<SourceNamed> withContentHash(const std::string& hash);
  // The source row and its text; returns the new source's id.
  std::int64_t insert(const SourceRow& row, std::string_view text);
  std::int64_t insertSpeaker(const std::string& guid, std::int64_t sourceId,
                             const std::string& label, bool isInterviewer);
  std::int64_t insertTurn(const TurnRow& turn);
  // Adds one turn's text to the search index (the index is derived: undo rebuilds it).
  void indexTurn(std::int64_t turnId, std::string_view text);

 private:
  sql::Stmt& prepared(std::optional<sql::Stmt>& slot, const char* sql);
  const sql::Db& db_;
  std::optional<sql::Stmt> byGuid_, byHash_, source_, text_, speaker_, turn_, index_;
};

}  // namespace cmoc::store

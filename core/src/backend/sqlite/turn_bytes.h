#pragma once
// Turns' UTF-8 byte ranges (schema 004) and reading a byte range of a source's text without the
// rest of it. Positions everywhere else are code points; these make quoting cheap: excerpts and
// keyword-in-context read one turn's bytes, not a 65 KB transcript per hit.
#include <cstdint>
#include <string>
#include <string_view>

#include "sqlite.h"

namespace cmoc::store {

inline constexpr int kTurnBytesSchema = 4;  // the migration that added the columns

// (Re)computes start_byte / end_byte of every turn of one source from its current text. Writers
// that insert turns or change a source's text call it after they have written both.
void fillTurnBytes(sql::Db& db, std::int64_t sourceId);
// The same from the text as the caller holds it (equal to the stored text), without rereading it.
void fillTurnBytes(sql::Db& db, std::int64_t sourceId, std::string_view text);
// Fills them for every source with a turn whose bytes are unknown (the 004 migration).
void fillMissingTurnBytes(sql::Db& db);

// Reads bytes [begin, end) of sources' texts through one incremental blob handle, so only the
// pages holding those bytes are read. Valid while no statement writes source_text.
class SourceTextBytes {
 public:
  explicit SourceTextBytes(const sql::Db& db) : db_(db) {}
  ~SourceTextBytes();
  SourceTextBytes(const SourceTextBytes&) = delete;
  SourceTextBytes& operator=(const SourceTextBytes&) = delete;

  std::string read(std::int64_t sourceId, std::int64_t begin, std::int64_t end);
  std::int64_t size(std::int64_t sourceId);  // the text's length in bytes

 private:
  void open(std::int64_t sourceId);
  const sql::Db& db_;
  sqlite3_blob* blob_ = nullptr;  // forward-declared in sqlite.h
  std::int64_t openSource_ = -1;
};

}  // namespace cmoc::store

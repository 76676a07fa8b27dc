#include "turn_bytes.h"

#include <sqlite3.h>

#include <vector>

#include "cmoc/error.h"
#include "cmoc/text.h"

namespace cmoc::store {

void fillTurnBytes(sql::Db& db, std::int64_t sourceId) {
  std::string text;
  {
    sql::Stmt st(db, "SELECT text FROM source_text WHERE source_id = ?");
    st.bind(1, sourceId);
    if (st.step()) text = st.str(0);
  }
  fillTurnBytes(db, sourceId, text);
}

void fillTurnBytes(sql::Db& db, std::int64_t sourceId, std::string_view text) {
  const text::TextIndex index(text);
  struct Row {
    std::int64_t id, start, end;
  };
  std::vector<Row> rows;
  {
    sql::Stmt st(db, "SELECT id, start, end FROM turns WHERE source_id = ?");
    st.bind(1, sourceId);
    while (st.step()) rows.push_back({st.i64(0), st.i64(1), st.i64(2)});
  }
  sql::Stmt set(db, "UPDATE turns SET start_byte = ?, end_byte = ? WHERE id = ?");
  for (const Row& r : rows) {
    // A turn past the text's end (never written so, but cheap to refuse) stays unknown.
    if (r.end > index.codePoints()) {
      set.bindNull(1).bindNull(2).bind(3, r.id).run();
      continue;
    }
    set.bind(1, index.byteOfCodePoint(r.start))
        .bind(2, index.byteOfCodePoint(r.end))
        .bind(3, r.id)
        .run();
  }
}

void fillMissingTurnBytes(sql::Db& db) {
  std::vector<std::int64_t> sources;
  {
    sql::Stmt st(db, "SELECT DISTINCT source_id FROM turns WHERE start_byte IS NULL");
    while (st.step()) sources.push_back(st.i64(0));
  }
  for (std::int64_t id : sources) fillTurnBytes(db, id);
}

SourceTextBytes::~SourceTextBytes() {
  if (blob_) sqlite3_blob_close(blob_);
}

void SourceTextBytes::open(std::int64_t sourceId) {
  if (sourceId == openSource_) return;
  const int rc =
      blob_ ? sqlite3_blob_reopen(blob_, sourceId)
            : sqlite3_blob_open(db_.handle(), "main", "source_text", "text", sourceId, 0, &blob_);
  if (rc != SQLITE_OK) {
    // A failed reopen leaves the handle unusable; open afresh next time.
    if (blob_) sqlite3_blob_close(blob_);
    blob_ = nullptr;
    openSource_ = -1;
    db_.fail("reading the text of source " + std::to_string(sourceId));
  }
  openSource_ = sourceId;
}

std::int64_t SourceTextBytes::size(std::int64_t sourceId) {
  open(sourceId);
  return sqlite3_blob_bytes(blob_);
}

std::string SourceTextBytes::read(std::int64_t sourceId, std::int64_t begin, std::int64_t end) {
  const std::int64_t size = this->size(sourceId);
  if (begin < 0 || end < begin || end > size)
    throw Error("source " + std::to_string(sourceId) + ": bytes " + std::to_string(begin) + "-" +
                std::to_string(end) + " are outside its text of " + std::to_string(size) +
                " bytes");
  std::string out(static_cast<std::size_t>(end - begin), '\0');
  if (!out.empty() && sqlite3_blob_read(blob_, out.data(), static_cast<int>(out.size()),
                                        static_cast<int>(begin)) != SQLITE_OK)
    db_.fail("reading the text of source " + std::to_string(sourceId));
  return out;
}

}  // namespace cmoc::store

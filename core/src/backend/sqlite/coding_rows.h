#pragma once
// The `codings` table's gateway: applying a code, bulk import and merge insert through it.
// Reads hand rows to a callback as they arrive, so a million codings take the memory of one.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "coding_selection.h"
#include "statements.h"

namespace cmoc::store {

struct CodingRow {
  std::int64_t id = 0;  // ignored by insert
  std::string guid;
  std::int64_t sourceId = 0, codeId = 0, coderId = 0;
  std::int64_t start = 0, end = 0;  // code points
  std::string memo, createdAt, modifiedAt;
};

class CodingRows {
 public:
  explicit CodingRows(const sql::Db& db) : st_(db) {}
  void each(const std::function<void(const CodingRow&)>& f);  // by id
  // By source, start, end and id: each source's codings in reading order.
  void eachInSourceOrder(const std::function<void(const CodingRow&)>& f);
  std::optional<CodingRow> byId(std::int64_t id);
  std::optional<std::int64_t> idOfGuid(const std::string& guid);
  // A coder's codings (of one code when given), by id.
  void eachByCoder(std::int64_t coderId, std::optional<std::int64_t> codeId,
                   const std::function<void(const CodingRow&)>& f);
  std::int64_t insert(const CodingRow& row);
  void setSpan(std::int64_t id, std::int64_t start, std::int64_t end,
               const std::string& modifiedAt);
  void setMemo(std::int64_t id, const std::string& memo, const std::string& modifiedAt);
  // Moves a coding the text around it pushed along: its span is the same text, so it keeps its
  // modified_at.
  void shift(std::int64_t id, std::int64_t start, std::int64_t end);
  void remove(std::int64_t id);

  // Writes to every coding `sel` selects; each returns how many it changed. An empty selection
  // is every coding.
  std::int64_t recode(const CodingSelection& sel, std::int64_t codeId,
                      const std::string& modifiedAt);
  std::int64_t reassign(const CodingSelection& sel, std::int64_t coderId,
                        const std::string& modifiedAt);
  std::int64_t removeAll(const CodingSelection& sel);

 private:
  Statements st_;
};

}  // namespace cmoc::store

#pragma once
// The `codings` table's gateway: applying a code, bulk import and merge insert through it.
// Reads hand rows to a callback as they arrive, so a million codings take the memory of one.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

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
  std::int64_t insert(const CodingRow& row);
  void setSpan(std::int64_t id, std::int64_t start, std::int64_t end,
               const std::string& modifiedAt);
  void setMemo(std::int64_t id, const std::string& memo, const std::string& modifiedAt);
  void remove(std::int64_t id);

 private:
  Statements st_;
};

}  // namespace cmoc::store

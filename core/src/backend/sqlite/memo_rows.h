#pragma once
// The `memos` table's gateway: memos on any entity, addressed by the target's kind and GUID.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "statements.h"

namespace cmoc::store {

struct MemoRow {
  std::int64_t id = 0;  // ignored by insert
  std::string guid, targetKind;
  std::optional<std::string> targetGuid;
  std::string title, text;
  std::optional<std::int64_t> coderId;
  std::string createdAt, modifiedAt;
};

class MemoRows {
 public:
  explicit MemoRows(const sql::Db& db) : st_(db) {}
  void each(const std::function<void(const MemoRow&)>& f);  // by id
  std::optional<MemoRow> byId(std::int64_t id);
  std::optional<std::int64_t> idOfGuid(const std::string& guid);
  std::int64_t insert(const MemoRow& row);
  // The memos on one entity: removed with it, or handed to the entity it merged into.
  void removeOn(const std::string& targetKind, const std::string& targetGuid);
  void retarget(const std::string& targetKind, const std::string& fromGuid,
                const std::string& toGuid);

 private:
  Statements st_;
};

}  // namespace cmoc::store

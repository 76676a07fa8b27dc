#pragma once
// The gateway of what REFI-QDA exchanges carry beside our model: named sets of codes, sources
// and memos (`entity_sets`, `entity_set_members`) and links between any two entities
// (`entity_links`). Members and ends are addressed by GUID.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "statements.h"

namespace cmoc::store {

struct EntitySetRow {
  std::int64_t id = 0;  // ignored by insert
  std::string guid, name, description, createdAt;
};

struct SetMemberRow {
  std::string kind, guid;  // kind: code, source or memo
  std::int64_t seq = 0;
};

struct EntityLinkRow {
  std::int64_t id = 0;  // ignored by insert
  std::string guid, name, direction;
  std::optional<std::string> color;
  std::string originGuid, targetGuid, memo, createdAt;
};

class EntitySetRows {
 public:
  explicit EntitySetRows(const sql::Db& db) : st_(db) {}
  void eachSet(const std::function<void(const EntitySetRow&)>& f);  // by id
  std::optional<EntitySetRow> setById(std::int64_t id);
  std::optional<std::int64_t> setIdOfGuid(const std::string& guid);
  std::int64_t insertSet(const EntitySetRow& row);
  std::vector<SetMemberRow> membersOf(std::int64_t setId);         // by seq
  void addMember(std::int64_t setId, const SetMemberRow& member);  // a member already in stays

  void eachLink(const std::function<void(const EntityLinkRow&)>& f);  // by id
  std::optional<EntityLinkRow> linkById(std::int64_t id);
  std::optional<std::int64_t> linkIdOfGuid(const std::string& guid);
  std::int64_t insertLink(const EntityLinkRow& row);

 private:
  Statements st_;
};

}  // namespace cmoc::store

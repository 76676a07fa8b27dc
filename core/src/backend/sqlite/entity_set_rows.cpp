#include "entity_set_rows.h"

namespace cmoc::store {

namespace {

constexpr const char* kSets = "SELECT id, guid, name, description, created_at FROM entity_sets";
constexpr const char* kLinks =
    "SELECT id, guid, name, direction, color, origin_guid, target_guid, memo, created_at FROM "
    "entity_links";

EntitySetRow readSet(const sql::Stmt& st) {
  return {st.i64("id"), st.str("guid"), st.str("name"), st.str("description"),
          st.str("created_at")};
}

EntityLinkRow readLink(const sql::Stmt& st) {
  EntityLinkRow r;
  r.id = st.i64("id");
  r.guid = st.str("guid");
  r.name = st.str("name");
  r.direction = st.str("direction");
  r.color = st.optStr("color");
  r.originGuid = st.str("origin_guid");
  r.targetGuid = st.str("target_guid");
  r.memo = st.str("memo");
  r.createdAt = st.str("created_at");
  return r;
}

}  // namespace

void EntitySetRows::eachSet(const std::function<void(const EntitySetRow&)>& f) {
  eachRow(st_(std::string(kSets) + " ORDER BY id"), readSet, f);
}

std::optional<EntitySetRow> EntitySetRows::setById(std::int64_t id) {
  return firstRow(st_(std::string(kSets) + " WHERE id = ?").bind(1, id), readSet);
}

std::optional<std::int64_t> EntitySetRows::setIdOfGuid(const std::string& guid) {
  return firstI64(st_("SELECT id FROM entity_sets WHERE guid = ?").bind(1, guid));
}

std::int64_t EntitySetRows::insertSet(const EntitySetRow& r) {
  st_("INSERT INTO entity_sets(guid, name, description, created_at) VALUES (?, ?, ?, ?)")
      .bind(1, r.guid)
      .bind(2, r.name)
      .bind(3, r.description)
      .bind(4, r.createdAt)
      .run();
  return st_.db().lastInsertId();
}

std::vector<SetMemberRow> EntitySetRows::membersOf(std::int64_t setId) {
  std::vector<SetMemberRow> out;
  eachRow(
      st_("SELECT member_kind, member_guid, seq FROM entity_set_members WHERE set_id = ? "
          "ORDER BY seq, member_kind, member_guid")
          .bind(1, setId),
      [](const sql::Stmt& s) {
        return SetMemberRow{s.str("member_kind"), s.str("member_guid"), s.i64("seq")};
      },
      [&](SetMemberRow m) { out.push_back(std::move(m)); });
  return out;
}

void EntitySetRows::addMember(std::int64_t setId, const SetMemberRow& m) {
  st_("INSERT OR IGNORE INTO entity_set_members(set_id, member_kind, member_guid, seq) VALUES "
      "(?, ?, ?, ?)")
      .bind(1, setId)
      .bind(2, m.kind)
      .bind(3, m.guid)
      .bind(4, m.seq)
      .run();
}

void EntitySetRows::eachLink(const std::function<void(const EntityLinkRow&)>& f) {
  eachRow(st_(std::string(kLinks) + " ORDER BY id"), readLink, f);
}

std::optional<EntityLinkRow> EntitySetRows::linkById(std::int64_t id) {
  return firstRow(st_(std::string(kLinks) + " WHERE id = ?").bind(1, id), readLink);
}

std::optional<std::int64_t> EntitySetRows::linkIdOfGuid(const std::string& guid) {
  return firstI64(st_("SELECT id FROM entity_links WHERE guid = ?").bind(1, guid));
}

std::int64_t EntitySetRows::insertLink(const EntityLinkRow& r) {
  sql::Stmt& st =
      st_("INSERT INTO entity_links(guid, name, direction, color, origin_guid, target_guid, memo, "
          "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, r.guid).bind(2, r.name).bind(3, r.direction).bind(4, r.color);
  st.bind(5, r.originGuid).bind(6, r.targetGuid).bind(7, r.memo).bind(8, r.createdAt).run();
  return st_.db().lastInsertId();
}

}  // namespace cmoc::store

#include "memo_rows.h"

namespace cmoc::store {

namespace {

constexpr const char* kSelect =
    "SELECT id, guid, target_kind, target_guid, title, text, coder_id, created_at, modified_at "
    "FROM memos";

MemoRow read(const sql::Stmt& st) {
  MemoRow r;
  r.id = st.i64("id");
  r.guid = st.str("guid");
  r.targetKind = st.str("target_kind");
  r.targetGuid = st.optStr("target_guid");
  r.title = st.str("title");
  r.text = st.str("text");
  r.coderId = st.optI64("coder_id");
  r.createdAt = st.str("created_at");
  r.modifiedAt = st.str("modified_at");
  return r;
}

}  // namespace

void MemoRows::each(const std::function<void(const MemoRow&)>& f) {
  eachRow(st_(std::string(kSelect) + " ORDER BY id"), read, f);
}

std::optional<MemoRow> MemoRows::byId(std::int64_t id) {
  return firstRow(st_(std::string(kSelect) + " WHERE id = ?").bind(1, id), read);
}

std::optional<std::int64_t> MemoRows::idOfGuid(const std::string& guid) {
  return firstI64(st_("SELECT id FROM memos WHERE guid = ?").bind(1, guid));
}

std::int64_t MemoRows::insert(const MemoRow& r) {
  sql::Stmt& st =
      st_("INSERT INTO memos(guid, target_kind, target_guid, title, text, coder_id, created_at, "
          "modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, r.guid).bind(2, r.targetKind).bind(3, r.targetGuid).bind(4, r.title);
  st.bind(5, r.text).bind(6, r.coderId).bind(7, r.createdAt).bind(8, r.modifiedAt).run();
  return st_.db().lastInsertId();
}

void MemoRows::removeOn(const std::string& targetKind, const std::string& targetGuid) {
  st_("DELETE FROM memos WHERE target_kind = ? AND target_guid = ?")
      .bind(1, targetKind)
      .bind(2, targetGuid)
      .run();
}

void MemoRows::retarget(const std::string& targetKind, const std::string& fromGuid,
                        const std::string& toGuid) {
  st_("UPDATE memos SET target_guid = ? WHERE target_kind = ? AND target_guid = ?")
      .bind(1, toGuid)
      .bind(2, targetKind)
      .bind(3, fromGuid)
      .run();
}

}  // namespace cmoc::store

#include "coding_rows.h"

namespace cmoc::store {

namespace {

constexpr const char* kSelect =
    "SELECT id, guid, source_id, code_id, coder_id, start, end, memo, created_at, modified_at "
    "FROM codings";

CodingRow read(const sql::Stmt& st) {
  CodingRow r;
  r.id = st.i64("id");
  r.guid = st.str("guid");
  r.sourceId = st.i64("source_id");
  r.codeId = st.i64("code_id");
  r.coderId = st.i64("coder_id");
  r.start = st.i64("start");
  r.end = st.i64("end");
  r.memo = st.str("memo");
  r.createdAt = st.str("created_at");
  r.modifiedAt = st.str("modified_at");
  return r;
}

}  // namespace

void CodingRows::each(const std::function<void(const CodingRow&)>& f) {
  eachRow(st_(std::string(kSelect) + " ORDER BY id"), read, f);
}

void CodingRows::eachInSourceOrder(const std::function<void(const CodingRow&)>& f) {
  eachRow(st_(std::string(kSelect) + " ORDER BY source_id, start, end, id"), read, f);
}

std::optional<CodingRow> CodingRows::byId(std::int64_t id) {
  return firstRow(st_(std::string(kSelect) + " WHERE id = ?").bind(1, id), read);
}

std::optional<std::int64_t> CodingRows::idOfGuid(const std::string& guid) {
  return firstI64(st_("SELECT id FROM codings WHERE guid = ?").bind(1, guid));
}

void CodingRows::eachByCoder(std::int64_t coderId, std::optional<std::int64_t> codeId,
                             const std::function<void(const CodingRow&)>& f) {
  if (codeId)
    eachRow(st_(std::string(kSelect) + " WHERE code_id = ? AND coder_id = ? ORDER BY id")
                .bind(1, *codeId)
                .bind(2, coderId),
            read, f);
  else
    eachRow(st_(std::string(kSelect) + " WHERE coder_id = ? ORDER BY id").bind(1, coderId), read,
            f);
}

std::int64_t CodingRows::insert(const CodingRow& r) {
  sql::Stmt& st =
      st_("INSERT INTO codings(guid, source_id, code_id, coder_id, start, end, memo, created_at, "
          "modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, r.guid).bind(2, r.sourceId).bind(3, r.codeId).bind(4, r.coderId).bind(5, r.start);
  st.bind(6, r.end).bind(7, r.memo).bind(8, r.createdAt).bind(9, r.modifiedAt).run();
  return st_.db().lastInsertId();
}

void CodingRows::setSpan(std::int64_t id, std::int64_t start, std::int64_t end,
                         const std::string& modifiedAt) {
  st_("UPDATE codings SET start = ?, end = ?, modified_at = ? WHERE id = ?")
      .bind(1, start)
      .bind(2, end)
      .bind(3, modifiedAt)
      .bind(4, id)
      .run();
}

void CodingRows::setMemo(std::int64_t id, const std::string& memo, const std::string& modifiedAt) {
  st_("UPDATE codings SET memo = ?, modified_at = ? WHERE id = ?")
      .bind(1, memo)
      .bind(2, modifiedAt)
      .bind(3, id)
      .run();
}

void CodingRows::shift(std::int64_t id, std::int64_t start, std::int64_t end) {
  st_("UPDATE codings SET start = ?, end = ? WHERE id = ?")
      .bind(1, start)
      .bind(2, end)
      .bind(3, id)
      .run();
}

void CodingRows::remove(std::int64_t id) {
  st_("DELETE FROM codings WHERE id = ?").bind(1, id).run();
}

namespace {

// Runs `head` (an UPDATE's or DELETE's start, its parameters bound from 1 by `bindHead`) on
// the codings `sel` selects; returns how many rows it changed. Prepared afresh, as a
// selection's SQL differs with its lists' lengths.
template <class BindHead>
std::int64_t onSelected(const sql::Db& db, const std::string& head, int headParams,
                        const CodingSelection& sel, BindHead bindHead) {
  const SelectionSql w = selectionSql(sel);
  sql::Stmt st(db, head + " WHERE id IN (SELECT c.id" + w.from + w.where + ")");
  bindHead(st);
  w.bind(st, headParams + 1);
  st.run();
  return db.changes();
}

}  // namespace

std::int64_t CodingRows::recode(const CodingSelection& sel, std::int64_t codeId,
                                const std::string& modifiedAt) {
  return onSelected(st_.db(), "UPDATE codings SET code_id = ?, modified_at = ?", 2, sel,
                    [&](sql::Stmt& st) { st.bind(1, codeId).bind(2, modifiedAt); });
}

std::int64_t CodingRows::reassign(const CodingSelection& sel, std::int64_t coderId,
                                  const std::string& modifiedAt) {
  return onSelected(st_.db(), "UPDATE codings SET coder_id = ?, modified_at = ?", 2, sel,
                    [&](sql::Stmt& st) { st.bind(1, coderId).bind(2, modifiedAt); });
}

std::int64_t CodingRows::removeAll(const CodingSelection& sel) {
  return onSelected(st_.db(), "DELETE FROM codings", 0, sel, [](sql::Stmt&) {});
}

}  // namespace cmoc::store

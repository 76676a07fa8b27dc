#include "attribute_rows.h"

namespace cmoc::store {

AttributeRows::AttributeRows(const sql::Db& db, AttributeOwner owner) : st_(db) {
  switch (owner) {
    case AttributeOwner::Case:
      table_ = "case_attributes", idColumn_ = "case_id";
      break;
    case AttributeOwner::Participant:
      table_ = "participant_attributes", idColumn_ = "participant_id";
      break;
    case AttributeOwner::Source:
      table_ = "source_attributes", idColumn_ = "source_id";
      break;
    case AttributeOwner::Study:
      table_ = "study_attributes", idColumn_ = "study_id";
      break;
  }
}

Attributes AttributeRows::of(std::int64_t ownerId) {
  Attributes out;
  eachRow(
      st_("SELECT name, value FROM " + table_ + " WHERE " + idColumn_ + " = ? ORDER BY name")
          .bind(1, ownerId),
      [](const sql::Stmt& s) { return std::pair(s.str("name"), s.str("value")); },
      [&](std::pair<std::string, std::string> a) { out.push_back(std::move(a)); });
  return out;
}

void AttributeRows::add(std::int64_t ownerId, const std::string& name, const std::string& value) {
  st_("INSERT INTO " + table_ + "(" + idColumn_ + ", name, value) VALUES (?, ?, ?)")
      .bind(1, ownerId)
      .bind(2, name)
      .bind(3, value)
      .run();
}

void AttributeRows::put(std::int64_t ownerId, const std::string& name, const std::string& value) {
  st_("INSERT OR REPLACE INTO " + table_ + "(" + idColumn_ + ", name, value) VALUES (?, ?, ?)")
      .bind(1, ownerId)
      .bind(2, name)
      .bind(3, value)
      .run();
}

void AttributeRows::drop(std::int64_t ownerId, const std::string& name) {
  st_("DELETE FROM " + table_ + " WHERE " + idColumn_ + " = ? AND name = ?")
      .bind(1, ownerId)
      .bind(2, name)
      .run();
}

void AttributeRows::each(
    const std::function<void(std::int64_t, const std::string&, const std::string&)>& f) {
  sql::Stmt& st =
      st_("SELECT " + idColumn_ + " AS owner, name, value FROM " + table_ + " ORDER BY name");
  Resetting resetting(st);
  while (st.step()) f(st.i64("owner"), st.str("name"), st.str("value"));
}

}  // namespace cmoc::store

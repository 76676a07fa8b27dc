#include "study_rows.h"

namespace cmoc::store {

namespace {
constexpr const char* kStudyColumns =
    "SELECT id, guid, key, year, title, journal, doi, origin, imported_at FROM studies ";

StudyRow readStudy(const sql::Stmt& s) {
  const std::optional<std::int64_t> year = s.optI64("year");
  return {s.i64("id"),         s.str("guid"),
          s.str("key"),        year ? std::optional<int>(static_cast<int>(*year)) : std::nullopt,
          s.str("title"),      s.str("journal"),
          s.optStr("doi"),     s.str("origin"),
          s.str("imported_at")};
}
}  // namespace

std::int64_t StudyRows::insert(const StudyRow& r) {
  st_("INSERT INTO studies(guid, key, year, title, journal, doi, origin, imported_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, r.guid)
      .bind(2, r.key)
      .bind(3, r.year ? std::optional<std::int64_t>(*r.year) : std::nullopt)
      .bind(4, r.title)
      .bind(5, r.journal)
      .bind(6, r.doi)
      .bind(7, r.origin)
      .bind(8, r.importedAt)
      .run();
  return st_.db().lastInsertId();
}

void StudyRows::insertAuthor(const StudyAuthorRow& r) {
  st_("INSERT INTO study_authors(study_id, position, family, given) VALUES (?, ?, ?, ?)")
      .bind(1, r.studyId)
      .bind(2, r.position)
      .bind(3, r.family)
      .bind(4, r.given)
      .run();
}

void StudyRows::each(const std::function<void(const StudyRow&)>& f) {
  eachRow(st_(std::string(kStudyColumns) + "ORDER BY key"), readStudy, f);
}

void StudyRows::eachAuthor(const std::function<void(const StudyAuthorRow&)>& f) {
  eachRow(
      st_("SELECT study_id, position, family, given FROM study_authors "
          "ORDER BY study_id, position"),
      [](const sql::Stmt& s) {
        return StudyAuthorRow{s.i64("study_id"), s.i64("position"), s.str("family"),
                              s.str("given")};
      },
      f);
}

std::optional<StudyRow> StudyRows::withKey(const std::string& key) {
  return firstRow(st_(std::string(kStudyColumns) + "WHERE key = ?").bind(1, key), readStudy);
}

std::optional<StudyRow> StudyRows::byId(std::int64_t id) {
  return firstRow(st_(std::string(kStudyColumns) + "WHERE id = ?").bind(1, id), readStudy);
}

bool StudyRows::any() {
  return firstRow(st_("SELECT 1 AS one FROM studies LIMIT 1"),
                  [](const sql::Stmt& s) { return s.i64("one"); })
      .has_value();
}

void StudyRows::link(const StudyLinkRow& r) {
  unlink(r.sourceId);
  st_("INSERT INTO study_sources(source_id, study_id, matched_by) VALUES (?, ?, ?)")
      .bind(1, r.sourceId)
      .bind(2, r.studyId)
      .bind(3, r.matchedBy)
      .run();
}

void StudyRows::unlink(std::int64_t sourceId) {
  st_("DELETE FROM study_sources WHERE source_id = ?").bind(1, sourceId).run();
}

namespace {
StudyLinkRow readLink(const sql::Stmt& s) {
  return {s.i64("source_id"), s.i64("study_id"), s.str("matched_by")};
}
}  // namespace

std::optional<StudyLinkRow> StudyRows::linkOf(std::int64_t sourceId) {
  return firstRow(st_("SELECT source_id, study_id, matched_by FROM study_sources "
                      "WHERE source_id = ?")
                      .bind(1, sourceId),
                  readLink);
}

void StudyRows::eachLink(const std::function<void(const StudyLinkRow&)>& f) {
  eachRow(st_("SELECT source_id, study_id, matched_by FROM study_sources ORDER BY source_id"),
          readLink, f);
}

void StudyRows::eachPaper(const std::function<void(const PaperRow&)>& f) {
  eachRow(
      st_("SELECT s.id, s.name, l.study_id, l.matched_by FROM sources s "
          "LEFT JOIN study_sources l ON l.source_id = s.id WHERE s.format = 'pdf' "
          "ORDER BY s.name, s.id"),
      [](const sql::Stmt& s) {
        return PaperRow{s.i64("id"), s.str("name"), s.optI64("study_id"),
                        s.optStr("matched_by").value_or("")};
      },
      f);
}

std::vector<std::string> StudyRows::attributeNames() {
  std::vector<std::string> out;
  eachRow(
      st_("SELECT DISTINCT name FROM study_attributes ORDER BY name"),
      [](const sql::Stmt& s) { return s.str("name"); },
      [&out](std::string n) { out.push_back(std::move(n)); });
  return out;
}

void StudyRows::eachValue(
    const std::string& attribute,
    const std::function<void(std::int64_t studyId, const std::string& value)>& f) {
  eachRow(
      st_("SELECT id, value FROM (SELECT s.id, nullif(CASE ?1 WHEN 'study' THEN s.key "
          "ELSE a.value END, '') AS value FROM studies s LEFT JOIN study_attributes a "
          "ON a.study_id = s.id AND a.name = ?1) WHERE value IS NOT NULL")
          .bind(1, attribute),
      [](const sql::Stmt& s) { return std::pair(s.i64("id"), s.str("value")); },
      [&f](const std::pair<std::int64_t, std::string>& v) { f(v.first, v.second); });
}

}  // namespace cmoc::store

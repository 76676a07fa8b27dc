#include "theory_rows.h"

namespace cmoc::store {

namespace {

constexpr const char* kVersionColumns =
    "SELECT id, guid, name, memo, coder, created_at, cmoc_count, link_count FROM theory_versions";

TheoryVersionRow readVersion(const sql::Stmt& st) {
  TheoryVersionRow r;
  r.id = st.i64("id");
  r.guid = st.str("guid");
  r.name = st.str("name");
  r.memo = st.str("memo");
  r.coder = st.str("coder");
  r.createdAt = st.str("created_at");
  r.cmocCount = st.i64("cmoc_count");
  r.linkCount = st.i64("link_count");
  return r;
}

}  // namespace

std::vector<TheoryVersionRow> TheoryRows::versions() {
  sql::Stmt st(db_, std::string(kVersionColumns) + " ORDER BY id");
  std::vector<TheoryVersionRow> rows;
  while (st.step()) rows.push_back(readVersion(st));
  return rows;
}

std::optional<TheoryVersionRow> TheoryRows::one(const std::string& where,
                                                const std::string& value) {
  sql::Stmt st(db_, std::string(kVersionColumns) + " WHERE " + where + " = ?");
  st.bind(1, value);
  if (!st.step()) return std::nullopt;
  return readVersion(st);
}

// Integer affinity turns the bound text into the number `id` compares with.
std::optional<TheoryVersionRow> TheoryRows::byId(std::int64_t id) {
  return one("id", std::to_string(id));
}

std::optional<TheoryVersionRow> TheoryRows::byName(const std::string& name) {
  return one("name", name);
}

std::optional<TheoryVersionRow> TheoryRows::byGuid(const std::string& guid) {
  return one("guid", guid);
}

std::int64_t TheoryRows::insertVersion(const TheoryVersionRow& r) {
  sql::Stmt st(db_,
               "INSERT INTO theory_versions(guid, name, memo, coder, created_at, cmoc_count, "
               "link_count) VALUES (?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, r.guid).bind(2, r.name).bind(3, r.memo).bind(4, r.coder).bind(5, r.createdAt);
  st.bind(6, r.cmocCount).bind(7, r.linkCount).run();
  return db_.lastInsertId();
}

void TheoryRows::insertCmocs(std::int64_t version, const std::vector<TheoryCmocRow>& rows) {
  sql::Stmt st(db_, R"(
    INSERT INTO theory_cmocs(version_id, cmoc_guid, cmoc_id, label, status, prior_guid,
                             context_guid, context_path, mechanism_guid, mechanism_path,
                             outcome_guid, outcome_path, excerpts, sources)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))");
  for (const TheoryCmocRow& r : rows) {
    st.bind(1, version).bind(2, r.cmocGuid).bind(3, r.cmocId).bind(4, r.label).bind(5, r.status);
    st.bind(6, r.priorGuid).bind(7, r.contextGuid).bind(8, r.contextPath);
    st.bind(9, r.mechanismGuid).bind(10, r.mechanismPath).bind(11, r.outcomeGuid);
    st.bind(12, r.outcomePath).bind(13, r.excerpts).bind(14, r.sources).run();
    st.reset();
  }
}

void TheoryRows::insertLinks(std::int64_t version, const std::vector<TheoryLinkRow>& rows) {
  sql::Stmt st(db_, "INSERT INTO theory_links(version_id, from_guid, to_guid) VALUES (?, ?, ?)");
  for (const TheoryLinkRow& r : rows) {
    st.bind(1, version).bind(2, r.fromGuid).bind(3, r.toGuid).run();
    st.reset();
  }
}

std::vector<TheoryCmocRow> TheoryRows::cmocs(std::int64_t version) {
  sql::Stmt st(db_, R"(
    SELECT cmoc_guid, cmoc_id, label, status, prior_guid, context_guid, context_path,
           mechanism_guid, mechanism_path, outcome_guid, outcome_path, excerpts, sources
    FROM theory_cmocs WHERE version_id = ? ORDER BY cmoc_id)");
  st.bind(1, version);
  // Column positions are looked up once: by name per row cost more than the rest of a diff.
  const int guid = st.column("cmoc_guid"), id = st.column("cmoc_id"), label = st.column("label"),
            status = st.column("status"), prior = st.column("prior_guid"),
            cGuid = st.column("context_guid"), cPath = st.column("context_path"),
            mGuid = st.column("mechanism_guid"), mPath = st.column("mechanism_path"),
            oGuid = st.column("outcome_guid"), oPath = st.column("outcome_path"),
            excerpts = st.column("excerpts"), sources = st.column("sources");
  std::vector<TheoryCmocRow> rows;
  while (st.step())
    rows.push_back({st.str(guid), st.i64(id), st.str(label), st.str(status), st.str(prior),
                    st.str(cGuid), st.str(cPath), st.str(mGuid), st.str(mPath), st.str(oGuid),
                    st.str(oPath), st.i64(excerpts), st.i64(sources)});
  return rows;
}

std::vector<TheoryLinkRow> TheoryRows::links(std::int64_t version) {
  sql::Stmt st(db_,
               "SELECT from_guid, to_guid FROM theory_links WHERE version_id = ? "
               "ORDER BY from_guid, to_guid");
  st.bind(1, version);
  std::vector<TheoryLinkRow> rows;
  while (st.step()) rows.push_back({st.str("from_guid"), st.str("to_guid")});
  return rows;
}

}  // namespace cmoc::store

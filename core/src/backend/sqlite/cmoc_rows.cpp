#include "cmoc_rows.h"

namespace cmoc::store {

namespace {

constexpr const char* kCmocs =
    "SELECT id, guid, context_code_id, mechanism_code_id, outcome_code_id, status, prior_cmoc_id, "
    "label, memo, coder_id, created_at, modified_at FROM cmocs";
constexpr const char* kLinks =
    "SELECT id, guid, from_cmoc_id, to_cmoc_id, memo, created_at FROM cmoc_links";

CmocLinkRow readLink(const sql::Stmt& st) {
  return {st.i64("id"),         st.str("guid"), st.i64("from_cmoc_id"),
          st.i64("to_cmoc_id"), st.str("memo"), st.str("created_at")};
}

}  // namespace

CmocRow readCmocRow(const sql::Stmt& st) {
  CmocRow r;
  r.id = st.i64("id");
  r.guid = st.str("guid");
  r.contextCodeId = st.i64("context_code_id");
  r.mechanismCodeId = st.i64("mechanism_code_id");
  r.outcomeCodeId = st.i64("outcome_code_id");
  r.status = st.str("status");
  r.priorCmocId = st.optI64("prior_cmoc_id");
  r.label = st.str("label");
  r.memo = st.str("memo");
  r.coderId = st.i64("coder_id");
  r.createdAt = st.str("created_at");
  r.modifiedAt = st.str("modified_at");
  return r;
}

void CmocRows::each(const std::function<void(const CmocRow&)>& f) {
  eachRow(st_(std::string(kCmocs) + " ORDER BY id"), readCmocRow, f);
}

std::optional<CmocRow> CmocRows::byId(std::int64_t id) {
  return firstRow(st_(std::string(kCmocs) + " WHERE id = ?").bind(1, id), readCmocRow);
}

bool CmocRows::exists(std::int64_t id) {
  return firstI64(st_("SELECT 1 FROM cmocs WHERE id = ?").bind(1, id)).has_value();
}

std::optional<std::int64_t> CmocRows::priorOf(std::int64_t id) {
  return firstRow(st_("SELECT prior_cmoc_id FROM cmocs WHERE id = ?").bind(1, id),
                  [](const sql::Stmt& s) { return s.optI64("prior_cmoc_id"); })
      .value_or(std::nullopt);
}

std::optional<std::int64_t> CmocRows::idOfGuid(const std::string& guid) {
  return firstI64(st_("SELECT id FROM cmocs WHERE guid = ?").bind(1, guid));
}

std::int64_t CmocRows::nextId() {
  return *firstI64(st_("SELECT ifnull(max(id), 0) + 1 FROM cmocs"));
}

std::int64_t CmocRows::insert(const CmocRow& r, std::optional<std::int64_t> id) {
  // A NULL id is SQLite's cue to choose one, so one statement serves both.
  sql::Stmt& st = st_(
      "INSERT INTO cmocs(id, guid, context_code_id, mechanism_code_id, outcome_code_id, status, "
      "prior_cmoc_id, label, memo, coder_id, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?)");
  st.bind(1, id).bind(2, r.guid).bind(3, r.contextCodeId).bind(4, r.mechanismCodeId);
  st.bind(5, r.outcomeCodeId).bind(6, r.status).bind(7, r.priorCmocId).bind(8, r.label);
  st.bind(9, r.memo).bind(10, r.coderId).bind(11, r.createdAt).bind(12, r.modifiedAt).run();
  return st_.db().lastInsertId();
}

void CmocRows::setPrior(std::int64_t id, std::optional<std::int64_t> prior) {
  st_("UPDATE cmocs SET prior_cmoc_id = ? WHERE id = ?").bind(1, prior).bind(2, id).run();
}

void CmocRows::setPriorIfNone(std::int64_t id, std::int64_t prior) {
  st_("UPDATE cmocs SET prior_cmoc_id = ? WHERE id = ? AND prior_cmoc_id IS NULL")
      .bind(1, prior)
      .bind(2, id)
      .run();
}

void CmocRows::update(const CmocRow& r) {
  sql::Stmt& st = st_(
      "UPDATE cmocs SET context_code_id = ?, mechanism_code_id = ?, outcome_code_id = ?, "
      "status = ?, prior_cmoc_id = ?, label = ?, memo = ?, modified_at = ? WHERE id = ?");
  st.bind(1, r.contextCodeId).bind(2, r.mechanismCodeId).bind(3, r.outcomeCodeId);
  st.bind(4, r.status).bind(5, r.priorCmocId).bind(6, r.label).bind(7, r.memo);
  st.bind(8, r.modifiedAt).bind(9, r.id).run();
}

void CmocRows::touch(std::int64_t id, const std::string& modifiedAt) {
  st_("UPDATE cmocs SET modified_at = ? WHERE id = ?").bind(1, modifiedAt).bind(2, id).run();
}

void CmocRows::remove(std::int64_t id) {
  for (const char* sql : {"DELETE FROM cmoc_evidence WHERE cmoc_id = ?1",
                          "DELETE FROM cmoc_links WHERE from_cmoc_id = ?1 OR to_cmoc_id = ?1",
                          "UPDATE cmocs SET prior_cmoc_id = NULL WHERE prior_cmoc_id = ?1",
                          "DELETE FROM cmocs WHERE id = ?1"})
    st_(sql).bind(1, id).run();
}

std::int64_t CmocRows::replaceCode(std::int64_t from, std::int64_t into,
                                   const std::string& modifiedAt) {
  std::int64_t slots = 0;
  for (const char* slot : {"context", "mechanism", "outcome"}) {
    st_(std::string("UPDATE cmocs SET ") + slot + "_code_id = ?, modified_at = ? WHERE " + slot +
        "_code_id = ?")
        .bind(1, into)
        .bind(2, modifiedAt)
        .bind(3, from)
        .run();
    slots += st_.db().changes();
  }
  return slots;
}

std::vector<EvidenceRow> CmocRows::evidenceOf(std::int64_t cmocId) {
  std::vector<EvidenceRow> out;
  eachRow(
      st_("SELECT slot, coding_id FROM cmoc_evidence WHERE cmoc_id = ? ORDER BY slot, "
          "coding_id")
          .bind(1, cmocId),
      [](const sql::Stmt& s) {
        return EvidenceRow{s.str("slot"), s.i64("coding_id")};
      },
      [&](EvidenceRow e) { out.push_back(std::move(e)); });
  return out;
}

bool CmocRows::addEvidence(std::int64_t cmocId, const EvidenceRow& e) {
  return insertedRow(
      st_("INSERT OR IGNORE INTO cmoc_evidence(cmoc_id, slot, coding_id) VALUES (?, ?, ?)")
          .bind(1, cmocId)
          .bind(2, e.slot)
          .bind(3, e.codingId));
}

bool CmocRows::removeEvidence(std::int64_t cmocId, const EvidenceRow& e) {
  st_("DELETE FROM cmoc_evidence WHERE cmoc_id = ? AND slot = ? AND coding_id = ?")
      .bind(1, cmocId)
      .bind(2, e.slot)
      .bind(3, e.codingId)
      .run();
  return st_.db().changes() > 0;
}

void CmocRows::carryEvidence(std::int64_t fromCodingId, std::int64_t toCodingId) {
  st_("INSERT OR IGNORE INTO cmoc_evidence(cmoc_id, slot, coding_id) "
      "SELECT cmoc_id, slot, ? FROM cmoc_evidence WHERE coding_id = ?")
      .bind(1, toCodingId)
      .bind(2, fromCodingId)
      .run();
}

void CmocRows::eachLink(const std::function<void(const CmocLinkRow&)>& f) {
  eachRow(st_(std::string(kLinks) + " ORDER BY id"), readLink, f);
}

std::optional<CmocLinkRow> CmocRows::linkById(std::int64_t id) {
  return firstRow(st_(std::string(kLinks) + " WHERE id = ?").bind(1, id), readLink);
}

std::optional<std::int64_t> CmocRows::linkIdOfGuid(const std::string& guid) {
  return firstI64(st_("SELECT id FROM cmoc_links WHERE guid = ?").bind(1, guid));
}

std::optional<std::int64_t> CmocRows::insertLinkIfNew(const CmocLinkRow& r) {
  sql::Stmt& st = st_(
      "INSERT OR IGNORE INTO cmoc_links(guid, from_cmoc_id, to_cmoc_id, memo, created_at) VALUES "
      "(?, ?, ?, ?, ?)");
  st.bind(1, r.guid).bind(2, r.fromCmocId).bind(3, r.toCmocId).bind(4, r.memo);
  if (!insertedRow(st.bind(5, r.createdAt))) return std::nullopt;
  return st_.db().lastInsertId();
}

std::int64_t CmocRows::linkCountOf(std::int64_t cmocId) {
  return *firstI64(
      st_("SELECT count(*) FROM cmoc_links WHERE from_cmoc_id = ?1 OR to_cmoc_id = ?1")
          .bind(1, cmocId));
}

std::optional<std::string> CmocRows::linkGuidBetween(std::int64_t from, std::int64_t to) {
  return firstRow(
      st_("SELECT guid FROM cmoc_links WHERE from_cmoc_id = ? AND to_cmoc_id = ?")
          .bind(1, from)
          .bind(2, to),
      [](const sql::Stmt& s) { return s.str("guid"); });
}

void CmocRows::removeLink(std::int64_t from, std::int64_t to) {
  st_("DELETE FROM cmoc_links WHERE from_cmoc_id = ? AND to_cmoc_id = ?")
      .bind(1, from)
      .bind(2, to)
      .run();
}

}  // namespace cmoc::store

#pragma once
// The gateway of CMOC rows: `cmocs`, their `cmoc_evidence` and the chains between them
// (`cmoc_links`). Slots and status are the stored names.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "statements.h"

namespace cmoc::store {

struct CmocRow {
  std::int64_t id = 0;  // ignored by insert
  std::string guid;
  std::int64_t contextCodeId = 0, mechanismCodeId = 0, outcomeCodeId = 0;
  std::string status;
  std::optional<std::int64_t> priorCmocId;
  std::string label, memo;
  std::int64_t coderId = 0;
  std::string createdAt, modifiedAt;
};
// A `cmocs` row read by column name from any SELECT that names its columns so.
CmocRow readCmocRow(const sql::Stmt& st);

struct EvidenceRow {
  std::string slot;
  std::int64_t codingId = 0;
};

struct CmocLinkRow {
  std::int64_t id = 0;  // ignored by insert
  std::string guid;
  std::int64_t fromCmocId = 0, toCmocId = 0;
  std::string memo, createdAt;
};

class CmocRows {
 public:
  explicit CmocRows(const sql::Db& db) : st_(db) {}
  void each(const std::function<void(const CmocRow&)>& f);  // by id
  std::optional<CmocRow> byId(std::int64_t id);
  bool exists(std::int64_t id);
  std::optional<std::int64_t> idOfGuid(const std::string& guid);
  std::optional<std::int64_t> priorOf(std::int64_t id);  // nullopt also for an unknown CMOC
  // The id SQLite would give the next CMOC, for evidence written before its CMOC (see insert).
  std::int64_t nextId();
  // Inserts as `id` when given (the one nextId said), else under the id SQLite chooses.
  std::int64_t insert(const CmocRow& row, std::optional<std::int64_t> id = std::nullopt);
  void setPrior(std::int64_t id, std::optional<std::int64_t> prior);
  // Sets the prior of a CMOC that has none (an import never replaces the project's).
  void setPriorIfNone(std::int64_t id, std::int64_t prior);
  // Writes the columns an edit changes: slots' codes, status, prior, label, memo, modified_at.
  void update(const CmocRow& row);
  void touch(std::int64_t id, const std::string& modifiedAt);
  // Deletes the CMOC with its evidence and chains, and clears it as other CMOCs' prior. Its
  // children go before it: undo replays deletes in that order, and a cascade would leave the
  // changeset's own deletes of them nothing to find.
  void remove(std::int64_t id);
  // Puts `into` in every slot that holds `from` (a code merge); returns the slots changed.
  std::int64_t replaceCode(std::int64_t from, std::int64_t into, const std::string& modifiedAt);

  std::vector<EvidenceRow> evidenceOf(std::int64_t cmocId);  // by slot, coding
  // False when the CMOC already has that coding in that slot.
  bool addEvidence(std::int64_t cmocId, const EvidenceRow& evidence);
  // False when the CMOC has no such evidence.
  bool removeEvidence(std::int64_t cmocId, const EvidenceRow& evidence);
  // Makes `to` evidence wherever `from` is, before `from` goes as a duplicate of `to`.
  void carryEvidence(std::int64_t fromCodingId, std::int64_t toCodingId);

  void eachLink(const std::function<void(const CmocLinkRow&)>& f);  // by id
  std::optional<CmocLinkRow> linkById(std::int64_t id);
  std::optional<std::int64_t> linkIdOfGuid(const std::string& guid);
  // nullopt when a chain between the two CMOCs exists already (under any GUID).
  std::optional<std::int64_t> insertLinkIfNew(const CmocLinkRow& row);
  std::int64_t linkCountOf(std::int64_t cmocId);  // chains from or to it
  std::optional<std::string> linkGuidBetween(std::int64_t from, std::int64_t to);
  void removeLink(std::int64_t from, std::int64_t to);

 private:
  Statements st_;
};

}  // namespace cmoc::store

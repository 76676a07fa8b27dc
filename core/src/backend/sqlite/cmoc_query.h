#pragma once
// Reading CMOCs as the CMOC commands show them: filtered by a CmocSelection (with their
// coder's name and their prior's GUID), their evidence with each coding's code, source and
// span, chains with the codes they join, the chains the codes suggest, and the coding a bulk
// import's evidence names. Lists stream to a callback; the CMOC files gather what they show.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cmoc_rows.h"
#include "statements.h"

namespace cmoc::store {

// A CmocFilter with its names resolved to ids by the domain. An empty list does not filter;
// codeIds match a CMOC through any of its three slots.
struct CmocSelection {
  std::vector<std::int64_t> mechanismIds, codeIds;
  std::optional<std::string> status;  // the stored name
  std::vector<std::string> coders;
  std::optional<std::int64_t> id;  // one CMOC
};

struct CmocListRow {
  CmocRow cmoc;
  std::string coderName, priorGuid;  // "" for none
};

// A piece of evidence with the coding it cites.
struct CmocEvidenceRow {
  std::int64_t cmocId = 0;
  std::string slot;
  std::int64_t codingId = 0, codeId = 0, sourceId = 0, start = 0, end = 0;
};

// A chain with the code of its first CMOC's outcome and its second's context.
struct CmocLinkView {
  CmocLinkRow link;
  std::int64_t outcomeCodeId = 0, contextCodeId = 0;
};

// Two CMOCs the codes would chain (one's outcome is the other's context) that no link joins.
struct CmocPair {
  std::int64_t from = 0, to = 0, codeId = 0;
};

class CmocQueries {
 public:
  explicit CmocQueries(const sql::Db& db) : db_(db), st_(db) {}
  std::int64_t count(const CmocSelection& sel);
  void each(const CmocSelection& sel, const std::function<void(const CmocListRow&)>& f);  // by id
  // The evidence of the selected CMOCs, by coding id: a covering index, so the codings table is
  // visited in rowid order (in CMOC order it costs ten times as much on 80,000 rows).
  void eachEvidence(const CmocSelection& sel,
                    const std::function<void(const CmocEvidenceRow&)>& f);
  // Every chain, by its CMOCs' ids.
  void eachLinkView(const std::function<void(const CmocLinkView&)>& f);
  std::vector<CmocPair> unlinkedPairs();  // by ids
  // The coding of `sourceId` spanning exactly start-end, preferring one of `codeId`, then one
  // by `coder`, then the oldest; nullopt when none spans it.
  std::optional<std::int64_t> codingSpanning(std::int64_t sourceId, std::int64_t start,
                                             std::int64_t end, std::int64_t codeId,
                                             const std::string& coder);

 private:
  const sql::Db& db_;
  Statements st_;
};

}  // namespace cmoc::store

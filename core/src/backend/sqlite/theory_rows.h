#pragma once
// The gateway of programme-theory versions (`theory_versions`, `theory_cmocs`, `theory_links`,
// schemas/006_theory.sql): the one place that reads and writes them. Rows only go in; the
// schema's triggers refuse any update, and any delete but undo's replay of the snapshot.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sqlite.h"

namespace cmoc::store {

struct TheoryVersionRow {
  std::int64_t id = 0;  // ignored by insert
  std::string guid, name, memo, coder, createdAt;
  std::int64_t cmocCount = 0, linkCount = 0;
};

// Status as its stored name; codes by GUID and path.
struct TheoryCmocRow {
  std::string cmocGuid;
  std::int64_t cmocId = 0;
  std::string label, status, priorGuid;
  std::string contextGuid, contextPath, mechanismGuid, mechanismPath, outcomeGuid, outcomePath;
  std::int64_t excerpts = 0, sources = 0;
};

struct TheoryLinkRow {
  std::string fromGuid, toGuid;
};

class TheoryRows {
 public:
  explicit TheoryRows(const sql::Db& db) : db_(db) {}

  std::vector<TheoryVersionRow> versions();  // oldest first
  std::optional<TheoryVersionRow> byId(std::int64_t id);
  std::optional<TheoryVersionRow> byName(const std::string& name);
  std::optional<TheoryVersionRow> byGuid(const std::string& guid);

  // The version's row, then its CMOCs and links, inside the caller's Action.
  std::int64_t insertVersion(const TheoryVersionRow& row);
  void insertCmocs(std::int64_t version, const std::vector<TheoryCmocRow>& rows);
  void insertLinks(std::int64_t version, const std::vector<TheoryLinkRow>& rows);

  std::vector<TheoryCmocRow> cmocs(std::int64_t version);  // by CMOC id
  std::vector<TheoryLinkRow> links(std::int64_t version);  // by from, then to GUID

 private:
  std::optional<TheoryVersionRow> one(const std::string& where, const std::string& value);
  const sql::Db& db_;
};

}  // namespace cmoc::store

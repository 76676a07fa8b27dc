#pragma once
// The gateways of `cases` and `participants` (their attributes: attribute_rows.h). A case is
// also found by its unique name, a participant by its unique code.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "statements.h"

namespace cmoc::store {

struct CaseRow {
  std::int64_t id = 0;  // ignored by insert
  std::string guid, name;
  std::optional<std::string> caseType, memo;
  std::string createdAt;
};

struct ParticipantRow {
  std::int64_t id = 0;  // ignored by insert
  std::string guid, code;
  bool isInterviewer = false;
  std::optional<std::int64_t> caseId;
  std::optional<std::string> memo;
  std::string createdAt;
};

class CaseRows {
 public:
  explicit CaseRows(const sql::Db& db) : st_(db) {}
  void each(const std::function<void(const CaseRow&)>& f);  // by id
  std::optional<CaseRow> byId(std::int64_t id);
  std::optional<std::int64_t> idOfGuid(const std::string& guid);
  std::optional<std::int64_t> idOfName(const std::string& name);
  std::int64_t insert(const CaseRow& row);

 private:
  Statements st_;
};

class ParticipantRows {
 public:
  explicit ParticipantRows(const sql::Db& db) : st_(db) {}
  void each(const std::function<void(const ParticipantRow&)>& f);  // by id
  std::optional<ParticipantRow> byId(std::int64_t id);
  std::optional<std::int64_t> idOfGuid(const std::string& guid);
  std::optional<std::int64_t> idOfCode(const std::string& code);
  std::int64_t insert(const ParticipantRow& row);

 private:
  Statements st_;
};

}  // namespace cmoc::store

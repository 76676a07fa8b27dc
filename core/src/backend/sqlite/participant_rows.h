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

struct ParticipantWithCase {
  std::int64_t id = 0;
  std::string guid, code;
  bool isInterviewer = false;
  std::string caseName, caseType;
};

class CaseRows {
 public:
  explicit CaseRows(const sql::Db& db) : st_(db) {}
  void each(const std::function<void(const CaseRow&)>& f);  // by id
  std::optional<CaseRow> byId(std::int64_t id);
  std::optional<std::int64_t> idOfGuid(const std::string& guid);
  std::optional<std::int64_t> idOfName(const std::string& name);
  std::int64_t insert(const CaseRow& row);
  // The case named `name`, made if new; a non-empty `caseType` replaces the one it had.
  std::int64_t upsert(const std::string& name, const std::string& caseType, const std::string& guid,
                      const std::string& now);
  // The case type of participant `participantId`'s case ("" clears it).
  void setTypeOfCaseOf(std::int64_t participantId, const std::string& caseType);

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
  // The participant with `code`, made if new; its interviewer flag is set and a case, if given,
  // replaces its case.
  std::int64_t upsert(const std::string& code, bool interviewer, std::optional<std::int64_t> caseId,
                      const std::string& guid, const std::string& now);
  void setInterviewer(std::int64_t id, bool interviewer);
  void setCase(std::int64_t id, std::optional<std::int64_t> caseId);
  // Every participant (or the one with `code`) with its case's name and type ("" for none).
  void eachWithCase(std::optional<std::string> code,
                    const std::function<void(const ParticipantWithCase&)>& f);
  // Deletes the participant and its attributes (its speakers and sources: SpeakerRows,
  // SourceRows unlink them first).
  void remove(std::int64_t id);

 private:
  Statements st_;
};

}  // namespace cmoc::store

#pragma once
// Reading codings as the coding commands show them (with their source's and coder's names),
// filtered by a CodingSelection, and counting them. Rows stream to a callback, so listing a
// million codings takes the memory of one (issue 21, finding 10).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "coding_rows.h"
#include "statements.h"

namespace cmoc::store {

// A CodingFilter with its names resolved to ids by the domain. An empty list does not filter.
// Participant and attribute filters look at the speaker of the turn where a coding starts,
// falling back to the source's main participant.
struct CodingSelection {
  std::vector<std::int64_t> codeIds, sourceIds;
  std::vector<std::int64_t> codingIds;  // any number: passed as one JSON parameter
  std::vector<std::string> coders, participants;
  std::vector<std::pair<std::string, std::string>> attributes;  // name = value
};

struct CodingListRow {
  CodingRow coding;
  std::string sourceName, coderName;
  std::optional<std::int64_t> sourceParticipantId;  // the source's main participant
};

enum class CodingOrder {
  BySourceName,        // source name, start, end, id
  BySourceNameThenId,  // source name, source id (namesakes never interleave), start, end, id
};

// A coding's code, source, start and the source's main participant: what the matrix tallies.
struct CodingStart {
  std::int64_t codeId = 0, sourceId = 0, start = 0;
  std::optional<std::int64_t> sourceParticipantId;
};

// Codings counted per code or per source (`id` is the code's or the source's).
struct CodingTally {
  std::int64_t id = 0, codings = 0, sources = 0;
};
enum class CodingGroup { Code, Source };

// A participant as an attribution names them: their code, their `role` attribute, and their
// case (the case's name, else their `case` attribute); "" when absent.
struct AttributedRow {
  std::int64_t participantId = 0;
  std::string code, role, caseName;
};

class CodingQueries {
 public:
  explicit CodingQueries(const sql::Db& db) : db_(db), st_(db) {}
  std::optional<CodingListRow> byId(std::int64_t id);
  void each(const CodingSelection& sel, CodingOrder order,
            const std::function<void(const CodingListRow&)>& f);
  // By source id, for reading each source's turns once.
  void eachStart(const CodingSelection& sel, const std::function<void(const CodingStart&)>& f);
  std::vector<CodingTally> countPer(const CodingSelection& sel, CodingGroup group);
  // Codings per coder name, most first, then by name.
  std::vector<std::pair<std::string, std::int64_t>> perCoder();
  // Every participant with what an excerpt's attribution line quotes.
  void eachAttributed(const std::function<void(const AttributedRow&)>& f);

 private:
  const sql::Db& db_;
  Statements st_;
};

}  // namespace cmoc::store

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
#include "coding_selection.h"
#include "statements.h"

namespace cmoc::store {

struct CodingListRow {
  CodingRow coding;
  std::string sourceName, coderName;
  std::optional<std::int64_t> sourceParticipantId;  // the source's main participant
};

enum class CodingOrder {
  BySourceName,        // source name, start, end, id
  BySourceNameThenId,  // source name, source id (namesakes never interleave), start, end, id
  ById,                // as they were made: the order their audit entries are written in
};

// What makes a coding a twin of a selected one: the same source and span, and this code and
// coder (the selected coding's own when nullopt). Merging a code or accepting auto codings
// would otherwise leave two identical codings that count twice.
struct TwinOf {
  std::optional<std::int64_t> codeId, coderId;
};
struct CodingTwin {
  std::int64_t id = 0, twinId = 0;  // twinId: the first (lowest id) twin
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
  // The selected codings that have a twin, by id.
  std::vector<CodingTwin> twins(const CodingSelection& sel, const TwinOf& of);
  // Codings per coder name, most first, then by name.
  std::vector<std::pair<std::string, std::int64_t>> perCoder();
  // Every participant with what an excerpt's attribution line quotes.
  void eachAttributed(const std::function<void(const AttributedRow&)>& f);

 private:
  const sql::Db& db_;
  Statements st_;
};

}  // namespace cmoc::store

#pragma once
// What the code x attribute matrix reads besides codings (coding_query.h): the attribute names
// in use, each participant's value of one attribute, and who speaks each turn of a source.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "statements.h"

namespace cmoc::store {

// A participant's value of the matrix's attribute. `case` and `case_type` come from the
// participant's case, falling back to the sheet's columns of those names; `participant` is
// their code; other attributes come from the participant, else from the case.
struct ParticipantValue {
  std::int64_t participantId = 0;
  bool isInterviewer = false;
  std::string value;
};

// One turn of a source and the participant who speaks it, if known.
struct TurnOwner {
  std::int64_t start = 0, end = 0;
  std::optional<std::int64_t> participant;
};

class MatrixQueries {
 public:
  explicit MatrixQueries(const sql::Db& db) : st_(db) {}
  // Participant and case attribute names, by name, each once.
  std::vector<std::string> attributeNames();
  // Participants with a non-empty value of `attribute`.
  void eachValue(const std::string& attribute,
                 const std::function<void(const ParticipantValue&)>& f);
  // A source's turns by start (the statement is kept: asked once per source).
  std::vector<TurnOwner> turnOwners(std::int64_t sourceId);

 private:
  Statements st_;
};

}  // namespace cmoc::store

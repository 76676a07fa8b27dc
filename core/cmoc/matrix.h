#pragma once
// A code x attribute matrix: how often each code was applied, and in how many sources, per
// value of a participant or case attribute (e.g. per case type, role or interview phase).
// The participant of a coding is the speaker of the turn where it starts, else the source's
// main participant.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cmoc {

class Project;

// The column for codings whose participant is unknown or lacks the attribute.
inline constexpr const char* kNoAttributeValue = "(none)";

struct MatrixRequest {
  // A participant attribute (role, region, phase ...), `case`, `case_type` or `participant`; or
  // a study attribute (country, design ...) or `study`, which a paper linked to a study takes.
  std::string attribute;
  std::vector<std::string> codes;     // rows, by name or path; empty: every code
  std::optional<std::string> parent;  // rows: this code's children (not with `codes`)
  bool withChildCodes = false;        // a row also counts its descendants' codings
  std::vector<std::string> coders;    // only these coders' codings; empty: everyone's
};

struct MatrixCell {
  std::int64_t codings = 0;
  std::int64_t sources = 0;  // distinct sources
};

struct MatrixRow {
  std::int64_t codeId = 0;
  std::string codePath;
  std::vector<MatrixCell> cells;  // one per column
  MatrixCell total;               // over all columns (sources counted once)
};

struct CodeMatrix {
  std::string attribute;
  // Values held by interviewees, plus any value that has codings, in natural order;
  // kNoAttributeValue last when some coding has no value.
  std::vector<std::string> columns;
  std::vector<MatrixRow> rows;
};

// Throws NotFound for an unknown code and UsageError for an attribute no participant or case
// has (the message lists the known ones).
CodeMatrix codeAttributeMatrix(const Project& project, const MatrixRequest& request);

// Every value participants hold for `attribute` (directly or through their case), in the
// matrix's column order (numbers as numbers): what a filter on the attribute can choose. Reads
// participants only, never codings. Throws UsageError like codeAttributeMatrix.
std::vector<std::string> attributeValues(const Project& project, const std::string& attribute);

}  // namespace cmoc

#pragma once
// Where the evidence disagrees (issue 11): CMOCs that share a context and a mechanism but differ
// in outcome, and each refuting CMOC beside the CMOC it refutes (its prior), each with its
// evidence quoted and the sources behind it. Grouped by mechanism with the contexts the pairs
// sit in, because the researcher's next question is "is it a different context?".
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cmoc/cmoc_table.h"
#include "cmoc/cmocs.h"
#include "cmoc/coding.h"
#include "cmoc/grouped_report.h"
#include "cmoc/report_table.h"

namespace cmoc {

class Project;

enum class ContradictionKind { Refutes, DifferentOutcome };
std::string_view toString(ContradictionKind kind);  // "refutes", "different outcome"

struct ContradictionSide {
  Cmoc cmoc;
  std::vector<CmocQuote> quotes;     // its evidence, each coding once, context slot first
  std::vector<std::string> sources;  // the sources behind the evidence, by name
};

struct Contradiction {
  ContradictionKind kind = ContradictionKind::DifferentOutcome;
  ContradictionSide cmoc;   // the refuting CMOC; of two with different outcomes, the lower id
  ContradictionSide other;  // the CMOC it refutes; the higher id
  bool sameContext() const { return cmoc.cmoc.context.codeId == other.cmoc.context.codeId; }
};

struct MechanismContradictions {
  std::string mechanism;              // the code's path: the mechanism of `cmoc` in each pair
  std::vector<std::string> contexts;  // the contexts of both sides by name, each once, sorted
  std::vector<Contradiction> pairs;   // by (cmoc, other) id
};

struct Contradictions {
  std::vector<MechanismContradictions> mechanisms;  // by mechanism path
  std::size_t refutations = 0, differentOutcomes = 0;
  // "3 contradictions under 2 mechanisms: 1 refutation, 2 pairs with different outcomes", or
  // "no contradictions".
  std::string summary() const;
};

// A pair is listed once: as a refutation when one refutes the other, even if their outcomes
// differ too. `excerpts` holds the evidence by coding id (Cmocs::evidenceExcerpts); evidence
// missing from it is left out of the quotes.
Contradictions findContradictions(const std::vector<Cmoc>& cmocs,
                                  const std::map<std::int64_t, Excerpt>& excerpts);
// Every CMOC of the project, through Cmocs::list and Cmocs::evidenceExcerpts.
Contradictions findContradictions(Project& project);

// One row per pair: mechanism (path), kind, same context (yes/no), then cmoc, context, outcome
// (names, as CMOC tables give them), status, evidence, sources for each side (the second
// side's columns prefixed "against").
ReportTable contradictionsTable(const Contradictions& contradictions);
// The same per mechanism (a section each, its contexts in the summary line), under a title and
// the summary; says so plainly when there are none.
GroupedReport contradictionsReport(const Contradictions& contradictions);

}  // namespace cmoc

// Contradictions (contradictions.h) laid out as report tables: both sides of each pair in one
// row, so the evidence for and against reads side by side.
#include "cmoc/contradictions.h"

namespace cmoc {

namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "context: “text” (19; director; alliance 2)", one a line.
std::string evidenceCell(const ContradictionSide& side) {
  std::vector<std::string> lines;
  for (const CmocQuote& q : side.quotes)
    lines.push_back(std::string(toString(q.slot)) + ": " + quoteLine(q));
  return joined(lines, "\n");
}

void addSide(std::vector<Cell>& row, const ContradictionSide& side) {
  row.insert(row.end(), {side.cmoc.id, side.cmoc.context.code, side.cmoc.outcome.code,
                         std::string(toString(side.cmoc.status)), evidenceCell(side),
                         joined(side.sources, "; ")});
}

std::vector<std::string> columns(bool withMechanism) {
  std::vector<std::string> c;
  if (withMechanism) c.push_back("mechanism");
  c.insert(c.end(), {"kind", "same context"});
  for (const char* prefix : {"", "against "})
    for (const char* name : {"cmoc", "context", "outcome", "status", "evidence", "sources"})
      c.push_back(std::string(prefix) + name);
  return c;
}

void addRows(ReportTable& t, const MechanismContradictions& g, bool withMechanism) {
  for (const Contradiction& p : g.pairs) {
    std::vector<Cell> row;
    if (withMechanism) row.push_back(g.mechanism);
    row.insert(row.end(), {std::string(toString(p.kind)), p.sameContext()});
    addSide(row, p.cmoc);
    addSide(row, p.other);
    t.add(std::move(row));
  }
}

}  // namespace

ReportTable contradictionsTable(const Contradictions& c) {
  ReportTable t{columns(true), {}};
  for (const MechanismContradictions& g : c.mechanisms) addRows(t, g, true);
  return t;
}

GroupedReport contradictionsReport(const Contradictions& c) {
  GroupedReport r;
  r.title = "Where the evidence disagrees";
  r.intro.push_back(
      "CMOCs that share a context and a mechanism but differ in outcome, and each refuting CMOC "
      "beside the CMOC it refutes, with the evidence of both; by mechanism, with the contexts "
      "each mechanism's pairs sit in.");
  if (!c.mechanisms.empty()) r.intro.push_back("In all: " + c.summary() + ".");
  r.none =
      "No contradictions: no CMOC refutes another, and no two CMOCs with the same context and "
      "mechanism differ in outcome.";
  for (const MechanismContradictions& g : c.mechanisms) {
    ReportSection& s = r.sections.emplace_back();
    s.heading = g.mechanism;
    std::size_t refutations = 0;
    for (const Contradiction& p : g.pairs) refutations += p.kind == ContradictionKind::Refutes;
    const std::size_t different = g.pairs.size() - refutations;
    std::vector<std::string> counts;
    if (refutations) counts.push_back(plural(refutations, "refutation", "refutations"));
    if (different) counts.push_back(plural(different, "pair", "pairs") + " with different outcomes");
    s.summary = "Contexts: " + joined(g.contexts, "; ") + ". " + joined(counts, ", ") + ".";
    s.table.columns = columns(false);
    addRows(s.table, g, false);
  }
  return r;
}

}  // namespace cmoc

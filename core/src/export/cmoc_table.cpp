// The CMOC table from demiregularities() plus one excerpt query for every quote.
#include "cmoc/cmoc_table.h"

#include <set>

#include "cmoc/cmoc_text.h"
#include "cmoc/pseudonymise.h"

namespace cmoc {

namespace {

std::string plural(std::int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::size_t CmocTable::rowCount() const {
  std::size_t n = 0;
  for (const CmocTableGroup& g : groups) n += g.rows.size();
  return n;
}

CmocTable buildCmocTable(Project& project, const CmocTableOptions& options) {
  std::vector<Demiregularity> demis = demiregularities(project, options.demi);
  std::vector<Cmoc> all;
  for (const Demiregularity& d : demis)
    for (const DemiCmoc& c : d.cmocs) all.push_back(c.cmoc);
  const std::map<std::int64_t, Excerpt> excerpts = Cmocs(project).evidenceExcerpts(all, 0);
  std::optional<Pseudonymiser> names;
  if (options.pseudonymise) names = Pseudonymiser::forProject(project);
  auto clean = [&](std::string text) { return names ? names->apply(text) : text; };

  CmocTable table;
  table.threshold = options.demi.threshold;
  table.pseudonymised = options.pseudonymise;
  for (Demiregularity& d : demis) {
    CmocTableGroup& g = table.groups.emplace_back();
    g.mechanism = d.mechanism;
    g.mechanismPath = d.mechanismPath;
    g.excerpts = d.excerpts;
    g.sources = d.sources;
    g.failing = d.failing;
    g.participants = d.participants;
    g.caseTypes = d.caseTypes;
    for (const DemiCmoc& dc : d.cmocs) {
      const Cmoc& c = dc.cmoc;
      CmocTableRow& r = g.rows.emplace_back();
      r.id = c.id;
      r.context = c.context.code;
      r.mechanism = c.mechanism.code;
      r.outcome = c.outcome.code;
      r.status = c.status;
      r.priorId = c.priorId;
      r.label = clean(c.label);
      r.statement = actionStatement(c);
      r.excerpts = dc.excerpts;
      r.sources = dc.sources;
      r.participants = dc.participants;
      r.failsRule = dc.failsRule;
      std::set<std::int64_t> quoted;
      for (Slot s : {Slot::Context, Slot::Mechanism, Slot::Outcome})
        for (const Evidence& e : c.slot(s).evidence) {
          if (!quoted.insert(e.codingId).second) continue;
          auto x = excerpts.find(e.codingId);
          if (x == excerpts.end()) continue;
          r.quotes.push_back({s, clean(oneLine(x->second.text)), clean(x->second.attribution)});
        }
    }
  }
  return table;
}

std::string ruleCell(const CmocTableRow& row, int threshold) {
  if (!row.failsRule) return "ok";
  return "fails: " + plural(row.sources, "source", "sources") + " (needs " +
         std::to_string(threshold) + ")";
}

std::string oneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string quoteLine(const CmocQuote& quote) {
  return "\u201C" + quote.text + "\u201D (" + quote.attribution + ")";
}

std::string quoteLines(const CmocTableRow& row) {
  std::string out;
  for (const CmocQuote& q : row.quotes) out += (out.empty() ? "" : "\n") + quoteLine(q);
  return out;
}

std::string groupSummary(const CmocTableGroup& g) {
  std::string s = plural(static_cast<std::int64_t>(g.rows.size()), "CMOC", "CMOCs") + "; " +
                  plural(g.excerpts, "excerpt", "excerpts") + "; " +
                  plural(g.sources, "source", "sources") + "; " +
                  plural(static_cast<std::int64_t>(g.participants.size()), "participant",
                         "participants");
  if (g.failing > 0) s += "; " + std::to_string(g.failing) + " failing the multiple-sources rule";
  return s;
}

}  // namespace cmoc

// If-then-because action statements in Markdown, one list per mechanism: the form programme
// theories are written in for a report's findings section.
#include "cmoc/cmoc_table_export.h"
#include "cmoc/escape.h"

namespace cmoc {

std::string statementsMarkdown(const CmocTable& table, std::string_view title) {
  std::string out = "# " + std::string(title) + "\n\n";
  out += "Grouped by the mechanism each context activates. A CMOC needs " +
         std::to_string(table.threshold) + " distinct sources (multiple-sources rule).";
  if (table.pseudonymised) out += " Names are replaced by participant codes.";
  out += "\n";
  for (const CmocTableGroup& g : table.groups) {
    out += "\n## " + markdownCell(g.mechanism) + "\n\n*" + markdownCell(groupSummary(g)) + "*\n\n";
    for (const CmocTableRow& r : g.rows) {
      out += "- **" + markdownCell(r.statement) + ".** CMOC " + std::to_string(r.id) + ", " +
             std::string(toString(r.status));
      if (r.priorId) out += " CMOC " + std::to_string(*r.priorId);
      out += "; " + std::to_string(r.excerpts) + " excerpts, " + std::to_string(r.sources) +
             " sources, " + std::to_string(r.participants) + " participants";
      if (r.failsRule) out += "; **" + ruleCell(r, table.threshold) + "**";
      out += "\n";
      for (const CmocQuote& q : r.quotes) out += "  - " + markdownCell(quoteLine(q)) + "\n";
    }
  }
  return out;
}

}  // namespace cmoc

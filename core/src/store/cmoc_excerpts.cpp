// The quotable excerpts of CMOC evidence, through Coding::excerpts so quotes read the same
// (context, attribution) wherever they appear.
#include <set>

#include "cmoc/cmocs.h"
#include "cmoc/project.h"
#include "code_index.h"
#include "project_impl.h"

namespace cmoc {

std::map<std::int64_t, Excerpt> Cmocs::evidenceExcerpts(const std::vector<Cmoc>& cmocs,
                                                        int contextChars) const {
  std::set<std::int64_t> ids, codes, sources;
  for (const Cmoc& c : cmocs)
    for (const CmocSlot* s : {&c.context, &c.mechanism, &c.outcome})
      for (const Evidence& e : s->evidence) {
        ids.insert(e.codingId);
        codes.insert(e.codeId);
        sources.insert(e.sourceId);
      }
  std::map<std::int64_t, Excerpt> out;
  if (ids.empty()) return out;
  // The filter can only say "these codes in these sources", a superset of the evidence; the
  // codings that are not evidence are dropped here.
  const store::CodeIndex index(project_.impl().db);
  CodingFilter filter;
  for (std::int64_t id : codes) filter.codes.push_back(index.entry(id).path);
  for (std::int64_t id : sources) filter.sources.push_back(std::to_string(id));
  for (Excerpt& x : Coding(project_).excerpts(filter, contextChars))
    if (ids.count(x.coding.id)) out.emplace(x.coding.id, std::move(x));
  return out;
}

}  // namespace cmoc

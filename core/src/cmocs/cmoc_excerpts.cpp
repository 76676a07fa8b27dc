// The quotable excerpts of CMOC evidence, through Coding::excerpts (asked for exactly the
// evidence codings) so quotes read the same (context, attribution) wherever they appear.
#include <set>

#include "cmoc/cmocs.h"
#include "cmoc/project.h"

namespace cmoc {

std::map<std::int64_t, Excerpt> Cmocs::evidenceExcerpts(const std::vector<Cmoc>& cmocs,
                                                        int contextChars) const {
  std::set<std::int64_t> ids;
  for (const Cmoc& c : cmocs)
    for (const CmocSlot* s : {&c.context, &c.mechanism, &c.outcome})
      for (const Evidence& e : s->evidence) ids.insert(e.codingId);
  std::map<std::int64_t, Excerpt> out;
  if (ids.empty()) return out;
  CodingFilter filter;
  filter.codingIds.assign(ids.begin(), ids.end());
  for (Excerpt& x : Coding(project_).excerpts(filter, contextChars))
    out.emplace(x.coding.id, std::move(x));
  return out;
}

}  // namespace cmoc

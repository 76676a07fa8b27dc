#include "cmoc/error.h"
#include "coding_shared.h"

namespace cmoc::store {

CodingSelection selectCodings(const sql::Db& db, const CodeIndex& index, const CodingFilter& filter,
                              const std::string& actingCoder) {
  CodingSelection sel;
  for (const std::string& c : filter.codes) {
    const std::int64_t id = index.require(c);
    sel.codeIds.push_back(id);
    if (filter.withChildCodes)
      for (std::int64_t d : index.descendants(id)) sel.codeIds.push_back(d);
  }
  sel.codingIds = filter.codingIds;
  for (const std::string& s : filter.sources) sel.sourceIds.push_back(resolveSource(db, s));
  CoderRows coders(db);
  for (const std::string& name : filter.coders)
    if (!coders.idOfName(name) && name != actingCoder)
      throw NotFound("no coder named '" + name + "'");
  sel.coders = filter.coders;
  sel.participants = filter.participants;
  sel.attributes = filter.attributes;
  return sel;
}

}  // namespace cmoc::store

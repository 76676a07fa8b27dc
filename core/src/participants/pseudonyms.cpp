// The names Pseudonymiser::forProject replaces: every speaker label tied to a participant.
#include "cmoc/pseudonymise.h"
#include "backend/sqlite/project_impl.h"

namespace cmoc {

Pseudonymiser Pseudonymiser::forProject(const Project& project) {
  sql::Stmt st(project.impl().db, R"(
    SELECT DISTINCT k.label, p.code FROM speakers k JOIN participants p ON p.id = k.participant_id
    ORDER BY p.code, k.label)");
  std::vector<Name> names;
  while (st.step()) names.push_back({st.str(0), st.str(1)});
  return Pseudonymiser(names);
}

}  // namespace cmoc

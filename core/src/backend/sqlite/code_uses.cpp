#include "code_uses.h"

namespace cmoc::store {

std::vector<SlotUse> CodeUses::inSlots(const std::vector<std::int64_t>& codeIds) {
  std::vector<SlotUse> out;
  const std::string ids = jsonIds(codeIds);
  for (const char* slot : {"context", "mechanism", "outcome"}) {
    const std::string column = std::string(slot) + "_code_id";
    eachRow(
        st_("SELECT id, " + column + " AS code_id FROM cmocs WHERE " + column +
            " IN (SELECT value FROM json_each(?)) ORDER BY id")
            .bind(1, ids),
        [slot](const sql::Stmt& s) {
          return SlotUse{s.i64("id"), s.i64("code_id"), slot};
        },
        [&out](const SlotUse& u) { out.push_back(u); });
  }
  return out;
}

std::vector<EvidenceUse> CodeUses::asEvidence(const std::vector<std::int64_t>& codeIds) {
  std::vector<EvidenceUse> out;
  eachRow(
      st_("SELECT e.cmoc_id, min(c.code_id) AS code_id FROM cmoc_evidence e JOIN codings c ON "
          "c.id = e.coding_id WHERE c.code_id IN (SELECT value FROM json_each(?)) "
          "GROUP BY e.cmoc_id ORDER BY e.cmoc_id")
          .bind(1, jsonIds(codeIds)),
      [](const sql::Stmt& s) {
        return EvidenceUse{s.i64("cmoc_id"), s.i64("code_id")};
      },
      [&out](const EvidenceUse& u) { out.push_back(u); });
  return out;
}

}  // namespace cmoc::store

#pragma once
// Where codes are in use beyond their codings: the CMOC slots that name them and the CMOCs that
// cite their codings as evidence. What deleting a code must refuse over.
#include <cstdint>
#include <string>
#include <vector>

#include "statements.h"

namespace cmoc::store {

struct SlotUse {
  std::int64_t cmocId = 0, codeId = 0;
  std::string slot;  // context, mechanism or outcome
};

// A CMOC citing a coding of one of the codes (the smallest such code id).
struct EvidenceUse {
  std::int64_t cmocId = 0, codeId = 0;
};

class CodeUses {
 public:
  explicit CodeUses(const sql::Db& db) : st_(db) {}
  // Slot by slot (context, mechanism, outcome), CMOCs by id.
  std::vector<SlotUse> inSlots(const std::vector<std::int64_t>& codeIds);
  std::vector<EvidenceUse> asEvidence(const std::vector<std::int64_t>& codeIds);  // by CMOC

 private:
  Statements st_;
};

}  // namespace cmoc::store

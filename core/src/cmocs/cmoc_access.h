#pragma once
// What the CMOC files share: loading CMOCs in bulk, resolving CMOC references, and the writes
// behind Cmocs::add and Cmocs::link that a bulk import repeats in one Action.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "backend/sqlite/cmoc_query.h"
#include "cmoc/cmocs.h"
#include "codebook/code_index.h"

namespace cmoc::store {

// The selected CMOCs, by id, with their evidence: two reads however many match.
std::vector<Cmoc> loadCmocs(const sql::Db& db, const CodeIndex& index, const CmocSelection& sel);
// A CMOC by numeric id or GUID; throws NotFound.
std::int64_t resolveCmoc(const sql::Db& db, std::string_view idOrGuid);
void requireCmoc(const sql::Db& db, std::int64_t id);  // throws NotFound

class Action;
// The code for a slot (name or path); throws NotFound, or UsageError for a code of another
// realist kind unless forced.
std::int64_t slotCode(const CodeIndex& index, const std::string& code, Slot slot, KindCheck check);
// The writes behind Cmocs::add and Cmocs::link, so a bulk import can make many in one Action.
// insertCmoc takes the slots' code ids from slotCode and returns the new CMOC's id.
std::int64_t insertCmoc(Action& action, const CmocDraft& draft, std::int64_t context,
                        std::int64_t mechanism, std::int64_t outcome);
// Throws NotFound for an unknown CMOC, UsageError for a link to itself or one that exists.
void insertLink(Action& action, std::int64_t from, std::int64_t to, const std::string& memo);

}  // namespace cmoc::store

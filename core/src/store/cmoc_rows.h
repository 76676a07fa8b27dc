#pragma once
// Shared by the CMOC store files: reading CMOCs in bulk and resolving CMOC references.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cmoc/cmocs.h"
#include "code_index.h"
#include "sqlite.h"

namespace cmoc::store {

// CMOCs matching `where` (SQL over `cmocs m JOIN coders k`, starting " WHERE", or empty), by
// id, with their evidence: two queries however many match.
std::vector<Cmoc> loadCmocs(const sql::Db& db, const CodeIndex& index, const std::string& where,
                            const std::function<void(sql::Stmt&)>& bind);
// A CMOC by numeric id or GUID; throws NotFound.
std::int64_t resolveCmoc(const sql::Db& db, std::string_view idOrGuid);
void requireCmoc(const sql::Db& db, std::int64_t id);  // throws NotFound

}  // namespace cmoc::store

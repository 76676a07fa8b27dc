#pragma once
// Shared by the coding store files: resolving sources and coders, checking spans, inserting
// and reading codings, and turning a CodingFilter into SQL.
#include <functional>
#include <string>
#include <string_view>

#include "backend/sqlite/action.h"
#include "backend/sqlite/coder_rows.h"
#include "backend/sqlite/coding_rows.h"
#include "cmoc/coding.h"
#include "codebook/code_index.h"

namespace cmoc::store {

inline constexpr const char* kCodingColumns =
    "c.id, c.guid, c.source_id, s.name, c.code_id, k.name, c.start, c.end, c.memo, c.created_at, "
    "c.modified_at";
inline constexpr const char* kCodingJoins =
    " FROM codings c JOIN sources s ON s.id = c.source_id JOIN coders k ON k.id = c.coder_id";

std::int64_t resolveSource(const sql::Db& db, std::string_view idOrName);  // NotFound
// The coder's id, creating the coder if new; UsageError for an empty name. A caller asking for
// many keeps its CoderRows.
std::int64_t coderId(CoderRows& coders, const std::string& name);
std::int64_t coderId(sql::Db& db, const std::string& name);
// UsageError for empty, inverted or out-of-range spans.
void checkSpan(const sql::Db& db, std::int64_t sourceId, std::int64_t start, std::int64_t end);
// A new coding, made now under a new GUID, inserted through the gateway; returns its id.
std::int64_t insertCoding(CodingRows& codings, std::int64_t sourceId, std::int64_t codeId,
                          std::int64_t coderId, std::int64_t start, std::int64_t end,
                          const std::string& memo);
CodingRecord readCoding(const sql::Stmt& st, const CodeIndex& index);  // kCodingColumns order
std::string codingAuditJson(const CodingRecord& r);

// A WHERE clause (starting " WHERE", or empty) over the aliases in kCodingJoins, and how to
// bind its parameters.
struct CodingQuery {
  std::string where;
  std::function<void(sql::Stmt&)> bind;
};
// A filter coder who is not in the project is NotFound, except `actingCoder`: someone who has
// not coded yet (a second coder working blind) sees an empty list, not an error.
CodingQuery buildCodingQuery(const sql::Db& db, const CodeIndex& index, const CodingFilter& filter,
                             const std::string& actingCoder = {});

}  // namespace cmoc::store

#pragma once
// Shared by the coding files: resolving sources and coders, checking spans, inserting codings,
// reading them as CodingRecords, and turning a CodingFilter into the backend's CodingSelection.
#include <functional>
#include <string>
#include <string_view>

#include "backend/sqlite/action.h"
#include "backend/sqlite/coder_rows.h"
#include "backend/sqlite/coding_query.h"
#include "backend/sqlite/coding_rows.h"
#include "cmoc/coding.h"
#include "codebook/code_index.h"

namespace cmoc::store {

// The columns and joins readCoding reads, for sources/text_edit.cpp until it reads through
// CodingQueries (backend/sqlite/coding_query.h) too.
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

// A filter with its names resolved: codes (with their descendants when asked) and sources to
// ids. A filter coder who is not in the project is NotFound, except `actingCoder`: someone who
// has not coded yet (a second coder working blind) sees an empty list, not an error.
CodingSelection selectCodings(const sql::Db& db, const CodeIndex& index, const CodingFilter& filter,
                              const std::string& actingCoder = {});
CodingRecord toRecord(const CodingListRow& row, const CodeIndex& index);

}  // namespace cmoc::store

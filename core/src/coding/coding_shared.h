#pragma once
// What the coding commands share, and the commands of other concepts that touch codings
// (codebook, auto-coding, agreement, text edits): resolving sources and coders, checking spans,
// inserting codings, codings as CodingRecords and their audit detail, and turning a
// CodingFilter into the backend's CodingSelection.
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
std::string codingAuditJson(const CodingRecord& r);

// A filter with its names resolved: codes (with their descendants when asked) and sources to
// ids. A filter coder who is not in the project is NotFound, except `actingCoder`: someone who
// has not coded yet (a second coder working blind) sees an empty list, not an error.
CodingSelection selectCodings(const sql::Db& db, const CodeIndex& index, const CodingFilter& filter,
                              const std::string& actingCoder = {});
CodingRecord toRecord(const CodingListRow& row, const CodeIndex& index);

}  // namespace cmoc::store

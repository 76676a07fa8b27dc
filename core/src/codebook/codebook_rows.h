#pragma once
// Shared by the codebook's files: a code row as a Code, and inserting one.
#include <optional>
#include <string>

#include "backend/sqlite/action.h"
#include "backend/sqlite/code_rows.h"
#include "cmoc/codebook.h"
#include "cmoc/escape.h"
#include "code_index.h"

namespace cmoc::store {

Code toCode(const CodeRow& row, const CodeIndex& index);
// A row holding the columns a person edits (name, kind, texts, colour, origin, memo), from a
// Code or a CodeDraft; the caller fills the rest.
template <class Fields>
CodeRow editableColumns(const Fields& f) {
  CodeRow row;
  row.name = f.name;
  row.kind = toString(f.kind);
  row.definition = f.definition;
  row.inclusion = f.inclusion;
  row.exclusion = f.exclusion;
  row.color = f.color;
  row.origin = toString(f.origin);
  row.memo = f.memo;
  return row;
}
// Every code depth-first in sibling order, without counts: what Codebook::list and the REFI-QDA
// snapshot read.
std::vector<Code> codesInOrder(const sql::Db& db, const CodeIndex& index);
// Inserts under `parent` at the end of its children, audited; returns the new id. A caller
// inserting many codes passes its SortOrders.
std::int64_t insertCode(Action& action, const CodeDraft& draft, std::optional<std::int64_t> parent,
                        const std::optional<std::string>& createdAt, SortOrders* orders = nullptr);
void validateCodeName(const std::string& name);
void validateColor(const std::string& color);

}  // namespace cmoc::store

#pragma once
// Shared by the codebook's store files: reading a code row and inserting one.
#include <map>
#include <optional>
#include <string>

#include "action.h"
#include "cmoc/codebook.h"
#include "code_index.h"

namespace cmoc::store {

inline constexpr const char* kCodeColumns =
    "id, guid, parent_id, name, kind, definition, inclusion, exclusion, ifnull(color, ''), origin, "
    "memo, sort_order, created_at, modified_at";

Code readCode(const sql::Stmt& st, const CodeIndex& index);
// The next sort order under each parent, read from the database in one pass: parent_id has no
// index of its own, so asking for every new code (or every new parent) scanned the codebook
// each time and made a bulk import quadratic (issue 21). Valid while one Action inserts every
// code.
class SortOrders {
 public:
  explicit SortOrders(const sql::Db& db) : db_(db) {}
  std::int64_t next(std::optional<std::int64_t> parent);

 private:
  const sql::Db& db_;
  std::map<std::optional<std::int64_t>, std::int64_t> next_;
  bool loaded_ = false;
};

// Inserts under `parent` at the end of its children, audited; returns the new id. A caller
// inserting many codes passes its SortOrders.
std::int64_t insertCode(Action& action, const CodeDraft& draft, std::optional<std::int64_t> parent,
                        const std::optional<std::string>& createdAt, SortOrders* orders = nullptr);
void validateCodeName(const std::string& name);
void validateColor(const std::string& color);
// The code named `name` directly under `parent` (top level when nullopt), as id and GUID.
// Sibling names are unique, so importers and merges take it as the same code as theirs.
struct CodeRef {
  std::int64_t id = 0;
  std::string guid;
};
std::optional<CodeRef> siblingNamed(const sql::Db& db, std::optional<std::int64_t> parent,
                                    const std::string& name);
// A JSON string literal for audit details.
std::string jsonQuote(const std::string& s);

}  // namespace cmoc::store

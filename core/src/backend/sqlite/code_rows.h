#pragma once
// The `codes` table's gateway: the one place that reads and writes code rows. The codebook's
// commands, REFI-QDA import and merge all insert through it, so a column added to `codes` is
// written in one place. Values are the stored ones (kind and origin as their names); turning them
// into domain types is the codebook's business.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sqlite.h"

namespace cmoc::store {

struct CodeRow {
  std::int64_t id = 0;  // ignored by insert
  std::string guid;
  std::optional<std::int64_t> parentId;
  std::string name, kind, definition, inclusion, exclusion;
  std::string color;  // "" when none (stored as NULL)
  std::string origin, memo;
  std::int64_t sortOrder = 0;
  std::string createdAt, modifiedAt;
};

// The code named `name` directly under `parent` (top level when nullopt), as id and GUID.
// Sibling names are unique, so importers and merges take it as the same code as theirs.
struct CodeRef {
  std::int64_t id = 0;
  std::string guid;
};

// What the codebook's index holds of every code: enough to resolve names and walk the tree.
struct CodeOutline {
  std::int64_t id = 0;
  std::optional<std::int64_t> parentId;
  std::string name, kind;
  std::int64_t sortOrder = 0;
};

// Statements are prepared on first use and kept, so an import of thousands of codes prepares
// each once. Merge reads the other project's codes through a CodeRows on its connection.
class CodeRows {
 public:
  explicit CodeRows(const sql::Db& db) : db_(db), table_("main.codes") {}
  const sql::Db& db() const { return db_; }

  std::optional<CodeRow> byId(std::int64_t id);
  std::vector<CodeRow> all();                                          // in no particular order
  void each(const std::function<void(const CodeRow&)>& f);             // by id, as they are read
  bool any();  // whether the project has a code
  void eachOutline(const std::function<void(const CodeOutline&)>& f);  // in no particular order
  // Every code, parents before children (by depth, then sibling order), as they are read.
  void eachParentsFirst(const std::function<void(const CodeRow&)>& f);
  std::optional<std::int64_t> idOfGuid(const std::string& guid);
  std::optional<CodeRef> siblingNamed(std::optional<std::int64_t> parent, const std::string& name);
  // One past the largest sort order under `parent`: a scan of the codebook (parent_id has no
  // index), so callers inserting many codes ask once per parent and count on from there.
  std::int64_t nextSortOrder(std::optional<std::int64_t> parent);
  // Throws cmoc::Error when the parent already has a child of that name.
  std::int64_t insert(const CodeRow& row);

  std::string guidOf(std::int64_t id);
  std::vector<std::int64_t> childrenOf(std::int64_t id);  // in sibling order
  // Puts a code under `parent` (top level when nullopt) at `sortOrder`.
  void place(std::int64_t id, std::optional<std::int64_t> parent, std::int64_t sortOrder,
             const std::string& modifiedAt);
  // Writes the editable columns: name, kind, texts, colour, origin, memo, created_at (a
  // codebook file may date a code) and modified_at.
  void update(const CodeRow& row);
  // Renames a code to its GUID, which no code name can clash with, so that a namesake can take
  // its place before it goes.
  void stepAside(std::int64_t id);
  void remove(std::int64_t id);

 private:
  sql::Stmt& prepared(std::optional<sql::Stmt>& slot, const std::string& sql);
  const sql::Db& db_;
  std::string table_;
  std::optional<sql::Stmt> byId_, byGuid_, sibling_, order_, insert_, guidOf_, children_, place_,
      update_;
};

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

}  // namespace cmoc::store

#pragma once
// All codes' ids, parents, names and paths, loaded in one query: resolving "Name" or
// "Parent/Child" to a code, and walking the hierarchy, without a query per lookup.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backend/sqlite/sqlite.h"

namespace cmoc::store {

class CodeIndex {
 public:
  explicit CodeIndex(const sql::Db& db);

  struct Entry {
    std::int64_t id = 0;
    std::optional<std::int64_t> parent;
    std::string name, path, kind;
    std::int64_t sortOrder = 0;
  };

  // Unique name or full path; nullopt when absent; throws UsageError when a bare name is
  // shared by several codes (the message lists their paths).
  std::optional<std::int64_t> resolve(std::string_view nameOrPath) const;
  std::int64_t require(std::string_view nameOrPath) const;  // throws NotFound
  const Entry& entry(std::int64_t id) const;
  bool has(std::int64_t id) const { return byId_.count(id) > 0; }
  // Depth-first, siblings by sort order then name.
  std::vector<std::int64_t> depthFirst() const;
  std::vector<std::int64_t> descendants(std::int64_t id) const;  // not including id
  // The children of `parent` (top level for nullopt), by sort order then name.
  std::vector<std::int64_t> children(std::optional<std::int64_t> parent) const {
    auto it = children_.find(parent.value_or(0));
    return it == children_.end() ? std::vector<std::int64_t>() : it->second;
  }
  int depth(std::int64_t id) const;
  // Takes in a code just inserted as the last child of its parent, so a bulk import that
  // creates codes as it goes need not read the whole codebook again after each one.
  void addLastChild(std::int64_t id, std::optional<std::int64_t> parent, std::string name,
                    std::string kind);

 private:
  std::map<std::int64_t, Entry> byId_;
  std::map<std::string, std::int64_t> byPath_;
  std::multimap<std::string, std::int64_t> byName_;
  std::map<std::int64_t, std::vector<std::int64_t>> children_;  // 0 = top level
};

// A code name as one path segment: '/' and '\' escaped with '\'.
std::string escapeSegment(std::string_view name);
// Splits "A/B\/C" into {"A", "B/C"}.
std::vector<std::string> splitPath(std::string_view path);

}  // namespace cmoc::store

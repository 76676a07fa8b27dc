#include "code_index.h"

#include <algorithm>

#include "backend/sqlite/code_rows.h"
#include "cmoc/error.h"

namespace cmoc::store {

std::string escapeSegment(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '/' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::vector<std::string> splitPath(std::string_view path) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '\\' && i + 1 < path.size()) {
      parts.back() += path[++i];
    } else if (path[i] == '/') {
      parts.emplace_back();
    } else {
      parts.back() += path[i];
    }
  }
  for (auto& p : parts) {  // "A / B" is "A/B"
    while (!p.empty() && p.back() == ' ') p.pop_back();
    while (!p.empty() && p.front() == ' ') p.erase(p.begin());
  }
  return parts;
}

CodeIndex::CodeIndex(const sql::Db& db) {
  CodeRows(db).eachOutline([this](const CodeOutline& c) {
    children_[c.parentId.value_or(0)].push_back(c.id);
    byId_.emplace(c.id, Entry{c.id, c.parentId, c.name, "", c.kind, c.sortOrder});
  });
  for (auto& [parent, kids] : children_)
    std::sort(kids.begin(), kids.end(), [&](std::int64_t a, std::int64_t b) {
      const Entry &x = byId_.at(a), &y = byId_.at(b);
      return x.sortOrder != y.sortOrder ? x.sortOrder < y.sortOrder : x.name < y.name;
    });
  for (std::int64_t id : depthFirst()) {
    Entry& e = byId_.at(id);
    e.path = (e.parent ? byId_.at(*e.parent).path + "/" : "") + escapeSegment(e.name);
    byPath_[e.path] = id;
    byName_.emplace(e.name, id);
  }
}

void CodeIndex::addLastChild(std::int64_t id, std::optional<std::int64_t> parent, std::string name,
                             std::string kind) {
  std::vector<std::int64_t>& siblings = children_[parent.value_or(0)];
  const std::int64_t sortOrder = siblings.empty() ? 0 : byId_.at(siblings.back()).sortOrder + 1;
  Entry e{id, parent, std::move(name), "", std::move(kind), sortOrder};
  e.path = (parent ? byId_.at(*parent).path + "/" : "") + escapeSegment(e.name);
  siblings.push_back(id);
  byPath_[e.path] = id;
  byName_.emplace(e.name, id);
  byId_.emplace(id, std::move(e));
}

std::optional<std::int64_t> CodeIndex::resolve(std::string_view nameOrPath) const {
  std::string path;
  for (const std::string& part : splitPath(nameOrPath))
    path += (path.empty() ? "" : "/") + escapeSegment(part);
  if (auto it = byPath_.find(path); it != byPath_.end()) return it->second;
  const std::vector<std::string> parts = splitPath(nameOrPath);
  if (parts.size() != 1) return std::nullopt;
  auto [b, e] = byName_.equal_range(parts[0]);
  if (b == e) return std::nullopt;
  if (std::next(b) == e) return b->second;
  std::string paths;
  for (auto it = b; it != e; ++it) paths += (paths.empty() ? "" : ", ") + byId_.at(it->second).path;
  throw UsageError("several codes are named '" + parts[0] + "'; name one by its path: " + paths);
}

std::int64_t CodeIndex::require(std::string_view nameOrPath) const {
  if (auto id = resolve(nameOrPath)) return *id;
  throw NotFound("no code named '" + std::string(nameOrPath) + "'");
}

const CodeIndex::Entry& CodeIndex::entry(std::int64_t id) const {
  auto it = byId_.find(id);
  if (it == byId_.end()) throw NotFound("no code with id " + std::to_string(id));
  return it->second;
}

std::vector<std::int64_t> CodeIndex::depthFirst() const {
  std::vector<std::int64_t> out;
  std::vector<std::int64_t> stack;
  auto push = [&](std::int64_t parent) {
    auto it = children_.find(parent);
    if (it == children_.end()) return;
    for (auto k = it->second.rbegin(); k != it->second.rend(); ++k) stack.push_back(*k);
  };
  push(0);
  while (!stack.empty()) {
    std::int64_t id = stack.back();
    stack.pop_back();
    out.push_back(id);
    push(id);
  }
  return out;
}

std::vector<std::int64_t> CodeIndex::descendants(std::int64_t id) const {
  std::vector<std::int64_t> out, stack{id};
  while (!stack.empty()) {
    std::int64_t cur = stack.back();
    stack.pop_back();
    auto it = children_.find(cur);
    if (it == children_.end()) continue;
    for (std::int64_t k : it->second) {
      out.push_back(k);
      stack.push_back(k);
    }
  }
  return out;
}

int CodeIndex::depth(std::int64_t id) const {
  int d = 0;
  for (auto p = entry(id).parent; p; p = entry(*p).parent) ++d;
  return d;
}

}  // namespace cmoc::store

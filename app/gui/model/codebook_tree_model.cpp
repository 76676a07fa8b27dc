#include "model/codebook_tree_model.h"

#include <map>
#include <set>

#include "cmoc/coding.h"
#include "cmoc/project.h"

namespace cmoc::gui {

namespace {
// Core names codes by path; the tree knows them by id.
std::optional<std::string> pathOf(const Codebook& book, std::optional<std::int64_t> id) {
  return id ? std::optional(book.get(*id).path) : std::nullopt;
}
}  // namespace

void CodebookTreeModel::reload(Project& project, const std::optional<std::string>& onlyCoder) {
  codes_ = Codebook(project).list();
  std::map<std::int64_t, CodingCount> mine;
  if (onlyCoder) {
    CodingFilter f;
    f.coders = {*onlyCoder};
    for (const CodingCount& n : Coding(project).countPerCode(f)) mine[n.id] = n;
  }
  std::set<std::int64_t> parents;
  for (const Code& c : codes_)
    if (c.parentId) parents.insert(*c.parentId);

  rows_.clear();
  rows_.reserve(codes_.size());
  for (const Code& c : codes_) {
    CodebookRow r;
    r.id = c.id;
    r.parentId = c.parentId;
    r.depth = c.depth;
    r.name = c.name;
    r.path = c.path;
    r.kind = c.kind;
    r.inductive = c.origin == CodeOrigin::Inductive;
    r.colour = codeColour(c.color, c.kind);
    if (onlyCoder) {
      auto it = mine.find(c.id);
      r.codings = it == mine.end() ? 0 : it->second.codings;
      r.sources = it == mine.end() ? 0 : it->second.sources;
    } else {
      r.codings = c.codings;
      r.sources = c.sources;
    }
    r.hasChildren = parents.count(c.id) > 0;
    r.label = std::string(kindTag(c.kind)) + " " + c.name + (r.inductive ? " (inductive)" : "");
    r.counts = std::to_string(r.codings) + " / " + std::to_string(r.sources);
    r.tooltip = c.path + " (" + std::string(toString(c.kind)) + ", " +
                std::string(toString(c.origin)) + ")";
    if (!c.definition.empty()) r.tooltip += "\n" + c.definition;
    if (!c.inclusion.empty()) r.tooltip += "\nInclude: " + c.inclusion;
    if (!c.exclusion.empty()) r.tooltip += "\nExclude: " + c.exclusion;
    rows_.push_back(std::move(r));
  }
}

const CodebookRow* CodebookTreeModel::row(std::int64_t id) const {
  for (const CodebookRow& r : rows_)
    if (r.id == id) return &r;
  return nullptr;
}

std::vector<const CodebookRow*> CodebookTreeModel::children(std::optional<std::int64_t> parent) const {
  std::vector<const CodebookRow*> out;
  for (const CodebookRow& r : rows_)
    if (r.parentId == parent) out.push_back(&r);
  return out;
}

Code CodebookTreeModel::rename(Project& project, std::int64_t codeId, const std::string& newName) {
  Codebook book(project);
  CodeEdit edit;
  edit.name = newName;
  return book.edit(book.get(codeId).path, edit);
}

Code CodebookTreeModel::nest(Project& project, std::int64_t codeId,
                             std::optional<std::int64_t> newParent) {
  Codebook book(project);
  const auto parent = pathOf(book, newParent);
  return book.move(book.get(codeId).path, parent ? std::optional<std::string_view>(*parent) : std::nullopt);
}

Code CodebookTreeModel::reorder(Project& project, std::int64_t codeId,
                                std::optional<std::int64_t> beforeId) {
  Codebook book(project);
  const auto before = pathOf(book, beforeId);
  return book.moveBefore(book.get(codeId).path, before ? std::optional<std::string_view>(*before) : std::nullopt);
}

std::optional<Code> CodebookTreeModel::shift(Project& project, std::int64_t codeId, int delta) const {
  const CodebookRow* self = row(codeId);
  if (!self) return std::nullopt;
  const auto siblings = children(self->parentId);
  std::size_t at = 0;
  while (at < siblings.size() && siblings[at]->id != codeId) ++at;
  if (delta < 0) {
    if (at == 0) return std::nullopt;
    return reorder(project, codeId, siblings[at - 1]->id);
  }
  if (at + 1 >= siblings.size()) return std::nullopt;
  // Later by one: before the sibling after next, or last.
  if (at + 2 < siblings.size()) return reorder(project, codeId, siblings[at + 2]->id);
  return reorder(project, codeId, std::nullopt);
}

DropPlace dropPlace(int yInRow, int rowHeight) {
  return rowHeight > 0 && yInRow * 3 < rowHeight ? DropPlace::Before : DropPlace::Into;
}

}  // namespace cmoc::gui

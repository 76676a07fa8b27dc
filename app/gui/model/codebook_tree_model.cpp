#include "model/codebook_tree_model.h"

#include <map>
#include <set>

#include "cmoc/coding.h"
#include "cmoc/project.h"

namespace cmoc::gui {

void CodebookTreeModel::reload(Project& project, const std::optional<std::string>& onlyCoder) {
  codes_ = Codebook(project).list();
  std::map<std::int64_t, std::pair<std::int64_t, std::set<std::int64_t>>> mine;
  if (onlyCoder) {
    CodingFilter f;
    f.coders = {*onlyCoder};
    for (const CodingRecord& r : Coding(project).list(f)) {
      auto& [n, sources] = mine[r.codeId];
      ++n;
      sources.insert(r.sourceId);
    }
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
      r.codings = it == mine.end() ? 0 : it->second.first;
      r.sources = it == mine.end() ? 0 : static_cast<std::int64_t>(it->second.second.size());
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
  const std::string path = book.get(codeId).path;
  if (!newParent) return book.move(path, std::nullopt);
  const std::string parentPath = book.get(*newParent).path;
  return book.move(path, std::string_view(parentPath));
}

}  // namespace cmoc::gui

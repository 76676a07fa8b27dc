#include "library_presenter.h"

#include <set>

#include "cmoc/importers/references.h"
#include "cmoc/project.h"

namespace cmoc::gui {

namespace {
const std::vector<std::string> kFixedColumns = {"Key",   "Citation", "Year",
                                                "Title", "Journal",  "Papers"};
}  // namespace

void LibraryPresenter::reload(Project& project) {
  Library library(project);
  studies_ = library.list();
  papers_ = library.papers();
  std::set<std::string> names;
  for (const Study& s : studies_)
    for (const auto& [name, value] : s.attributes) names.insert(name);
  attributes_.assign(names.begin(), names.end());
  columns_ = kFixedColumns;
  columns_.insert(columns_.end(), attributes_.begin(), attributes_.end());
}

std::string LibraryPresenter::studyCell(std::size_t row, std::size_t column) const {
  const Study& s = studies_.at(row);
  switch (column) {
    case 0:
      return s.key;
    case 1:
      return s.citation;
    case 2:
      return s.year ? std::to_string(*s.year) : "n.d.";
    case 3:
      return s.title;
    case 4:
      return s.journal;
    case 5: {
      std::string out;
      for (const std::string& p : s.papers) out += (out.empty() ? "" : "; ") + p;
      return out;
    }
    default:
      break;
  }
  const std::string& name = attributes_.at(column - kFixedColumns.size());
  for (const auto& [k, v] : s.attributes)
    if (k == name) return v;
  return {};
}

std::vector<std::string> LibraryPresenter::paperRow(std::size_t row) const {
  const PaperLink& p = papers_.at(row);
  return {p.source, p.study.empty() ? "not linked" : p.study, p.matchedBy};
}

std::vector<std::string> LibraryPresenter::importFile(Project& project,
                                                      const std::filesystem::path& file) {
  const ReferenceFile refs = importers::loadReferences(file);
  std::vector<std::string> lines = importReport(Library(project).import(refs), refs.fileName);
  reload(project);
  return lines;
}

}  // namespace cmoc::gui

#pragma once
// What Project > Study library... shows: the studies (key, citation, year, title, journal, their
// papers, then one column per study attribute), and every PDF paper with the study it is linked
// to and how, or "not linked". Importing a RIS or BibTeX file goes through core's Library (one
// undoable step) and says what came in and which papers were linked, as `cmoc library import`.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "cmoc/library.h"

namespace cmoc {
class Project;
}

namespace cmoc::gui {

class LibraryPresenter {
 public:
  void reload(Project& project);

  const std::vector<std::string>& studyColumns() const { return columns_; }
  std::size_t studyCount() const { return studies_.size(); }
  std::string studyCell(std::size_t row, std::size_t column) const;

  std::size_t paperCount() const { return papers_.size(); }
  // "paper-03-....pdf", "okonkwo2019", "doi"; an unlinked paper's study is "not linked".
  std::vector<std::string> paperRow(std::size_t row) const;

  // Reads and imports one reference file, then reloads. The lines say what happened, as the CLI
  // prints them ("Imported 7 studies from references.ris, skipped 0", "  paper-01... ->
  // hartley2017 (file name)"). Throws what the importer or core throws (InputError naming the
  // file and line); the project is then unchanged.
  std::vector<std::string> importFile(Project& project, const std::filesystem::path& file);

 private:
  std::vector<Study> studies_;
  std::vector<PaperLink> papers_;
  std::vector<std::string> columns_;
  std::vector<std::string> attributes_;  // the attribute of each column after the fixed ones
};

}  // namespace cmoc::gui

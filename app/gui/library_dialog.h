#pragma once
// Project > Study library...: the studies of the review (key, citation, year, title, journal,
// papers, then each study attribute) above the PDF papers and the study each is linked to.
// "Import references..." reads a RIS or BibTeX file through LibraryPresenter (one undoable step)
// and shows what came in and which papers were linked. Everything shown is read-only here;
// links are corrected with `cmoc library link`.
#include <wx/dialog.h>
#include <wx/grid.h>
#include <wx/stattext.h>

#include <string>

#include "model/library_presenter.h"

namespace cmoc {
class Project;
}

namespace cmoc::gui {

class LibraryDialog : public wxDialog {
 public:
  LibraryDialog(wxWindow* parent, Project& project);
  bool changed() const { return changed_; }
  // Imports `file` as "Import references..." does after its file dialog (the self-test's way
  // in); false when it was refused, with the reason shown beside the buttons.
  bool importFrom(const std::string& file);
  std::string statusText() const;

 private:
  void fill();
  void onImport();

  Project& project_;
  LibraryPresenter model_;
  wxGrid* studies_ = nullptr;
  wxGrid* papers_ = nullptr;
  wxStaticText* status_ = nullptr;
  bool changed_ = false;
};

}  // namespace cmoc::gui

#pragma once
// Project > Participants...: a grid of participants (code, name, case, role, sources, the labels
// they speak under, an Interviewer checkbox, then every attribute). Editing a cell saves it at
// once through ParticipantsPresenter (one undoable step each); "Add attribute..." adds a column;
// "Delete..." deletes the participant of the current row after asking. Errors from core are
// shown beside the grid and the cell goes back to the stored value.
#include <wx/dialog.h>
#include <wx/grid.h>
#include <wx/stattext.h>

#include <functional>
#include <string>

#include "model/participants_presenter.h"

namespace cmoc {
class Project;
}

namespace cmoc::gui {

class ParticipantsDialog : public wxDialog {
 public:
  ParticipantsDialog(wxWindow* parent, Project& project);
  // Types `value` into the cell of participant `code` under `attribute` and commits it, as a
  // user would (the self-test's way in). False when there is no such cell or the edit failed.
  bool editCell(const std::string& code, const std::string& attribute, const std::string& value);
  bool changed() const { return changed_; }
  const std::string& lastError() const { return lastError_; }

 private:
  void fill();
  void fitWidth();
  void onCellChanged(int row, int col);
  void onAddAttribute();
  void onDelete();
  // The grid's checkbox cells hold "1" or "" (wxGridCellBoolEditor's values), the presenter's
  // flags "yes" or "no"; these convert for column `col`, leaving text columns as they are.
  wxString toGrid(std::size_t col, const std::string& value) const;
  std::string fromGrid(std::size_t col, const wxString& value) const;

  Project& project_;
  ParticipantsPresenter model_;
  wxGrid* grid_;
  wxStaticText* status_;
  bool changed_ = false;
  std::string lastError_;
};

}  // namespace cmoc::gui

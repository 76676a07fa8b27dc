#include "participants_dialog.h"

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/textdlg.h>

#include <algorithm>
#include <exception>

#include "cmoc/project.h"

namespace cmoc::gui {

namespace {
wxString U(const std::string& s) { return wxString::FromUTF8(s); }
}  // namespace

ParticipantsDialog::ParticipantsDialog(wxWindow* parent, Project& project)
    : wxDialog(parent, wxID_ANY, "Participants", wxDefaultPosition, wxSize(1000, 520),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      project_(project) {
  SetName("participants");
  auto* note = new wxStaticText(this, wxID_ANY,
                                "Edit a cell to save it (Ctrl+Z in the main window undoes). Case "
                                "and case type feed the demiregularity and matrix views; an empty "
                                "value removes an attribute. Deleting a participant keeps the "
                                "transcripts whole: its speakers are only unlinked.");
  note->SetForegroundColour(wxColour(0x60, 0x60, 0x60));
  grid_ = new wxGrid(this, wxID_ANY);
  grid_->SetName("participants-grid");
  grid_->CreateGrid(0, 0);
  grid_->HideRowLabels();
  grid_->SetDefaultCellOverflow(false);
  status_ = new wxStaticText(this, wxID_ANY, "");
  auto* add = new wxButton(this, wxID_ANY, "Add attribute...");
  auto* remove = new wxButton(this, wxID_DELETE, "Delete...");
  remove->SetToolTip("Delete the participant of the current row (asks first)");
  auto* close = new wxButton(this, wxID_CLOSE, "Close");
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(add, 0, wxRIGHT, 8);
  buttons->Add(remove, 0, wxRIGHT, 8);
  buttons->Add(status_, 1, wxALIGN_CENTER_VERTICAL);
  buttons->Add(close, 0);
  auto* col = new wxBoxSizer(wxVERTICAL);
  col->Add(note, 0, wxEXPAND | wxALL, 8);
  col->Add(grid_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
  col->Add(buttons, 0, wxEXPAND | wxALL, 8);
  SetSizer(col);
  SetEscapeId(wxID_CLOSE);

  grid_->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& e) { onCellChanged(e.GetRow(), e.GetCol()); });
  add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onAddAttribute(); });
  remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onDelete(); });
  close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (IsModal()) EndModal(wxID_CLOSE);
    else Close();
  });
  try {
    model_.reload(project_);
  } catch (const std::exception& e) {
    lastError_ = e.what();
  }
  fill();
  fitWidth();
  note->Wrap(GetClientSize().x - 16);
  Layout();
}

void ParticipantsDialog::fitWidth() {
  // As wide as the grid, so every column shows without scrolling, within the screen.
  int columns = 40;
  for (int c = 0; c < grid_->GetNumberCols(); ++c) columns += grid_->GetColSize(c);
  const int width = std::clamp(columns, 700, std::max(700, wxGetDisplaySize().x - 80));
  if (width > GetSize().x) SetSize(width, std::max(GetSize().y, 520));
  Layout();
}

void ParticipantsDialog::fill() {
  grid_->Freeze();
  if (grid_->GetNumberRows()) grid_->DeleteRows(0, grid_->GetNumberRows());
  if (grid_->GetNumberCols()) grid_->DeleteCols(0, grid_->GetNumberCols());
  const auto& cols = model_.columns();
  grid_->AppendCols(static_cast<int>(cols.size()));
  grid_->AppendRows(static_cast<int>(model_.rowCount()));
  for (std::size_t c = 0; c < cols.size(); ++c) {
    grid_->SetColLabelValue(static_cast<int>(c), U(cols[c].title));
    for (std::size_t r = 0; r < model_.rowCount(); ++r) {
      const int row = static_cast<int>(r), col = static_cast<int>(c);
      grid_->SetCellValue(row, col, toGrid(c, model_.cell(r, c)));
      if (cols[c].flag) {
        grid_->SetCellRenderer(row, col, new wxGridCellBoolRenderer);
        grid_->SetCellEditor(row, col, new wxGridCellBoolEditor);
        grid_->SetCellAlignment(row, col, wxALIGN_CENTRE, wxALIGN_CENTRE);
      }
      if (!cols[c].editable) {
        grid_->SetReadOnly(row, col);
        grid_->SetCellTextColour(row, col, wxColour(0x60, 0x60, 0x60));
      }
    }
  }
  // Wide enough for header and values, so no column title is cut off.
  grid_->AutoSizeColumns(false);
  for (std::size_t c = 0; c < cols.size(); ++c)
    grid_->SetColSize(static_cast<int>(c), std::max(grid_->GetColSize(static_cast<int>(c)) + 12, 70));
  grid_->Thaw();
}

// Anything else passes through, so the presenter refuses it rather than this guessing.
wxString ParticipantsDialog::toGrid(std::size_t col, const std::string& value) const {
  const bool flag = model_.columns().at(col).flag;
  if (flag && value == "yes") return "1";
  if (flag && value == "no") return "";
  return U(value);
}

std::string ParticipantsDialog::fromGrid(std::size_t col, const wxString& value) const {
  const bool flag = model_.columns().at(col).flag;
  if (flag && value == "1") return "yes";
  if (flag && value.empty()) return "no";
  return value.utf8_string();
}

void ParticipantsDialog::onCellChanged(int row, int col) {
  const std::string value = fromGrid(static_cast<std::size_t>(col), grid_->GetCellValue(row, col));
  if (model_.cell(static_cast<std::size_t>(row), static_cast<std::size_t>(col)) == value) return;
  try {
    if (model_.edit(project_, static_cast<std::size_t>(row), static_cast<std::size_t>(col), value)) {
      changed_ = true;
      lastError_.clear();
      status_->SetForegroundColour(GetForegroundColour());
      status_->SetLabel("Saved " + U(model_.columns()[static_cast<std::size_t>(col)].title) + " of " +
                        U(model_.participant(static_cast<std::size_t>(row)).code));
    }
  } catch (const std::exception& e) {
    lastError_ = e.what();
    status_->SetLabel(U(e.what()));
    status_->SetForegroundColour(*wxRED);
  }
  const auto r = static_cast<std::size_t>(row), c = static_cast<std::size_t>(col);
  grid_->SetCellValue(row, col, toGrid(c, model_.cell(r, c)));
}

void ParticipantsDialog::onDelete() {
  const int row = grid_->GetGridCursorRow();
  if (row < 0 || static_cast<std::size_t>(row) >= model_.rowCount()) {
    status_->SetLabel("Choose a participant's row first");
    return;
  }
  const auto r = static_cast<std::size_t>(row);
  if (wxMessageBox(U(model_.deleteQuestion(r)), "Delete participant",
                   wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this) != wxYES)
    return;
  try {
    const Participant gone = model_.remove(project_, r);
    changed_ = true;
    lastError_.clear();
    fill();
    if (model_.rowCount())
      grid_->SetGridCursor(std::min(row, static_cast<int>(model_.rowCount()) - 1), 0);
    status_->SetForegroundColour(GetForegroundColour());
    status_->SetLabel("Deleted participant " + U(gone.code));
  } catch (const std::exception& e) {
    lastError_ = e.what();
    status_->SetLabel(U(e.what()));
    status_->SetForegroundColour(*wxRED);
  }
}

void ParticipantsDialog::onAddAttribute() {
  wxTextEntryDialog ask(this, "Name of the new attribute (e.g. tenure, sector):", "Add attribute");
  if (ask.ShowModal() != wxID_OK) return;
  try {
    const std::size_t col = model_.addAttribute(ask.GetValue().utf8_string());
    fill();
    fitWidth();
    grid_->SetGridCursor(0, static_cast<int>(col));
    grid_->MakeCellVisible(0, static_cast<int>(col));
  } catch (const std::exception& e) {
    status_->SetLabel(U(e.what()));
  }
}

bool ParticipantsDialog::editCell(const std::string& code, const std::string& attribute,
                                  const std::string& value) {
  const auto row = model_.rowOf(code);
  auto col = model_.columnOf(attribute);
  if (!col) {
    col = model_.addAttribute(attribute);
    fill();
    fitWidth();
  }
  if (!row) return false;
  const int r = static_cast<int>(*row), c = static_cast<int>(*col);
  grid_->SetGridCursor(r, c);
  grid_->MakeCellVisible(r, c);
  grid_->SetCellValue(r, c, toGrid(*col, value));
  wxGridEvent changed(grid_->GetId(), wxEVT_GRID_CELL_CHANGED, grid_, r, c);
  grid_->GetEventHandler()->ProcessEvent(changed);
  return lastError_.empty();
}

}  // namespace cmoc::gui

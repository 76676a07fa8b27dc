#include "library_dialog.h"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/sizer.h>

#include <algorithm>
#include <exception>

#include "cmoc/project.h"

namespace cmoc::gui {

namespace {
wxString U(const std::string& s) { return wxString::FromUTF8(s); }

wxGrid* readOnlyGrid(wxWindow* parent, const char* name) {
  auto* grid = new wxGrid(parent, wxID_ANY);
  grid->SetName(name);
  grid->CreateGrid(0, 0);
  grid->HideRowLabels();
  grid->EnableEditing(false);
  grid->SetDefaultCellOverflow(false);
  return grid;
}

void resize(wxGrid* grid, int columns, int rows) {
  if (grid->GetNumberRows()) grid->DeleteRows(0, grid->GetNumberRows());
  if (grid->GetNumberCols()) grid->DeleteCols(0, grid->GetNumberCols());
  grid->AppendCols(columns);
  grid->AppendRows(rows);
}
}  // namespace

LibraryDialog::LibraryDialog(wxWindow* parent, Project& project)
    : wxDialog(parent, wxID_ANY, "Study library", wxDefaultPosition, wxSize(1000, 560),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      project_(project) {
  SetName("library");
  studies_ = readOnlyGrid(this, "library-studies");
  papers_ = readOnlyGrid(this, "library-papers");
  status_ = new wxStaticText(this, wxID_ANY, "");
  auto* importButton = new wxButton(this, wxID_ANY, "Import references...");
  importButton->SetToolTip(
      "Add the references of a RIS or BibTeX file and link the papers to them");
  auto* close = new wxButton(this, wxID_CLOSE, "Close");
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(importButton, 0, wxRIGHT, 8);
  buttons->Add(status_, 1, wxALIGN_CENTER_VERTICAL);
  buttons->Add(close, 0);
  auto* col = new wxBoxSizer(wxVERTICAL);
  col->Add(new wxStaticText(this, wxID_ANY, "Studies"), 0, wxLEFT | wxTOP, 8);
  col->Add(studies_, 3, wxEXPAND | wxALL, 8);
  col->Add(new wxStaticText(this, wxID_ANY, "Papers"), 0, wxLEFT, 8);
  col->Add(papers_, 2, wxEXPAND | wxALL, 8);
  col->Add(buttons, 0, wxEXPAND | wxALL, 8);
  SetSizer(col);
  SetEscapeId(wxID_CLOSE);
  importButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onImport(); });
  close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (IsModal())
      EndModal(wxID_CLOSE);
    else
      Close();
  });
  try {
    model_.reload(project_);
  } catch (const std::exception& e) {
    status_->SetLabel(U(e.what()));
  }
  fill();
}

void LibraryDialog::fill() {
  studies_->Freeze();
  const auto& cols = model_.studyColumns();
  resize(studies_, static_cast<int>(cols.size()), static_cast<int>(model_.studyCount()));
  for (std::size_t c = 0; c < cols.size(); ++c) {
    studies_->SetColLabelValue(static_cast<int>(c), U(cols[c]));
    for (std::size_t r = 0; r < model_.studyCount(); ++r)
      studies_->SetCellValue(static_cast<int>(r), static_cast<int>(c), U(model_.studyCell(r, c)));
  }
  studies_->AutoSizeColumns(false);
  studies_->Thaw();

  papers_->Freeze();
  resize(papers_, 3, static_cast<int>(model_.paperCount()));
  const char* titles[] = {"Paper", "Study", "Matched by"};
  for (int c = 0; c < 3; ++c) papers_->SetColLabelValue(c, titles[c]);
  for (std::size_t r = 0; r < model_.paperCount(); ++r) {
    const std::vector<std::string> row = model_.paperRow(r);
    for (int c = 0; c < 3; ++c)
      papers_->SetCellValue(static_cast<int>(r), c, U(row[static_cast<std::size_t>(c)]));
  }
  papers_->AutoSizeColumns(false);
  papers_->Thaw();
  Layout();
}

void LibraryDialog::onImport() {
  wxFileDialog dlg(this, "Import references", "", "",
                   "References (*.ris;*.bib;*.txt)|*.ris;*.bib;*.txt|All files|*",
                   wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (dlg.ShowModal() == wxID_OK) importFrom(dlg.GetPath().utf8_string());
}

bool LibraryDialog::importFrom(const std::string& file) {
  bool ok = true;
  try {
    const std::vector<std::string> lines = model_.importFile(project_, file);
    changed_ = true;
    std::string text;
    for (const std::string& l : lines) text += (text.empty() ? "" : "\n") + l;
    status_->SetForegroundColour(GetForegroundColour());
    status_->SetLabel(U(text));
    status_->SetToolTip(U(text));
  } catch (const std::exception& e) {
    ok = false;
    status_->SetForegroundColour(*wxRED);
    status_->SetLabel(U(e.what()));
  }
  fill();
  return ok;
}

std::string LibraryDialog::statusText() const { return status_->GetLabel().utf8_string(); }

}  // namespace cmoc::gui

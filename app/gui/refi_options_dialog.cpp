#include "refi_options_dialog.h"

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cmoc::gui {

namespace {

wxString U(std::string_view s) { return wxString::FromUTF8(s.data(), s.size()); }

// The model's labels carry no wx markup; each control gets its first letter as mnemonic.
wxString withMnemonic(std::string_view label) { return "&" + U(label); }

}  // namespace

RefiOptionsDialog::RefiOptionsDialog(wxWindow* parent, const std::string& fileName,
                                     const RefiImportOptions& initial)
    : wxDialog(parent, wxID_ANY, "Import " + U(fileName)) {
  SetName("refi-options");
  wxArrayString labels;
  for (const std::string& l : RefiImportOptions::positionLabels()) labels.Add(U(l));
  positions_ = new wxRadioBox(this, wxID_ANY, withMnemonic(RefiImportOptions::kPositionsTitle),
                              wxDefaultPosition, wxDefaultSize, labels, 1, wxRA_SPECIFY_COLS);
  positions_->SetSelection(static_cast<int>(initial.position()));
  skipMissing_ = new wxCheckBox(this, wxID_ANY, withMnemonic(RefiImportOptions::kSkipMissingLabel));
  skipMissing_->SetValue(initial.skipMissingSources);
  allowExternal_ =
      new wxCheckBox(this, wxID_ANY, withMnemonic(RefiImportOptions::kAllowExternalLabel));
  allowExternal_->SetValue(initial.allowExternal);
  externalFolder_ =
      new wxDirPickerCtrl(this, wxID_ANY, U(initial.externalFolder.string()),
                          "Folder that files outside the archive may come from", wxDefaultPosition,
                          wxDefaultSize, wxDIRP_DEFAULT_STYLE | wxDIRP_DIR_MUST_EXIST);
  externalFolder_->SetName("external-folder");
  externalFolder_->Enable(initial.allowExternal);
  allowExternal_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
    externalFolder_->Enable(allowExternal_->GetValue());
  });
  auto* note =
      new wxStaticText(this, wxID_ANY,
                       "The import is one step: Ctrl+Z takes it back whole, and a cancelled or "
                       "refused file saves nothing.");
  note->SetForegroundColour(wxColour(0x75, 0x75, 0x75));

  wxStdDialogButtonSizer* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
  if (auto* ok = dynamic_cast<wxButton*>(FindWindow(wxID_OK))) {
    ok->SetLabel("&Import");
    ok->SetDefault();
  }
  auto* col = new wxBoxSizer(wxVERTICAL);
  col->Add(positions_, 0, wxEXPAND | wxALL, 10);
  col->Add(skipMissing_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 10);
  col->Add(allowExternal_, 0, wxLEFT | wxRIGHT, 10);
  col->Add(externalFolder_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);
  col->Add(note, 0, wxLEFT | wxRIGHT | wxBOTTOM, 10);
  col->Add(buttons, 0, wxEXPAND | wxALL, 10);
  SetSizerAndFit(col);
  // A chosen "allow" without a folder would import nothing the user expects: say so, stay open.
  Bind(
      wxEVT_BUTTON,
      [this](wxCommandEvent& e) {
        if (const std::string problem = choices().problem(); !problem.empty()) {
          wxMessageBox(U(problem), "Import", wxOK | wxICON_WARNING, this);
          return;
        }
        e.Skip();
      },
      wxID_OK);
  positions_->SetFocus();
}

RefiImportOptions RefiOptionsDialog::choices() const {
  RefiImportOptions o;
  o.setPosition(static_cast<std::size_t>(positions_->GetSelection()));
  o.skipMissingSources = skipMissing_->GetValue();
  o.allowExternal = allowExternal_->GetValue();
  o.externalFolder = std::filesystem::path(externalFolder_->GetPath().utf8_string());
  return o;
}

}  // namespace cmoc::gui

#include "refi_options_dialog.h"

#include <wx/button.h>
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
  col->Add(note, 0, wxLEFT | wxRIGHT | wxBOTTOM, 10);
  col->Add(buttons, 0, wxEXPAND | wxALL, 10);
  SetSizerAndFit(col);
  positions_->SetFocus();
}

RefiImportOptions RefiOptionsDialog::choices() const {
  RefiImportOptions o;
  o.setPosition(static_cast<std::size_t>(positions_->GetSelection()));
  o.skipMissingSources = skipMissing_->GetValue();
  return o;
}

}  // namespace cmoc::gui

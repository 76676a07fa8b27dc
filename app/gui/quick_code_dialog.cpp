#include "quick_code_dialog.h"

#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cmoc::gui {

QuickCodeDialog::QuickCodeDialog(wxWindow* parent, const QuickCodeModel& model, const wxString& initial)
    : wxDialog(parent, wxID_ANY, "Quick code", wxDefaultPosition, wxSize(460, 360),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      model_(model) {
  SetName("quick-code");
  query_ = new wxTextCtrl(this, wxID_ANY, initial, wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
  query_->SetHint("Type part of a code's name");
  list_ = new wxListBox(this, wxID_ANY);
  auto* note = new wxStaticText(this, wxID_ANY, "Up/Down to choose, Enter to code the selection, Esc to close.");
  note->SetForegroundColour(wxColour(0x75, 0x75, 0x75));
  auto* col = new wxBoxSizer(wxVERTICAL);
  col->Add(query_, 0, wxEXPAND | wxALL, 8);
  col->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
  col->Add(note, 0, wxALL, 8);
  SetSizer(col);

  query_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { refill(); });
  query_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { accept(); });
  query_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
    const int n = static_cast<int>(list_->GetCount());
    int i = list_->GetSelection();
    if (e.GetKeyCode() == WXK_DOWN && n) list_->SetSelection(std::min(n - 1, i + 1));
    else if (e.GetKeyCode() == WXK_UP && n) list_->SetSelection(std::max(0, i - 1));
    else e.Skip();
  });
  list_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { accept(); });
  refill();
  query_->SetFocus();
  query_->SetInsertionPointEnd();
}

void QuickCodeDialog::refill() {
  matches_ = model_.matches(query_->GetValue().utf8_string());
  list_->Clear();
  for (const auto& m : matches_) list_->Append(wxString::FromUTF8(m.label));
  if (!matches_.empty()) list_->SetSelection(0);
}

void QuickCodeDialog::accept() {
  if (list_->GetSelection() != wxNOT_FOUND) EndModal(wxID_OK);
  else wxBell();
}

std::optional<std::int64_t> QuickCodeDialog::chosen() const {
  const int i = list_->GetSelection();
  if (i == wxNOT_FOUND || static_cast<std::size_t>(i) >= matches_.size()) return std::nullopt;
  return matches_[static_cast<std::size_t>(i)].codeId;
}

void QuickCodeDialog::typeAndAccept(const wxString& text) {
  query_->SetValue(text);  // sends wxEVT_TEXT like typing
  wxCommandEvent enter(wxEVT_TEXT_ENTER, query_->GetId());
  enter.SetEventObject(query_);
  query_->GetEventHandler()->ProcessEvent(enter);
}

}  // namespace cmoc::gui

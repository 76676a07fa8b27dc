#include "memo_box.h"

#include <wx/sizer.h>

namespace cmoc::gui {

MemoBox::MemoBox(wxWindow* parent, const wxString& name, const wxString& empty)
    : wxPanel(parent, wxID_ANY), empty_(empty) {
  SetName(name);
  title_ = new wxStaticText(this, wxID_ANY, empty, wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
  text_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 48), wxTE_MULTILINE);
  text_->SetName(name + "-text");
  save_ = new wxButton(this, wxID_ANY, "Save", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(title_, 1, wxALIGN_CENTER_VERTICAL);
  row->Add(save_, 0, wxLEFT, 4);
  auto* col = new wxBoxSizer(wxVERTICAL);
  col->Add(row, 0, wxEXPAND | wxBOTTOM, 2);
  col->Add(text_, 0, wxEXPAND);
  SetSizer(col);
  save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (target_ && onSave) onSave(*target_, text_->GetValue().utf8_string());
  });
  show(std::nullopt);
}

void MemoBox::show(const std::optional<MemoTarget>& target) {
  target_ = target;
  title_->SetLabel(target ? wxString::FromUTF8(target->title) : empty_);
  text_->ChangeValue(target ? wxString::FromUTF8(target->text) : wxString());
  text_->Enable(target.has_value());
  save_->Enable(target.has_value());
}

void MemoBox::typeAndSave(const std::string& text) {
  text_->SetFocus();  // as a click would; a scrolled panel brings the box into view
  text_->SetValue(wxString::FromUTF8(text));
  wxCommandEvent click(wxEVT_BUTTON, save_->GetId());
  click.SetEventObject(save_);
  save_->GetEventHandler()->ProcessEvent(click);
}

}  // namespace cmoc::gui

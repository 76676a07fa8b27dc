#include "sources_panel.h"

#include <wx/sizer.h>

#include "list_columns.h"

namespace cmoc::gui {

SourcesPanel::SourcesPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  SetName("sources");
  heading_ = new wxStaticText(this, wxID_ANY, "Sources");
  heading_->SetFont(heading_->GetFont().Bold());
  search_ = new wxSearchCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
  search_->SetDescriptiveText("Filter by name or participant");
  search_->ShowCancelButton(true);
  coded_ = new wxChoice(this, wxID_ANY);
  coded_->Append({"All", "Coded", "Uncoded"});
  coded_->SetSelection(0);
  coded_->SetToolTip("Coded or uncoded sources");
  coder_ = new wxChoice(this, wxID_ANY);
  coder_->SetToolTip("Count only this coder's codings");
  attribute_ = new wxChoice(this, wxID_ANY);
  attribute_->SetToolTip("Sources coded on turns of participants with this attribute");
  list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                         wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_NONE);
  list_->SetName("sources-list");
  list_->AppendColumn("Who", wxLIST_FORMAT_LEFT, 52);
  list_->AppendColumn("Source", wxLIST_FORMAT_LEFT, 136);
  list_->AppendColumn("Type", wxLIST_FORMAT_LEFT, 46);
  list_->AppendColumn("Codings", wxLIST_FORMAT_RIGHT, 72);
  widenToHeaders(list_);

  auto* filters = new wxBoxSizer(wxHORIZONTAL);
  filters->Add(coded_, 1, wxRIGHT, 3);
  filters->Add(coder_, 1, wxRIGHT, 3);
  filters->Add(attribute_, 1);
  auto* col = new wxBoxSizer(wxVERTICAL);
  col->Add(heading_, 0, wxALL, 6);
  col->Add(search_, 0, wxEXPAND | wxLEFT | wxRIGHT, 4);
  col->Add(filters, 0, wxEXPAND | wxALL, 4);
  col->Add(list_, 1, wxEXPAND);
  SetSizer(col);

  auto changed = [this](wxCommandEvent&) {
    if (!filling_ && onFilterChanged) onFilterChanged();
  };
  search_->Bind(wxEVT_TEXT, changed);
  search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) { search_->Clear(); });
  coded_->Bind(wxEVT_CHOICE, changed);
  coder_->Bind(wxEVT_CHOICE, changed);
  attribute_->Bind(wxEVT_CHOICE, changed);
  list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    const long i = e.GetIndex();
    if (!filling_ && i >= 0 && static_cast<std::size_t>(i) < ids_.size() && onOpen) onOpen(ids_[i]);
  });
  setCoders({});
  setAttributes({});
}

void SourcesPanel::setCoders(const std::vector<std::string>& coders) {
  filling_ = true;
  const wxString was = coder_->GetStringSelection();
  coder_->Clear();
  coder_->Append("Any coder");
  for (const auto& c : coders) coder_->Append(wxString::FromUTF8(c));
  if (!was.empty() && coder_->FindString(was) != wxNOT_FOUND) coder_->SetStringSelection(was);
  else coder_->SetSelection(0);
  filling_ = false;
}

void SourcesPanel::setAttributes(const std::vector<std::pair<std::string, std::string>>& choices) {
  filling_ = true;
  attributes_ = choices;
  const int was = attribute_->GetSelection();
  attribute_->Clear();
  attribute_->Append("Any attribute");
  for (const auto& [n, v] : choices) attribute_->Append(wxString::FromUTF8(n + " = " + v));
  attribute_->SetSelection(was > 0 && static_cast<unsigned>(was) < attribute_->GetCount() ? was : 0);
  filling_ = false;
}

SourceFilter SourcesPanel::filter() const {
  SourceFilter f;
  f.text = search_->GetValue().utf8_string();
  f.coded = static_cast<CodedFilter>(std::max(0, coded_->GetSelection()));
  if (coder_->GetSelection() > 0) f.coder = coder_->GetStringSelection().utf8_string();
  if (const int a = attribute_->GetSelection(); a > 0) f.attribute = attributes_[static_cast<std::size_t>(a - 1)];
  return f;
}

void SourcesPanel::show(const SourcesPresenter& p, std::optional<std::int64_t> current) {
  filling_ = true;
  heading_->SetLabel(wxString::FromUTF8(p.heading()));
  list_->Freeze();
  list_->DeleteAllItems();
  ids_.clear();
  for (const SourceRow& r : p.rows()) {
    const long i = list_->InsertItem(list_->GetItemCount(), wxString::FromUTF8(r.participants));
    list_->SetItem(i, 1, wxString::FromUTF8(r.name));
    list_->SetItem(i, 2, wxString::FromUTF8(r.format));
    list_->SetItem(i, 3, wxString::FromUTF8(r.counts));
    if (r.codings == 0) list_->SetItemTextColour(i, wxColour(0x75, 0x75, 0x75));
    ids_.push_back(r.id);
  }
  list_->Thaw();
  if (current) selectSource(*current);
  filling_ = false;
}

bool SourcesPanel::selectSource(std::int64_t id) {
  for (std::size_t i = 0; i < ids_.size(); ++i)
    if (ids_[i] == id) {
      const bool was = filling_;
      filling_ = true;
      list_->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                          wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
      list_->EnsureVisible(static_cast<long>(i));
      filling_ = was;
      return true;
    }
  return false;
}

}  // namespace cmoc::gui

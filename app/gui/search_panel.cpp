#include "search_panel.h"

#include <wx/sizer.h>

#include "list_columns.h"
#include "model/history_presenter.h"

namespace cmoc::gui {

SearchPanel::SearchPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  SetName("search");
  query_ = new wxSearchCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(320, -1), wxTE_PROCESS_ENTER);
  query_->SetDescriptiveText("Words, \"phrases\", AND / OR / NOT, prefix*  (case and accents ignored)");
  query_->SetName("search-query");
  summary_ = new wxStaticText(this, wxID_ANY, "Search the whole project with Ctrl+F.");
  list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  list_->SetName("search-results");
  list_->AppendColumn("Source", wxLIST_FORMAT_LEFT, 200);
  list_->AppendColumn("Who", wxLIST_FORMAT_LEFT, 50);
  list_->AppendColumn("Before", wxLIST_FORMAT_RIGHT, 330);
  list_->AppendColumn("Match", wxLIST_FORMAT_CENTER, 90);
  list_->AppendColumn("After", wxLIST_FORMAT_LEFT, 330);
  widenToHeaders(list_);
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(query_, 0, wxRIGHT, 8);
  row->Add(summary_, 1, wxALIGN_CENTER_VERTICAL);
  auto* col = new wxBoxSizer(wxVERTICAL);
  col->Add(row, 0, wxEXPAND | wxALL, 4);
  col->Add(list_, 1, wxEXPAND);
  SetSizer(col);
  auto run = [this](wxCommandEvent&) {
    if (onSearch) onSearch(query_->GetValue().utf8_string());
  };
  query_->Bind(wxEVT_TEXT_ENTER, run);
  query_->Bind(wxEVT_SEARCHCTRL_SEARCH_BTN, run);
  list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
    if (onJump && e.GetIndex() >= 0) onJump(static_cast<std::size_t>(e.GetIndex()));
  });
  list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    if (onJump && e.GetIndex() >= 0) onJump(static_cast<std::size_t>(e.GetIndex()));
  });
}

void SearchPanel::focusQuery() {
  query_->SetFocus();
  query_->SelectAll();
}

void SearchPanel::show(const SearchPresenter& p) {
  summary_->SetLabel(wxString::FromUTF8(p.summary()));
  list_->Freeze();
  list_->DeleteAllItems();
  for (const SearchRow& r : p.rows()) {
    const long i = list_->InsertItem(list_->GetItemCount(), wxString::FromUTF8(r.source));
    list_->SetItem(i, 1, wxString::FromUTF8(r.who));
    list_->SetItem(i, 2, wxString::FromUTF8(r.before));
    list_->SetItem(i, 3, wxString::FromUTF8(r.match));
    list_->SetItem(i, 4, wxString::FromUTF8(r.after));
  }
  list_->Thaw();
}

AuditPanel::AuditPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  SetName("audit");
  list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
  list_->AppendColumn("When (UTC)", wxLIST_FORMAT_LEFT, 130);
  list_->AppendColumn("Coder", wxLIST_FORMAT_LEFT, 70);
  list_->AppendColumn("Action", wxLIST_FORMAT_LEFT, 110);
  list_->AppendColumn("Entity", wxLIST_FORMAT_LEFT, 90);
  list_->AppendColumn("Detail", wxLIST_FORMAT_LEFT, 700);
  widenToHeaders(list_);
  auto* col = new wxBoxSizer(wxVERTICAL);
  col->Add(list_, 1, wxEXPAND);
  SetSizer(col);
}

void AuditPanel::show(const std::vector<AuditRow>& rows) {
  list_->Freeze();
  list_->DeleteAllItems();
  for (const AuditRow& r : rows) {
    const long i = list_->InsertItem(list_->GetItemCount(), wxString::FromUTF8(r.at));
    list_->SetItem(i, 1, wxString::FromUTF8(r.coder));
    list_->SetItem(i, 2, wxString::FromUTF8(r.action));
    list_->SetItem(i, 3, wxString::FromUTF8(r.entity));
    list_->SetItem(i, 4, wxString::FromUTF8(r.detail));
  }
  list_->Thaw();
}

}  // namespace cmoc::gui

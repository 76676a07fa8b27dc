#pragma once
// Search results (Ctrl+F): a query box and keyword-in-context rows; choosing a row jumps there.
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

#include <functional>

#include "model/search_presenter.h"

namespace cmoc::gui {

class SearchPanel : public wxPanel {
 public:
  explicit SearchPanel(wxWindow* parent);
  void show(const SearchPresenter& presenter);
  void focusQuery();
  void setQuery(const wxString& q) { query_->ChangeValue(q); }
  wxListCtrl* list() const { return list_; }

  std::function<void(const std::string& query)> onSearch;
  std::function<void(std::size_t row)> onJump;

 private:
  wxSearchCtrl* query_;
  wxStaticText* summary_;
  wxListCtrl* list_;
};

// The audit log: who changed what and when, newest first.
class AuditPanel : public wxPanel {
 public:
  explicit AuditPanel(wxWindow* parent);
  void show(const std::vector<struct AuditRow>& rows);

 private:
  wxListCtrl* list_;
};

}  // namespace cmoc::gui

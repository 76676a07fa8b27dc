#pragma once
// The sources list with its filters (text, coded/uncoded, coder, participant/case attribute).
// Draws what SourcesPresenter gives and forwards the chosen source and filter changes.
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

#include <functional>
#include <optional>

#include "model/sources_presenter.h"

namespace cmoc::gui {

class SourcesPanel : public wxPanel {
 public:
  explicit SourcesPanel(wxWindow* parent);

  void show(const SourcesPresenter& presenter, std::optional<std::int64_t> current);
  // The filter the controls describe.
  SourceFilter filter() const;
  void setCoders(const std::vector<std::string>& coders);
  // "case_type = alliance" choices.
  void setAttributes(const std::vector<std::pair<std::string, std::string>>& choices);
  bool selectSource(std::int64_t id);
  wxListCtrl* list() const { return list_; }

  std::function<void(std::int64_t sourceId)> onOpen;
  std::function<void()> onFilterChanged;

 private:
  wxStaticText* heading_;
  wxSearchCtrl* search_;
  wxChoice *coded_, *coder_, *attribute_;
  wxListCtrl* list_;
  std::vector<std::int64_t> ids_;
  std::vector<std::pair<std::string, std::string>> attributes_;
  bool filling_ = false;
};

}  // namespace cmoc::gui

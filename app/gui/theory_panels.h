#pragma once
// The Theory tab (versions, how the theory changed between two of them as a table and as the
// marked causal web) and the Contradictions tab (where the evidence disagrees, both sides of
// a pair side by side). They draw their presenters and forward the user's choices.
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <functional>

#include "model/contradictions_presenter.h"
#include "model/theory_presenter.h"

namespace cmoc::gui {

class ImageFit;

class TheoryPanel : public wxPanel {
 public:
  explicit TheoryPanel(wxWindow* parent);
  void show(const TheoryPresenter& presenter);
  void showError(const wxString& message);

  std::function<void(std::size_t from, std::size_t to)> onCompare;  // indices into choices()

 private:
  wxChoice *from_, *to_;
  wxStaticText* summary_;
  wxListCtrl *versions_, *diff_;
  ImageFit* web_;
};

class ContradictionsPanel : public wxPanel {
 public:
  explicit ContradictionsPanel(wxWindow* parent);
  void show(const ContradictionsPresenter& presenter);

 private:
  void showPair(long row);

  wxStaticText* summary_;
  wxListCtrl* pairs_;
  wxTextCtrl *cmoc_, *against_;
  ReportTable table_;
};

}  // namespace cmoc::gui

#pragma once
// The realist views in the bottom notebook: demiregularities (table and drill-down), the
// causal web (zoomable image; click a node for its CMOCs) and agreement (per-code table,
// disagreements side by side, adjudication). Each draws its presenter and forwards actions.
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/spinctrl.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>

#include <functional>

#include "model/agreement_presenter.h"
#include "model/causal_web_presenter.h"
#include "model/demi_presenter.h"

namespace cmoc::gui {

class DemiTable;

class DemiPanel : public wxPanel {
 public:
  explicit DemiPanel(wxWindow* parent);
  void show(const DemiPresenter& presenter);
  void showDrill(const wxString& mechanism, const std::vector<DrillCmoc>& cmocs);
  int threshold() const { return threshold_->GetValue(); }

  std::function<void(std::size_t row)> onDrill;  // double-click / Enter on a mechanism
  std::function<void()> onThreshold;             // the multiple-sources rule changed
  std::function<void(std::int64_t sourceId, std::int64_t start, std::int64_t end)> onQuote;

 private:
  wxStaticText* note_;
  wxSpinCtrl* threshold_;
  DemiTable* table_;
  wxTreeCtrl* drill_;
};

class WebCanvas;

class WebPanel : public wxPanel {
 public:
  explicit WebPanel(wxWindow* parent);
  // Shows the presenter's image; keeps zoom unless it is the first image.
  void show(const CausalWebPresenter& presenter);
  void showNode(const wxString& code, const std::vector<WebCmocLine>& cmocs);
  void zoomToFit();

  std::function<void(double fx, double fy)> onClick;  // fractions of the image
  std::function<void(std::int64_t cmocId)> onCmoc;

 private:
  WebCanvas* canvas_;
  wxStaticText *summary_, *nodeTitle_;
  wxListBox* cmocs_;
  std::vector<std::int64_t> cmocIds_;
  bool fitted_ = false;  // zoom is the user's once a first image was fitted
};

class AgreementPanel : public wxPanel {
 public:
  explicit AgreementPanel(wxWindow* parent);
  void setCoders(const std::vector<std::string>& coders);
  std::string coderA() const;
  std::string coderB() const;
  std::string consensus() const;
  int unit() const;  // index into AgreementUnit
  bool codedOnly() const;
  void setBusy(const wxString& message);
  void setBlind(bool blind);
  void show(const AgreementPresenter& presenter);
  void showDisagreements(const AgreementPresenter& presenter);
  std::optional<std::size_t> chosenDisagreement() const;

  std::function<void()> onCompute;
  std::function<void()> onExportReport;
  std::function<void(std::size_t row)> onChooseDisagreement;
  std::function<void(std::size_t row, Decision decision)> onAdjudicate;

 private:
  void showSideBySide(std::size_t row);
  wxChoice *a_, *b_, *unit_;
  wxComboBox* consensus_;
  wxCheckBox* codedOnly_;
  wxButton *compute_, *exportReport_;
  wxStaticText *status_, *method_;
  wxListCtrl *table_, *dis_;
  wxStaticText *sideText_, *sideA_, *sideB_, *sideTitleA_, *sideTitleB_;
  wxPanel* body_;
  wxStaticText* blindNote_;
  const AgreementPresenter* presenter_ = nullptr;
};

}  // namespace cmoc::gui

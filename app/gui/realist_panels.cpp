#include "realist_panels.h"

#include "list_columns.h"
#include "model/format.h"

#include <wx/dcbuffer.h>
#include <wx/dcmemory.h>
#include <wx/imaglist.h>
#include <wx/mstream.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/sizer.h>

#include <algorithm>
#include <memory>

namespace cmoc::gui {

namespace {

wxStaticText* hint(wxWindow* parent, const wxString& text) {
  auto* t = new wxStaticText(parent, wxID_ANY, text);
  t->SetForegroundColour(wxColour(0x75, 0x75, 0x75));
  return t;
}

const wxColour kWarn(0xc6, 0x28, 0x28);

class QuoteData : public wxTreeItemData {
 public:
  QuoteData(std::int64_t s, std::int64_t a, std::int64_t b) : source(s), start(a), end(b) {}  // NOLINT
  std::int64_t source, start, end;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// A virtual list, so that only the "below the multiple-sources rule" cell turns red.
class DemiTable : public wxListCtrl {
 public:
  explicit DemiTable(wxWindow* parent)
      : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_VIRTUAL) {
    SetName("demi-table");
    const std::pair<const char*, int> cols[] = {{"Mechanism", 170}, {"CMOCs", 56},     {"Contexts", 66},
                                                {"Outcomes", 70},   {"Excerpts", 66},  {"Sources", 60},
                                                {"Participants", 84}, {"Case types", 74},
                                                {"Below multiple-sources rule", 190}};
    for (const auto& [name, w] : cols)
      AppendColumn(name, std::string(name) == "Mechanism" || std::string(name).starts_with("Below")
                             ? wxLIST_FORMAT_LEFT : wxLIST_FORMAT_RIGHT, w);
    widenToHeaders(this);
    auto* images = new wxImageList(12, 12, true);
    wxBitmap dot(12, 12, 24);
    {
      wxMemoryDC dc(dot);
      dc.SetBackground(*wxWHITE_BRUSH);
      dc.Clear();
      dc.SetBrush(wxBrush(kWarn));
      dc.SetPen(*wxTRANSPARENT_PEN);
      dc.DrawCircle(6, 6, 5);
    }
    wxImage img = dot.ConvertToImage();
    img.SetMaskColour(255, 255, 255);
    images->Add(wxBitmap(img));
    AssignImageList(images, wxIMAGE_LIST_SMALL);
  }
  void setRows(std::vector<DemiRow> rows) {
    rows_ = std::move(rows);
    SetItemCount(static_cast<long>(rows_.size()));
    Refresh();
  }
  wxString OnGetItemText(long item, long column) const override {
    const DemiRow& r = rows_[static_cast<std::size_t>(item)];
    const std::int64_t values[] = {r.cmocs, r.contexts, r.outcomes, r.excerpts, r.sources, r.participants, r.caseTypes};
    if (column == 0) return wxString::FromUTF8(r.mechanism);
    if (column == 8) return wxString::FromUTF8(r.belowRule);
    return wxString::Format("%lld", static_cast<long long>(values[column - 1]));
  }
  // wxGTK's list control colours whole rows only, so a failing cell gets a red marker.
  int OnGetItemColumnImage(long item, long column) const override {
    return column == 8 && rows_[static_cast<std::size_t>(item)].warn ? 0 : -1;
  }
  int OnGetItemImage(long) const override { return -1; }

 private:
  std::vector<DemiRow> rows_;
};

DemiPanel::DemiPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  SetName("demiregularities");
  auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
  table_ = new DemiTable(split);
  drill_ = new wxTreeCtrl(split, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                          wxTR_HAS_BUTTONS | wxTR_HIDE_ROOT | wxTR_LINES_AT_ROOT | wxTR_SINGLE);
  drill_->SetName("demi-drill");
  split->SplitVertically(table_, drill_);
  split->SetMinimumPaneSize(120);
  split->SetSashGravity(0.5);
  // The first real size decides where the sash goes: the table gets the width of all its
  // columns (no header cut off), up to 70% of the pane; the drill-down the rest.
  split->Bind(wxEVT_SIZE, [this, split, placed = std::make_shared<bool>(false)](wxSizeEvent& e) {
    if (e.GetSize().x > 600 && !*placed) {
      *placed = true;
      split->CallAfter([this, split] {
        int columns = 24;  // room for the vertical scroll bar
        for (int c = 0; c < table_->GetColumnCount(); ++c) columns += table_->GetColumnWidth(c);
        split->SetSashPosition(std::min(columns, split->GetSize().x * 70 / 100));
      });
    }
    e.Skip();
  });
  note_ = hint(this, "");
  threshold_ = new wxSpinCtrl(this, wxID_ANY, "2", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1, 50, 2);
  threshold_->SetToolTip("The multiple-sources rule: distinct sources a CMOC needs");
  threshold_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) {
    if (onThreshold) onThreshold();
  });
  auto* foot = new wxBoxSizer(wxHORIZONTAL);
  foot->Add(new wxStaticText(this, wxID_ANY, "Sources a CMOC needs"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  foot->Add(threshold_, 0, wxRIGHT, 10);
  foot->Add(note_, 1, wxALIGN_CENTER_VERTICAL);
  auto* col = new wxBoxSizer(wxVERTICAL);
  col->Add(split, 1, wxEXPAND);
  col->Add(foot, 0, wxEXPAND | wxALL, 3);
  SetSizer(col);
  table_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
    if (onDrill && e.GetIndex() >= 0) onDrill(static_cast<std::size_t>(e.GetIndex()));
  });
  drill_->Bind(wxEVT_TREE_ITEM_ACTIVATED, [this](wxTreeEvent& e) {
    if (auto* q = dynamic_cast<QuoteData*>(drill_->GetItemData(e.GetItem())); q && onQuote)
      onQuote(q->source, q->start, q->end);
  });
}

void DemiPanel::show(const DemiPresenter& p) {
  table_->setRows(p.rows());
  if (p.rows().empty())
    note_->SetLabel("No CMOCs yet: build them in the CMOC builder on the right.");
  else
    note_->SetLabel("Double-click a mechanism for its CMOCs with attributed quotes; double-click a quote "
                    "to open it in its transcript. A red mark: CMOCs below the multiple-sources rule.");
}

void DemiPanel::showDrill(const wxString& mechanism, const std::vector<DrillCmoc>& cmocs) {
  drill_->Freeze();
  drill_->DeleteAllItems();
  const wxTreeItemId root = drill_->AddRoot(mechanism);
  for (const DrillCmoc& c : cmocs) {
    const wxTreeItemId item = drill_->AppendItem(
        root, wxString::FromUTF8("[" + c.status + "] " + c.sentence + "   (" + c.support + ")"));
    if (c.failsRule) drill_->SetItemTextColour(item, kWarn);
    drill_->SetItemBold(item, true);
    drill_->AppendItem(item, wxString::FromUTF8(c.statement));
    for (const Quote& q : c.quotes)
      drill_->AppendItem(item,
                         wxString::FromUTF8(std::string(toString(q.slot)) + " (" + q.code + "): \xE2\x80\x9C" +
                                            q.text + "\xE2\x80\x9D (" + q.attribution + ")"),
                         -1, -1, new QuoteData(q.sourceId, q.start, q.end));
    drill_->Expand(item);
  }
  drill_->Thaw();
}

// ---------------------------------------------------------------------------------------------
class WebCanvas : public wxScrolledWindow {
 public:
  explicit WebCanvas(wxWindow* parent) : wxScrolledWindow(parent, wxID_ANY) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetScrollRate(20, 20);
    SetName("causal-web-image");
    Bind(wxEVT_PAINT, &WebCanvas::onPaint, this);
    Bind(wxEVT_LEFT_DOWN, &WebCanvas::onClick, this);
    Bind(wxEVT_MOUSEWHEEL, &WebCanvas::onWheel, this);
  }
  void setImage(const wxImage& img, bool keepZoom) {
    image_ = img;
    if (!keepZoom) fit();
    else rescale();
  }
  void zoom(double factor) {
    scale_ = std::clamp(scale_ * factor, 0.1, 6.0);
    rescale();
  }
  // Fits the whole web into the pane, but shrinks for height only down to half size, where the
  // labels stay readable; a taller web then scrolls. Never enlarges past 1:1, where the labels
  // are sharpest.
  void fit() {
    if (!image_.IsOk()) return rescale();
    const wxSize c = GetClientSize();
    const double byWidth = std::max(50, c.x - 20) / double(image_.GetWidth());
    const double byHeight = std::max(50, c.y - 10) / double(image_.GetHeight());
    scale_ = std::min({1.0, byWidth, std::max(0.5, byHeight)});
    rescale();
  }
  std::function<void(double, double)> onClick_;

 private:
  void rescale() {
    if (!image_.IsOk()) {
      scaled_ = wxBitmap();
      SetVirtualSize(1, 1);
      Refresh();
      return;
    }
    const int w = std::max(1, int(image_.GetWidth() * scale_)), h = std::max(1, int(image_.GetHeight() * scale_));
    scaled_ = wxBitmap(image_.Scale(w, h, wxIMAGE_QUALITY_HIGH));
    SetVirtualSize(w, h);
    Refresh();
  }
  void onPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    DoPrepareDC(dc);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    if (scaled_.IsOk()) dc.DrawBitmap(scaled_, 0, 0);
  }
  void onClick(wxMouseEvent& e) {
    if (!scaled_.IsOk() || !onClick_) return;
    const wxPoint p = CalcUnscrolledPosition(e.GetPosition());
    onClick_(p.x / double(scaled_.GetWidth()), p.y / double(scaled_.GetHeight()));
  }
  void onWheel(wxMouseEvent& e) {
    if (!e.ControlDown()) return e.Skip();
    zoom(e.GetWheelRotation() > 0 ? 1.15 : 1 / 1.15);
  }
  wxImage image_;
  wxBitmap scaled_;
  double scale_ = 1;
};

WebPanel::WebPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  SetName("causal-web");
  auto* in = new wxButton(this, wxID_ZOOM_IN, "Zoom in", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  auto* out = new wxButton(this, wxID_ZOOM_OUT, "Zoom out", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  auto* fit = new wxButton(this, wxID_ZOOM_FIT, "Fit", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  summary_ = new wxStaticText(this, wxID_ANY, "");
  canvas_ = new WebCanvas(this);
  nodeTitle_ = new wxStaticText(this, wxID_ANY, "Click a node");
  nodeTitle_->SetFont(nodeTitle_->GetFont().Bold());
  cmocs_ = new wxListBox(this, wxID_ANY);
  cmocs_->SetName("web-node-cmocs");
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(in, 0, wxRIGHT, 3);
  bar->Add(out, 0, wxRIGHT, 3);
  bar->Add(fit, 0, wxRIGHT, 10);
  bar->Add(summary_, 1, wxALIGN_CENTER_VERTICAL);
  auto* side = new wxBoxSizer(wxVERTICAL);
  side->Add(nodeTitle_, 0, wxALL, 4);
  side->Add(cmocs_, 1, wxEXPAND);
  auto* body = new wxBoxSizer(wxHORIZONTAL);
  body->Add(canvas_, 7, wxEXPAND);
  body->Add(side, 3, wxEXPAND | wxLEFT, 6);
  auto* col = new wxBoxSizer(wxVERTICAL);
  col->Add(bar, 0, wxEXPAND | wxALL, 3);
  col->Add(body, 1, wxEXPAND);
  SetSizer(col);
  in->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { canvas_->zoom(1.25); });
  out->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { canvas_->zoom(0.8); });
  fit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { canvas_->fit(); });
  canvas_->onClick_ = [this](double fx, double fy) {
    if (onClick) onClick(fx, fy);
  };
  cmocs_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent& e) {
    const int i = e.GetSelection();
    if (i >= 0 && static_cast<std::size_t>(i) < cmocIds_.size() && onCmoc) onCmoc(cmocIds_[i]);
  });
}

void WebPanel::show(const CausalWebPresenter& p) {
  summary_->SetLabel(wxString::FromUTF8(p.summary()));
  wxImage img;
  if (!p.png().empty()) {
    wxMemoryInputStream in(p.png().data(), p.png().size());
    img.LoadFile(in, wxBITMAP_TYPE_PNG);
  }
  canvas_->setImage(img, fitted_);
  fitted_ = img.IsOk();
}

void WebPanel::zoomToFit() { canvas_->fit(); }

void WebPanel::showNode(const wxString& code, const std::vector<WebCmocLine>& cmocs) {
  nodeTitle_->SetLabel(wxString::Format("%s: %zu CMOCs", code, cmocs.size()));
  cmocs_->Clear();
  cmocIds_.clear();
  for (const WebCmocLine& c : cmocs) {
    cmocs_->Append(wxString::FromUTF8("#" + std::to_string(c.id) + " [" + c.status + "] " + c.sentence +
                                      " (" + c.coder + ")"));
    cmocIds_.push_back(c.id);
  }
}

// ---------------------------------------------------------------------------------------------
AgreementPanel::AgreementPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  SetName("agreement");
  a_ = new wxChoice(this, wxID_ANY);
  b_ = new wxChoice(this, wxID_ANY);
  unit_ = new wxChoice(this, wxID_ANY);
  unit_->Append({"characters", "sentences", "paragraphs", "turns"});
  unit_->SetSelection(0);
  codedOnly_ = new wxCheckBox(this, wxID_ANY, "coded units only");
  compute_ = new wxButton(this, wxID_ANY, "Compare");
  status_ = new wxStaticText(this, wxID_ANY, "Choose two coders and Compare.");
  blindNote_ = hint(this, "Hidden while \"Only my codings\" is on, so second coding stays blind.");
  blindNote_->Hide();
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(new wxStaticText(this, wxID_ANY, "Coder A"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 3);
  bar->Add(a_, 0, wxRIGHT, 8);
  bar->Add(new wxStaticText(this, wxID_ANY, "Coder B"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 3);
  bar->Add(b_, 0, wxRIGHT, 8);
  bar->Add(new wxStaticText(this, wxID_ANY, "Unit"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 3);
  bar->Add(unit_, 0, wxRIGHT, 8);
  bar->Add(codedOnly_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
  bar->Add(compute_, 0, wxRIGHT, 4);
  auto* methodButton = new wxButton(this, wxID_ANY, "Method...");
  methodButton->SetToolTip("How the figures were computed, as sentences for a methods section");
  methodButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (!method_->GetLabel().empty())
      wxMessageBox(method_->GetLabel(), "Agreement: method", wxOK | wxICON_INFORMATION, this);
  });
  bar->Add(methodButton, 0, wxRIGHT, 4);
  exportReport_ = new wxButton(this, wxID_ANY, "Export...");
  exportReport_->SetToolTip("Save the agreement report for a paper (HTML, Markdown or CSV)");
  exportReport_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (onExportReport) onExportReport();
  });
  bar->Add(exportReport_, 0, wxRIGHT, 8);
  bar->Add(status_, 1, wxALIGN_CENTER_VERTICAL);

  body_ = new wxPanel(this, wxID_ANY);
  table_ = new wxListCtrl(body_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  table_->SetName("agreement-table");
  const std::pair<const char*, int> cols[] = {{"Code", 170}, {"Units", 64}, {"Both", 56}, {"A only", 56},
                                              {"B only", 56}, {"Agree", 62}, {"Kappa", 54}, {"Alpha", 54}};
  for (const auto& [n, w] : cols)
    table_->AppendColumn(n, std::string(n) == "Code" ? wxLIST_FORMAT_LEFT : wxLIST_FORMAT_RIGHT, w);
  dis_ = new wxListCtrl(body_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  dis_->SetName("disagreements");
  dis_->AppendColumn("Source", wxLIST_FORMAT_LEFT, 170);
  dis_->AppendColumn("Where", wxLIST_FORMAT_LEFT, 80);
  dis_->AppendColumn("Code", wxLIST_FORMAT_LEFT, 110);
  dis_->AppendColumn("A", wxLIST_FORMAT_CENTER, 30);
  dis_->AppendColumn("B", wxLIST_FORMAT_CENTER, 30);
  widenToHeaders(table_);
  widenToHeaders(dis_);

  auto* side = new wxPanel(body_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_THEME);
  sideText_ = new wxStaticText(side, wxID_ANY, "Choose a disagreement to see both coders' codes side by side.");
  sideTitleA_ = new wxStaticText(side, wxID_ANY, "Coder A");
  sideTitleB_ = new wxStaticText(side, wxID_ANY, "Coder B");
  sideTitleA_->SetFont(sideTitleA_->GetFont().Bold());
  sideTitleB_->SetFont(sideTitleB_->GetFont().Bold());
  sideA_ = new wxStaticText(side, wxID_ANY, "");
  sideB_ = new wxStaticText(side, wxID_ANY, "");
  consensus_ = new wxComboBox(side, wxID_ANY, "consensus");
  consensus_->SetToolTip("The coder who receives the adjudicated codings");
  auto* acceptA = new wxButton(side, wxID_ANY, "Accept A", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  auto* acceptB = new wxButton(side, wxID_ANY, "Accept B", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  auto* both = new wxButton(side, wxID_ANY, "Both", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  auto* none = new wxButton(side, wxID_ANY, "Neither", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  auto* acts = new wxBoxSizer(wxHORIZONTAL);
  acts->Add(new wxStaticText(side, wxID_ANY, "Into"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  acts->Add(consensus_, 1, wxRIGHT, 6);
  for (wxButton* b : {acceptA, acceptB, both, none}) acts->Add(b, 0, wxRIGHT, 2);
  auto* ab = new wxFlexGridSizer(2, 4, 8);
  ab->AddGrowableCol(1);
  ab->Add(sideTitleA_);
  ab->Add(sideA_, 1, wxEXPAND);
  ab->Add(sideTitleB_);
  ab->Add(sideB_, 1, wxEXPAND);
  auto* sideCol = new wxBoxSizer(wxVERTICAL);
  sideCol->Add(acts, 0, wxEXPAND | wxALL, 4);
  sideCol->Add(sideText_, 0, wxEXPAND | wxLEFT | wxRIGHT, 6);
  sideCol->Add(ab, 0, wxEXPAND | wxALL, 6);
  side->SetSizer(sideCol);

  // The method paragraph (for a paper's methods section) sits behind a button: the table
  // needs the room.
  method_ = hint(body_, "");
  method_->Hide();
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(table_, 5, wxEXPAND | wxRIGHT, 4);
  row->Add(dis_, 4, wxEXPAND | wxRIGHT, 4);
  row->Add(side, 6, wxEXPAND);
  body_->SetSizer(row);

  auto* col = new wxBoxSizer(wxVERTICAL);
  col->Add(bar, 0, wxEXPAND | wxALL, 3);
  col->Add(blindNote_, 0, wxALL, 6);
  col->Add(body_, 1, wxEXPAND);
  SetSizer(col);

  compute_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (onCompute) onCompute();
  });
  dis_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    if (e.GetIndex() < 0) return;
    showSideBySide(static_cast<std::size_t>(e.GetIndex()));
    if (onChooseDisagreement) onChooseDisagreement(static_cast<std::size_t>(e.GetIndex()));
  });
  const std::pair<wxButton*, Decision> decisions[] = {
      {acceptA, Decision::A}, {acceptB, Decision::B}, {both, Decision::Both}, {none, Decision::None}};
  for (const auto& [button, d] : decisions)
    button->Bind(wxEVT_BUTTON, [this, d = d](wxCommandEvent&) {
      if (auto chosen = chosenDisagreement(); chosen && onAdjudicate) onAdjudicate(*chosen, d);
    });
}

void AgreementPanel::setCoders(const std::vector<std::string>& coders) {
  const wxString wasA = a_->GetStringSelection(), wasB = b_->GetStringSelection();
  a_->Clear();
  b_->Clear();
  consensus_->Clear();
  for (const auto& c : coders) {
    a_->Append(wxString::FromUTF8(c));
    b_->Append(wxString::FromUTF8(c));
    consensus_->Append(wxString::FromUTF8(c));
  }
  if (consensus_->GetValue().empty()) consensus_->SetValue("consensus");
  if (!a_->SetStringSelection(wasA) && !coders.empty()) a_->SetSelection(0);
  if (!b_->SetStringSelection(wasB) && coders.size() > 1) b_->SetSelection(1);
}

std::string AgreementPanel::coderA() const { return a_->GetStringSelection().utf8_string(); }
std::string AgreementPanel::coderB() const { return b_->GetStringSelection().utf8_string(); }
std::string AgreementPanel::consensus() const { return consensus_->GetValue().utf8_string(); }
int AgreementPanel::unit() const { return std::max(0, unit_->GetSelection()); }
bool AgreementPanel::codedOnly() const { return codedOnly_->GetValue(); }
void AgreementPanel::setBusy(const wxString& message) {
  status_->SetLabel(message);
  compute_->Enable(message.empty() || !message.EndsWith(wxString::FromUTF8("\xE2\x80\xA6")));
}

void AgreementPanel::setBlind(bool blind) {
  blindNote_->Show(blind);
  body_->Show(!blind);
  compute_->Enable(!blind);
  exportReport_->Enable(!blind);
  Layout();
}

void AgreementPanel::show(const AgreementPresenter& p) {
  presenter_ = &p;
  table_->Freeze();
  table_->DeleteAllItems();
  for (const AgreementRow& r : p.rows()) {
    const long i = table_->InsertItem(table_->GetItemCount(), wxString::FromUTF8(r.code));
    const std::string* v[] = {&r.units, &r.both, &r.aOnly, &r.bOnly, &r.percent, &r.kappa, &r.alpha};
    for (int c = 0; c < 7; ++c) table_->SetItem(i, c + 1, wxString::FromUTF8(*v[c]));
    if (r.overall) table_->SetItemFont(i, table_->GetFont().Bold());
    if (r.weak && !r.overall) table_->SetItemTextColour(i, kWarn);
  }
  table_->Thaw();
  status_->SetLabel(wxString::FromUTF8(p.heading()));
  compute_->Enable();
  method_->SetLabel(wxString::FromUTF8(p.method()));
  sideTitleA_->SetLabel("A (" + a_->GetStringSelection() + ")");
  sideTitleB_->SetLabel("B (" + b_->GetStringSelection() + ")");
}

void AgreementPanel::showDisagreements(const AgreementPresenter& p) {
  presenter_ = &p;
  dis_->Freeze();
  dis_->DeleteAllItems();
  for (const DisagreementRow& r : p.disagreements()) {
    const long i = dis_->InsertItem(dis_->GetItemCount(), wxString::FromUTF8(r.source));
    dis_->SetItem(i, 1, r.unit.empty() ? wxString::Format("%lld-%lld", (long long)r.start, (long long)r.end)
                                       : wxString::FromUTF8(r.unit));
    dis_->SetItem(i, 2, wxString::FromUTF8(r.code));
    dis_->SetItem(i, 3, r.appliedA ? wxString::FromUTF8("\xE2\x9C\x93") : wxString());
    dis_->SetItem(i, 4, r.appliedB ? wxString::FromUTF8("\xE2\x9C\x93") : wxString());
  }
  dis_->Thaw();
  sideText_->SetLabel(wxString::Format("%zu disagreements. Choose one to see both coders' codes side by side.",
                                       p.disagreements().size()));
  sideA_->SetLabel("");
  sideB_->SetLabel("");
}

std::optional<std::size_t> AgreementPanel::chosenDisagreement() const {
  const long i = dis_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (i < 0) return std::nullopt;
  return static_cast<std::size_t>(i);
}

void AgreementPanel::showSideBySide(std::size_t row) {
  if (!presenter_ || row >= presenter_->disagreements().size()) return;
  const DisagreementRow& r = presenter_->disagreements()[row];
  sideText_->SetLabel(wxString::FromUTF8("\xE2\x80\x9C" + shorten(r.text, 220) + "\xE2\x80\x9D  (" + r.source + ")"));
  sideText_->Wrap(std::max(200, sideText_->GetParent()->GetClientSize().x - 12));
  sideA_->SetLabel(wxString::FromUTF8((r.appliedA ? "applied " : "did not apply ") + r.code + "; codes here: " + r.codesA));
  sideB_->SetLabel(wxString::FromUTF8((r.appliedB ? "applied " : "did not apply ") + r.code + "; codes here: " + r.codesB));
  const int wrap = std::max(150, sideA_->GetParent()->GetClientSize().x - sideTitleA_->GetSize().x - 24);
  sideA_->Wrap(wrap);
  sideB_->Wrap(wrap);
  sideA_->GetParent()->Layout();
}

}  // namespace cmoc::gui

#include "theory_panels.h"

#include <wx/dcbuffer.h>
#include <wx/mstream.h>
#include <wx/sizer.h>

#include <algorithm>
#include <initializer_list>

#include "list_columns.h"

namespace cmoc::gui {

namespace {

wxString U(const std::string& s) { return wxString::FromUTF8(s); }

// A report table in a report-mode list; long cells are cut to one readable line.
void fill(wxListCtrl* list, const ReportTable& t, const std::vector<std::string>& only = {}) {
  list->ClearAll();
  std::vector<std::size_t> shown;
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (only.empty() || std::find(only.begin(), only.end(), t.columns[c]) != only.end())
      shown.push_back(c);
  for (std::size_t i = 0; i < shown.size(); ++i)
    list->InsertColumn(static_cast<long>(i), U(t.columns[shown[i]]));
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const long row = list->InsertItem(static_cast<long>(r), "");
    for (std::size_t i = 0; i < shown.size(); ++i) {
      std::string text = shown[i] < t.rows[r].size() ? cellText(t.rows[r][shown[i]]) : "";
      std::replace(text.begin(), text.end(), '\n', ' ');
      list->SetItem(row, static_cast<long>(i), U(text));
    }
  }
  for (int c = 0; c < list->GetColumnCount(); ++c)
    list->SetColumnWidth(c, t.rows.empty() ? wxLIST_AUTOSIZE_USEHEADER : wxLIST_AUTOSIZE);
  for (int c = 0; c < list->GetColumnCount(); ++c)
    list->SetColumnWidth(c, std::min(list->GetColumnWidth(c), 360));
  widenToHeaders(list);
}

}  // namespace

// The marked web, scaled to fit the space it has (the whole web at a glance).
class ImageFit : public wxPanel {
 public:
  explicit ImageFit(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
      Refresh();
      e.Skip();
    });
  }
  void setPng(const std::string& png) {
    image_ = wxImage();
    if (!png.empty()) {
      wxMemoryInputStream in(png.data(), png.size());
      image_.LoadFile(in, wxBITMAP_TYPE_PNG);
    }
    Refresh();
  }

 private:
  void paint() {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    const wxSize size = GetClientSize();
    if (!image_.IsOk() || size.x < 2 || size.y < 2) return;
    const double scale = std::min({1.0, double(size.x) / image_.GetWidth(),
                                   double(size.y) / image_.GetHeight()});
    const int w = std::max(1, int(image_.GetWidth() * scale));
    const int h = std::max(1, int(image_.GetHeight() * scale));
    dc.DrawBitmap(wxBitmap(image_.Scale(w, h, wxIMAGE_QUALITY_HIGH)), (size.x - w) / 2, 0);
  }

  wxImage image_;
};

TheoryPanel::TheoryPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  SetName("theory");
  from_ = new wxChoice(this, wxID_ANY);
  from_->SetName("theory-from");
  to_ = new wxChoice(this, wxID_ANY);
  to_->SetName("theory-to");
  summary_ = new wxStaticText(this, wxID_ANY, "");
  auto* tables = new wxPanel(this, wxID_ANY);
  versions_ = new wxListCtrl(tables, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                             wxLC_REPORT | wxLC_SINGLE_SEL);
  versions_->SetName("theory-versions");
  diff_ = new wxListCtrl(tables, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                         wxLC_REPORT | wxLC_SINGLE_SEL);
  diff_->SetName("theory-diff");
  // Side by side: the bottom notebook is wide and short.
  auto* versionsCol = new wxBoxSizer(wxVERTICAL);
  versionsCol->Add(new wxStaticText(tables, wxID_ANY, "Versions"), 0, wxALL, 3);
  versionsCol->Add(versions_, 1, wxEXPAND);
  auto* diffCol = new wxBoxSizer(wxVERTICAL);
  diffCol->Add(new wxStaticText(tables, wxID_ANY, "How the theory changed"), 0, wxALL, 3);
  diffCol->Add(diff_, 1, wxEXPAND);
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(versionsCol, 2, wxEXPAND | wxRIGHT, 4);
  row->Add(diffCol, 3, wxEXPAND);
  tables->SetSizer(row);
  for (wxListCtrl* list : {versions_, diff_}) list->SetMinSize(wxSize(120, 40));
  web_ = new ImageFit(this);
  web_->SetName("theory-web");
  auto* body = new wxBoxSizer(wxHORIZONTAL);
  body->Add(tables, 11, wxEXPAND | wxRIGHT, 4);
  body->Add(web_, 9, wxEXPAND);

  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(new wxStaticText(this, wxID_ANY, "From"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  bar->Add(from_, 0, wxRIGHT, 8);
  bar->Add(new wxStaticText(this, wxID_ANY, "to"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  bar->Add(to_, 0, wxRIGHT, 10);
  bar->Add(summary_, 1, wxALIGN_CENTER_VERTICAL);
  auto* col = new wxBoxSizer(wxVERTICAL);
  col->Add(bar, 0, wxEXPAND | wxALL, 3);
  col->Add(body, 1, wxEXPAND);
  SetSizer(col);
  auto compare = [this](wxCommandEvent&) {
    if (onCompare && from_->GetSelection() >= 0 && to_->GetSelection() >= 0)
      onCompare(static_cast<std::size_t>(from_->GetSelection()),
                static_cast<std::size_t>(to_->GetSelection()));
  };
  from_->Bind(wxEVT_CHOICE, compare);
  to_->Bind(wxEVT_CHOICE, compare);
}

void TheoryPanel::show(const TheoryPresenter& p) {
  from_->Clear();
  to_->Clear();
  for (const std::string& c : p.choices()) {
    from_->Append(U(c));
    to_->Append(U(c));
  }
  from_->SetSelection(static_cast<int>(p.from()));
  to_->SetSelection(static_cast<int>(p.to()));
  const bool any = !p.versions().empty();
  from_->Enable(any);
  to_->Enable(any);
  summary_->SetLabel(U(p.summary()));
  ReportTable versions{{"id", "name", "created", "coder", "cmocs", "links", "memo"}, {}};
  for (const TheoryVersion& v : p.versions())
    versions.add({v.id, v.name, v.createdAt, v.coder, v.cmocCount, v.linkCount, v.memo});
  fill(versions_, versions);
  fill(diff_, p.diff());
  web_->setPng(p.webPng());
  Layout();
}

void TheoryPanel::showError(const wxString& message) { summary_->SetLabel(message); }

ContradictionsPanel::ContradictionsPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  SetName("contradictions");
  summary_ = new wxStaticText(this, wxID_ANY, "");
  pairs_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                          wxLC_REPORT | wxLC_SINGLE_SEL);
  pairs_->SetName("contradiction-pairs");
  const long style = wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP;
  cmoc_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, style);
  against_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, style);
  auto* sides = new wxBoxSizer(wxHORIZONTAL);
  sides->Add(cmoc_, 1, wxEXPAND | wxRIGHT, 3);
  sides->Add(against_, 1, wxEXPAND);
  for (wxWindow* w : std::initializer_list<wxWindow*>{pairs_, cmoc_, against_})
    w->SetMinSize(wxSize(120, 40));
  // The pairs on the left, the selected pair's two sides of evidence beside them.
  auto* body = new wxBoxSizer(wxHORIZONTAL);
  body->Add(pairs_, 4, wxEXPAND | wxRIGHT, 3);
  body->Add(sides, 5, wxEXPAND);
  auto* col = new wxBoxSizer(wxVERTICAL);
  col->Add(summary_, 0, wxEXPAND | wxALL, 4);
  col->Add(body, 1, wxEXPAND);
  SetSizer(col);
  pairs_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { showPair(e.GetIndex()); });
}

void ContradictionsPanel::show(const ContradictionsPresenter& p) {
  table_ = p.table();
  summary_->SetLabel(U(p.summary()));
  fill(pairs_, table_,
       {"mechanism", "kind", "same context", "cmoc", "context", "outcome", "status",
        "against cmoc", "against context", "against outcome", "against status"});
  cmoc_->Clear();
  against_->Clear();
  if (!table_.rows.empty()) pairs_->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
}

// Both sides' evidence, full length, under a line naming each CMOC.
void ContradictionsPanel::showPair(long row) {
  if (row < 0 || static_cast<std::size_t>(row) >= table_.rows.size()) return;
  const auto& cells = table_.rows[static_cast<std::size_t>(row)];
  auto cell = [&](const std::string& column) {
    const auto it = std::find(table_.columns.begin(), table_.columns.end(), column);
    const auto i = static_cast<std::size_t>(it - table_.columns.begin());
    return i < cells.size() ? cellText(cells[i]) : std::string();
  };
  auto side = [&](const std::string& prefix) {
    return "CMOC #" + cell(prefix + "cmoc") + ": " + cell(prefix + "context") + " -> " +
           cell("mechanism") + " -> " + cell(prefix + "outcome") + " (" + cell(prefix + "status") +
           ")\nSources: " + cell(prefix + "sources") + "\n\n" +
           (cell(prefix + "evidence").empty() ? "(no evidence yet)" : cell(prefix + "evidence"));
  };
  cmoc_->ChangeValue(U(side("")));
  against_->ChangeValue(U(side("against ")));
}

}  // namespace cmoc::gui

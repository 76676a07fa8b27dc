#include "cursor_panel.h"

#include <wx/imaglist.h>
#include <wx/sizer.h>

#include "colours.h"

namespace cmoc::gui {

namespace {

const Slot kSlots[3] = {Slot::Context, Slot::Mechanism, Slot::Outcome};
const char* kSlotNames[3] = {"Context", "Mechanism", "Outcome"};
const CmocStatus kStatuses[4] = {CmocStatus::Affirms, CmocStatus::Refines, CmocStatus::Refutes,
                                 CmocStatus::Novel};

wxStaticText* heading(wxWindow* parent, const wxString& text) {
  auto* t = new wxStaticText(parent, wxID_ANY, text);
  t->SetFont(t->GetFont().Bold());
  return t;
}

}  // namespace

CursorPanel::CursorPanel(wxWindow* parent)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL) {
  SetName("cursor-panel");
  SetScrollRate(0, 10);
  auto* col = new wxBoxSizer(wxVERTICAL);

  col->Add(heading(this, "At cursor"), 0, wxLEFT | wxTOP, 8);
  atCursor_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 74),
                             wxLC_REPORT | wxLC_NO_HEADER | wxLC_SINGLE_SEL);
  atCursor_->SetName("at-cursor");
  atCursor_->AppendColumn("Coding", wxLIST_FORMAT_LEFT, 300);
  col->Add(atCursor_, 0, wxEXPAND | wxALL, 6);
  memo_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 42), wxTE_MULTILINE);
  memo_->SetHint("Memo on the chosen coding");
  memo_->SetName("coding-memo");
  col->Add(memo_, 0, wxEXPAND | wxLEFT | wxRIGHT, 6);
  auto* memoRow = new wxBoxSizer(wxHORIZONTAL);
  saveMemo_ = new wxButton(this, wxID_ANY, "Save memo");
  uncode_ = new wxButton(this, wxID_ANY, "Uncode");
  memoRow->Add(saveMemo_, 0, wxRIGHT, 4);
  memoRow->Add(uncode_, 0);
  col->Add(memoRow, 0, wxALL, 6);

  col->Add(heading(this, "CMOC builder"), 0, wxLEFT | wxTOP, 8);
  for (int i = 0; i < 3; ++i) {
    auto* box = new wxPanel(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_SIMPLE);
    box->SetName(wxString("slot-") + kSlotNames[i]);
    auto* title = new wxStaticText(box, wxID_ANY, kSlotNames[i]);
    title->SetFont(title->GetFont().Bold());
    auto* value = new wxStaticText(box, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    auto* set = new wxButton(box, wxID_ANY, "Set", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    set->SetToolTip(wxString::Format(
        "Set the %s from the coding chosen at the cursor (adds it as evidence), or else from the "
        "code selected in the codebook",
        wxString(kSlotNames[i]).Lower()));
    auto* clear = new wxButton(box, wxID_ANY, "Clear", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    auto* inner = new wxBoxSizer(wxHORIZONTAL);
    auto* text = new wxBoxSizer(wxVERTICAL);
    text->Add(title, 0);
    text->Add(value, 0, wxEXPAND | wxTOP, 2);
    inner->Add(text, 1, wxEXPAND | wxALL, 5);
    inner->Add(set, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 3);
    inner->Add(clear, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 5);
    box->SetSizer(inner);
    col->Add(box, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);
    slots_[i] = {title, value, box};
    const Slot slot = kSlots[i];
    set->Bind(wxEVT_BUTTON, [this, slot](wxCommandEvent&) {
      if (onFillSlot) onFillSlot(slot);
    });
    clear->Bind(wxEVT_BUTTON, [this, slot](wxCommandEvent&) {
      if (onClearSlot) onClearSlot(slot);
    });
  }
  const wxString statuses[] = {"affirms", "refines", "refutes", "novel"};
  status_ = new wxRadioBox(this, wxID_ANY, "Status vs prior theory", wxDefaultPosition, wxDefaultSize,
                           4, statuses, 4, wxRA_SPECIFY_COLS);
  status_->SetSelection(3);
  col->Add(status_, 0, wxEXPAND | wxALL, 6);
  sentence_ = new wxStaticText(this, wxID_ANY, "");
  statement_ = new wxStaticText(this, wxID_ANY, "");
  sentence_->SetForegroundColour(wxColour(0x1a, 0x23, 0x7e));
  statement_->SetForegroundColour(wxColour(0x1a, 0x23, 0x7e));
  statement_->SetFont(statement_->GetFont().Italic());
  sentence_->SetName("cmoc-sentence");
  statement_->SetName("cmoc-statement");
  col->Add(sentence_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
  col->Add(statement_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
  chainNote_ = new wxStaticText(this, wxID_ANY, "");
  chainNote_->SetForegroundColour(wxColour(0x88, 0x88, 0x88));
  col->Add(chainNote_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* save = new wxButton(this, wxID_ANY, "Save CMOC");
  auto* chain = new wxButton(this, wxID_ANY, "Save && chain to next");
  auto* fresh = new wxButton(this, wxID_ANY, "New");
  buttons->Add(save, 0, wxRIGHT, 4);
  buttons->Add(chain, 0, wxRIGHT, 4);
  buttons->Add(fresh, 0);
  col->Add(buttons, 0, wxALL, 6);

  col->Add(heading(this, "Memos"), 0, wxLEFT | wxTOP, 8);
  codeMemo_ = new MemoBox(this, "code-memo", "Select a code for its memo");
  sourceMemo_ = new MemoBox(this, "source-memo", "Open a source for its memo");
  col->Add(codeMemo_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);
  col->Add(sourceMemo_, 0, wxEXPAND | wxALL, 6);
  SetSizer(col);

  atCursor_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    const long i = e.GetIndex();
    if (filling_ || i < 0 || static_cast<std::size_t>(i) >= ids_.size()) return;
    chosen_ = ids_[i];
    if (onChoose) onChoose(chosen_);
  });
  saveMemo_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (chosen_ && onSaveMemo) onSaveMemo(chosen_, memo_->GetValue().utf8_string());
  });
  uncode_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (chosen_ && onUncode) onUncode(chosen_);
  });
  status_->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) {
    if (!filling_ && onStatus) onStatus(kStatuses[status_->GetSelection()]);
  });
  save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (onSaveCmoc) onSaveCmoc();
  });
  chain->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (onChain) onChain();
  });
  fresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (onNewCmoc) onNewCmoc();
  });
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    const int w = std::max(120, e.GetSize().x - 28);
    sentence_->Wrap(w);
    statement_->Wrap(w);
    chainNote_->Wrap(w);
    e.Skip();
  });
}

void CursorPanel::showAtCursor(const std::vector<const CodingStripe*>& stripes, std::int64_t chosen) {
  filling_ = true;
  atCursor_->Freeze();
  atCursor_->DeleteAllItems();
  auto* images = new wxImageList(14, 14, true);
  ids_.clear();
  chosen_ = 0;
  std::string memo;
  for (const CodingStripe* s : stripes) {
    const int img = images->Add(colourSquare(s->colour));
    const long i = atCursor_->InsertItem(atCursor_->GetItemCount(),
                                         wxString::FromUTF8(s->codeName + "  (" + s->coder + ")"), img);
    ids_.push_back(s->codingId);
    if (s->codingId == chosen) {
      atCursor_->SetItemState(i, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
      chosen_ = chosen;
      memo = s->memo;
    }
  }
  atCursor_->AssignImageList(images, wxIMAGE_LIST_SMALL);
  if (stripes.empty()) atCursor_->InsertItem(0, "(nothing coded here)");
  atCursor_->Thaw();
  memo_->ChangeValue(wxString::FromUTF8(memo));
  memo_->Enable(chosen_ != 0);
  saveMemo_->Enable(chosen_ != 0);
  uncode_->Enable(chosen_ != 0);
  filling_ = false;
}

void CursorPanel::showBuilder(const CmocBuilderModel& b) {
  filling_ = true;
  for (int i = 0; i < 3; ++i) {
    const BuilderSlot& s = b.slot(kSlots[i]);
    const wxColour c = s.codeId ? toWx(s.colour) : wxColour(0xbb, 0xbb, 0xbb);
    slots_[i].title->SetForegroundColour(c);
    slots_[i].value->SetLabel(wxString::FromUTF8(b.slotText(kSlots[i])));
    slots_[i].value->SetForegroundColour(s.codeId ? wxColour(0x21, 0x21, 0x21) : wxColour(0x88, 0x88, 0x88));
    slots_[i].box->SetOwnBackgroundColour(s.codeId ? c.ChangeLightness(185) : GetBackgroundColour());
    slots_[i].box->Refresh();
  }
  for (int i = 0; i < 4; ++i)
    if (kStatuses[i] == b.status()) status_->SetSelection(i);
  sentence_->SetLabel(wxString::FromUTF8(b.sentence()));
  statement_->SetLabel(wxString::FromUTF8(b.actionStatement()));
  std::string note;
  if (b.chainFrom()) note = "Chained from CMOC " + std::to_string(*b.chainFrom()) + ": saving links the two. ";
  if (!b.complete()) note += "To save, " + b.missing() + ".";
  chainNote_->SetLabel(wxString::FromUTF8(note));
  const int w = std::max(120, GetClientSize().x - 28);
  sentence_->Wrap(w);
  statement_->Wrap(w);
  chainNote_->Wrap(w);
  FitInside();
  Layout();
  filling_ = false;
}

}  // namespace cmoc::gui

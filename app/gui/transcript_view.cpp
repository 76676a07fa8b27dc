#include "transcript_view.h"

#include <wx/dcbuffer.h>
#include <wx/dnd.h>
#include <wx/settings.h>
#include <wx/sizer.h>

#include "colours.h"

namespace cmoc::gui {

namespace {

constexpr int kIndicCoded = 10;  // thin underline in the code's colour under coded text
constexpr int kIndicFocus = 11;  // box behind the clicked or chosen coding
constexpr int kLaneWidth = 7, kLaneGap = 3, kMarginPad = 8;

}  // namespace

wxString codeDragText(std::int64_t codeId) { return wxString::Format("cmoc-code:%lld", static_cast<long long>(codeId)); }

std::int64_t codeFromDragText(const wxString& text) {
  wxString rest;
  long long id = 0;
  if (!text.StartsWith("cmoc-code:", &rest) || !rest.ToLongLong(&id)) return 0;
  return id;
}

// The stripes beside the text: one lane per overlap level, each coding a bar from its first
// to its last line in its code's colour. Hover names code, coder and date; a click selects.
class StripeMargin : public wxWindow {
 public:
  StripeMargin(wxWindow* parent, wxStyledTextCtrl* stc) : wxWindow(parent, wxID_ANY), stc_(stc) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(wxSize(40, -1));
    Bind(wxEVT_PAINT, &StripeMargin::onPaint, this);
    Bind(wxEVT_MOTION, &StripeMargin::onMotion, this);
    Bind(wxEVT_LEFT_DOWN, &StripeMargin::onClick, this);
    Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent&) { UnsetToolTip(); hover_ = 0; });
  }
  void setModel(const TranscriptViewModel* vm) {
    vm_ = vm;
    const int lanes = vm ? std::max(1, vm->laneCount()) : 1;
    SetMinSize(wxSize(2 * kMarginPad + lanes * (kLaneWidth + kLaneGap), -1));
    GetParent()->Layout();
    Refresh();
  }
  std::function<void(std::int64_t)> onClick_;

 private:
  struct Bar {
    wxRect rect;
    const CodingStripe* stripe;
  };
  std::vector<Bar> bars() const {
    std::vector<Bar> out;
    if (!vm_) return out;
    const int h = GetClientSize().y;
    const int first = stc_->GetFirstVisibleLine();
    const int lastDoc = stc_->DocLineFromVisible(first + stc_->LinesOnScreen() + 1);
    const std::int64_t visibleFrom = stc_->PositionFromLine(stc_->DocLineFromVisible(first));
    const std::int64_t visibleTo = stc_->GetLineEndPosition(std::min(lastDoc, stc_->GetLineCount() - 1));
    const int lineHeight = stc_->TextHeight(0);
    for (const CodingStripe& s : vm_->stripes()) {
      if (s.endByte < visibleFrom || s.startByte > visibleTo) continue;
      const int y0 = stc_->PointFromPosition(static_cast<int>(s.startByte)).y;
      const int y1 = stc_->PointFromPosition(static_cast<int>(std::max(s.startByte, s.endByte - 1))).y + lineHeight;
      wxRect r(kMarginPad + s.lane * (kLaneWidth + kLaneGap), std::max(y0, -10), kLaneWidth,
               std::min(y1, h + 10) - std::max(y0, -10));
      if (r.height > 0) out.push_back({r, &s});
    }
    return out;
  }
  const CodingStripe* at(wxPoint p) const {
    for (const Bar& b : bars())
      if (b.rect.Inflate(1, 0).Contains(p)) return b.stripe;
    return nullptr;
  }
  void onPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW)));
    dc.Clear();
    dc.SetPen(wxPen(wxColour(0xdd, 0xdd, 0xdd)));
    dc.DrawLine(0, 0, 0, GetClientSize().y);
    dc.SetPen(*wxTRANSPARENT_PEN);
    for (const Bar& b : bars()) {
      dc.SetBrush(wxBrush(toWx(b.stripe->colour)));
      dc.DrawRectangle(b.rect);
    }
  }
  void onMotion(wxMouseEvent& e) {
    const CodingStripe* s = at(e.GetPosition());
    const std::int64_t id = s ? s->codingId : 0;
    if (id == hover_) return;
    hover_ = id;
    if (s) {
      wxString tip = wxString::FromUTF8(s->hover);
      if (!s->memo.empty()) tip += "\n" + wxString::FromUTF8(s->memo);
      SetToolTip(tip);
      SetCursor(wxCursor(wxCURSOR_HAND));
    } else {
      UnsetToolTip();
      SetCursor(wxNullCursor);
    }
  }
  void onClick(wxMouseEvent& e) {
    if (const CodingStripe* s = at(e.GetPosition()); s && onClick_) onClick_(s->codingId);
  }

  wxStyledTextCtrl* stc_;
  const TranscriptViewModel* vm_ = nullptr;
  std::int64_t hover_ = 0;
};

namespace {

// Accepts a code dragged from the codebook tree and drops it onto the current selection.
class CodeDropTarget : public wxTextDropTarget {
 public:
  explicit CodeDropTarget(TranscriptView* view) : view_(view) {}
  bool OnDropText(wxCoord, wxCoord, const wxString& text) override {
    const std::int64_t id = codeFromDragText(text);
    if (!id || !view_->onCodeDropped) return false;
    view_->onCodeDropped(id);
    return true;
  }
  wxDragResult OnDragOver(wxCoord, wxCoord, wxDragResult) override { return wxDragCopy; }

 private:
  TranscriptView* view_;
};

}  // namespace

TranscriptView::TranscriptView(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  SetName("transcript");
  title_ = new wxStaticText(this, wxID_ANY, "No source open");
  title_->SetFont(title_->GetFont().Bold());
  stc_ = new wxStyledTextCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_NONE);
  stc_->SetName("transcript-text");
  stripes_ = new StripeMargin(this, stc_);
  stripes_->SetName("coding-stripes");
  stripes_->onClick_ = [this](std::int64_t id) {
    if (onStripeClicked) onStripeClicked(id);
  };

  auto* hint = new wxStaticText(this, wxID_ANY,
                                "Hover a stripe: code, coder and date. Click it: select the excerpt. "
                                "Selections snap to whole characters.");
  hint->SetForegroundColour(wxColour(0x88, 0x88, 0x88));
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(stc_, 1, wxEXPAND);
  row->Add(stripes_, 0, wxEXPAND);
  auto* col = new wxBoxSizer(wxVERTICAL);
  col->Add(title_, 0, wxEXPAND | wxALL, 6);
  col->Add(row, 1, wxEXPAND);
  col->Add(hint, 0, wxEXPAND | wxALL, 4);
  SetSizer(col);

  applyStyles();
  stc_->SetDropTarget(new CodeDropTarget(this));
  stc_->Bind(wxEVT_STC_UPDATEUI, [this](wxStyledTextEvent& e) {
    stripes_->Refresh();
    const int caret = stc_->GetCurrentPos(), anchor = stc_->GetAnchor();
    if ((caret != lastCaret_ || anchor != lastAnchor_) && onCaretMoved) {
      lastCaret_ = caret;
      lastAnchor_ = anchor;
      onCaretMoved();
    }
    e.Skip();
  });
  stc_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    stripes_->Refresh();
    e.Skip();
  });
  show(nullptr);
}

wxWindow* TranscriptView::stripes() const { return stripes_; }

void TranscriptView::applyStyles() {
  wxFont font = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
  font.SetPointSize(std::max(10, font.GetPointSize() + 1));
  stc_->StyleSetFont(wxSTC_STYLE_DEFAULT, font);
  stc_->StyleSetForeground(wxSTC_STYLE_DEFAULT, wxColour(0x21, 0x21, 0x21));
  stc_->StyleClearAll();
  stc_->StyleSetBold(static_cast<int>(TextStyle::Speaker), true);
  stc_->StyleSetForeground(static_cast<int>(TextStyle::Speaker), wxColour(0x1a, 0x23, 0x7e));
  stc_->StyleSetBold(static_cast<int>(TextStyle::Interviewer), true);
  stc_->StyleSetForeground(static_cast<int>(TextStyle::Interviewer), wxColour(0x45, 0x5a, 0x64));
  stc_->StyleSetForeground(static_cast<int>(TextStyle::Time), wxColour(0x90, 0x90, 0x90));
  stc_->StyleSetItalic(static_cast<int>(TextStyle::Title), true);
  stc_->SetWrapMode(wxSTC_WRAP_WORD);
  stc_->SetMarginWidth(0, 0);
  stc_->SetMarginWidth(1, 10);  // a little air on the left
  stc_->SetMarginType(1, wxSTC_MARGIN_BACK);
  stc_->SetMarginWidth(2, 0);
  stc_->SetExtraAscent(2);
  stc_->SetExtraDescent(2);
  stc_->SetCaretLineVisible(false);
  stc_->SetUndoCollection(false);
  stc_->SetCodePage(wxSTC_CP_UTF8);
  stc_->SetSelBackground(true, wxColour(0xbb, 0xde, 0xfb));
  stc_->SetLayoutCache(wxSTC_CACHE_PAGE);
  // Nothing here listens to modifications, and wx turns each into an event with the inserted
  // text as a wxString: 45 ms of a 20,000-word SetText. Styling is ours, not a lexer's.
  stc_->SetModEventMask(0);
  stc_->SetLexer(wxSTC_LEX_NULL);
  stc_->IndicatorSetStyle(kIndicCoded, wxSTC_INDIC_COMPOSITIONTHIN);
  stc_->IndicatorSetFlags(kIndicCoded, wxSTC_INDICFLAG_VALUEFORE);
  stc_->IndicatorSetStyle(kIndicFocus, wxSTC_INDIC_STRAIGHTBOX);
  stc_->IndicatorSetFlags(kIndicFocus, wxSTC_INDICFLAG_VALUEFORE);
  stc_->IndicatorSetAlpha(kIndicFocus, 60);
  stc_->IndicatorSetOutlineAlpha(kIndicFocus, 120);
  stc_->IndicatorSetUnder(kIndicFocus, true);
}

void TranscriptView::show(const TranscriptViewModel* vm) {
  vm_ = vm;
  focused_ = 0;
  stc_->SetReadOnly(false);
  if (!vm) {
    stc_->SetTextRaw("");
    title_->SetLabel("No source open: choose one on the left (Alt+1), or import transcripts (Ctrl+I).");
  } else {
    stc_->SetTextRaw(vm->displayText().c_str());
    title_->SetLabel(wxString::FromUTF8(vm->title()));
    stc_->ClearDocumentStyle();
    for (const StyledRun& r : vm->styles()) {
      stc_->StartStyling(static_cast<int>(r.start));
      stc_->SetStyling(static_cast<int>(r.length), static_cast<int>(r.style));
    }
  }
  stc_->SetReadOnly(true);
  stc_->EmptyUndoBuffer();
  stc_->GotoPos(0);
  lastCaret_ = lastAnchor_ = -1;
  stripes_->setModel(vm);
  underlineCodings();
  Layout();
}

void TranscriptView::refreshCodings() {
  stripes_->setModel(vm_);
  underlineCodings();
  if (focused_ && (!vm_ || !vm_->stripe(focused_))) focusCoding(0);
  else focusCoding(focused_);
}

void TranscriptView::underlineCodings() {
  stc_->SetIndicatorCurrent(kIndicCoded);
  stc_->IndicatorClearRange(0, stc_->GetLength());
  if (!vm_) return;
  for (const CodingStripe& s : vm_->stripes()) {
    if (s.endByte <= s.startByte) continue;
    stc_->SetIndicatorValue(static_cast<int>(toWx(s.colour).GetRGB()));
    stc_->IndicatorFillRange(static_cast<int>(s.startByte), static_cast<int>(s.endByte - s.startByte));
  }
}

void TranscriptView::focusCoding(std::int64_t codingId) {
  stc_->SetIndicatorCurrent(kIndicFocus);
  stc_->IndicatorClearRange(0, stc_->GetLength());
  focused_ = 0;
  if (!vm_ || !codingId) return;
  const CodingStripe* s = vm_->stripe(codingId);
  if (!s || s->endByte <= s->startByte) return;
  focused_ = codingId;
  stc_->SetIndicatorValue(static_cast<int>(toWx(s->colour).GetRGB()));
  stc_->IndicatorFillRange(static_cast<int>(s->startByte), static_cast<int>(s->endByte - s->startByte));
}

Selection TranscriptView::selection() const {
  return {stc_->GetSelectionStart(), stc_->GetSelectionEnd()};
}

std::int64_t TranscriptView::caret() const { return stc_->GetCurrentPos(); }

void TranscriptView::select(std::int64_t from, std::int64_t to) {
  const int line = stc_->LineFromPosition(static_cast<int>(from));
  stc_->SetFirstVisibleLine(std::max(0, stc_->VisibleFromDocLine(line) - 3));
  stc_->SetSelection(static_cast<int>(from), static_cast<int>(to));
  stc_->EnsureCaretVisible();
}

}  // namespace cmoc::gui

#pragma once
// The centre of the window: the transcript in a read-only wxStyledTextCtrl (speaker headers
// bold, times grey, a blank line between turns) with the coding stripes beside it. It draws
// what a TranscriptViewModel says and forwards clicks, hovers, caret moves and dropped codes.
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/stc/stc.h>

#include <functional>

#include "model/coding_controller.h"
#include "model/transcript_view_model.h"

namespace cmoc::gui {

class StripeMargin;

class TranscriptView : public wxPanel {
 public:
  explicit TranscriptView(wxWindow* parent);

  // Shows a source (nullptr: an empty view with a hint). The model must outlive the view's use.
  void show(const TranscriptViewModel* vm);
  // The model's codings changed (text and layout did not): redraw stripes and underlines.
  void refreshCodings();
  Selection selection() const;
  std::int64_t caret() const;
  // Selects display bytes [from, to) and scrolls them into view.
  void select(std::int64_t from, std::int64_t to);
  // Marks one coding's text in its code's colour (0: none).
  void focusCoding(std::int64_t codingId);
  std::int64_t focusedCoding() const { return focused_; }
  wxStyledTextCtrl* text() const { return stc_; }
  wxWindow* stripes() const;

  std::function<void()> onCaretMoved;
  std::function<void(std::int64_t codingId)> onStripeClicked;
  std::function<void(std::int64_t codeId)> onCodeDropped;  // a code dragged from the tree

 private:
  void applyStyles();
  void underlineCodings();

  const TranscriptViewModel* vm_ = nullptr;
  wxStaticText* title_;
  wxStyledTextCtrl* stc_;
  StripeMargin* stripes_;
  std::int64_t focused_ = 0;
  int lastCaret_ = -1, lastAnchor_ = -1;
};

// Drag-and-drop payload for a code: "cmoc-code:<id>".
wxString codeDragText(std::int64_t codeId);
std::int64_t codeFromDragText(const wxString& text);  // 0 when not a code

}  // namespace cmoc::gui

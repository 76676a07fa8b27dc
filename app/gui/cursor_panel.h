#pragma once
// The right-hand panel: the codings at the cursor (click one to select its excerpt), the memo
// of the chosen coding, and the CMOC builder (three slots, status, live sentence and
// if-then-because, save and chain), then the memos on the selected code and the open source.
// It draws the models and forwards what the user does.
#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/radiobox.h>
#include <wx/scrolwin.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <functional>
#include <vector>

#include "cmoc/cmocs.h"
#include "memo_box.h"
#include "model/cmoc_builder_model.h"
#include "model/transcript_view_model.h"

namespace cmoc::gui {

class CursorPanel : public wxScrolledWindow {
 public:
  explicit CursorPanel(wxWindow* parent);

  // The codings under the caret, innermost first; `chosen` is highlighted.
  void showAtCursor(const std::vector<const CodingStripe*>& stripes, std::int64_t chosen);
  std::int64_t chosenCoding() const { return chosen_; }
  void showBuilder(const CmocBuilderModel& builder);
  wxString memo() const { return memo_->GetValue(); }
  void focusMemo() { memo_->SetFocus(); }
  MemoBox* codeMemo() const { return codeMemo_; }
  MemoBox* sourceMemo() const { return sourceMemo_; }

  std::function<void(std::int64_t codingId)> onChoose;
  std::function<void(std::int64_t codingId, const std::string& memo)> onSaveMemo;
  std::function<void(std::int64_t codingId)> onUncode;
  std::function<void(Slot slot)> onFillSlot;   // from the chosen coding, or the tree's code
  std::function<void(Slot slot)> onClearSlot;
  std::function<void(CmocStatus status)> onStatus;
  std::function<void()> onSaveCmoc;
  std::function<void()> onChain;
  std::function<void()> onNewCmoc;

 private:
  wxListCtrl* atCursor_;
  wxTextCtrl* memo_;
  wxButton *saveMemo_, *uncode_;
  struct SlotWidgets {
    wxStaticText* title;
    wxStaticText* value;
    wxPanel* box;
  };
  SlotWidgets slots_[3];
  wxRadioBox* status_;
  MemoBox *codeMemo_, *sourceMemo_;
  wxStaticText *sentence_, *statement_, *chainNote_;
  std::vector<std::int64_t> ids_;
  std::int64_t chosen_ = 0;
  bool filling_ = false;
};

}  // namespace cmoc::gui

#pragma once
// One memo editor in the right-hand panel: a title naming what the memo is on ("Memo on code
// Trust"), the text, and Save. It shows a MemoTarget and forwards the text to save.
#include <wx/button.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <functional>
#include <optional>
#include <string>

#include "model/memo_presenter.h"

namespace cmoc::gui {

class MemoBox : public wxPanel {
 public:
  // `empty` is the title shown while there is nothing to write a memo on.
  MemoBox(wxWindow* parent, const wxString& name, const wxString& empty);
  void show(const std::optional<MemoTarget>& target);
  const std::optional<MemoTarget>& target() const { return target_; }
  // Types `text` and presses Save, as a user would (the self-test's way in).
  void typeAndSave(const std::string& text);

  std::function<void(const MemoTarget& target, const std::string& text)> onSave;

 private:
  wxStaticText* title_;
  wxTextCtrl* text_;
  wxButton* save_;
  wxString empty_;
  std::optional<MemoTarget> target_;
};

}  // namespace cmoc::gui

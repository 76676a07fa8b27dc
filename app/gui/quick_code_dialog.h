#pragma once
// The quick-code box (Q in the transcript): type a few letters, arrows to choose, Enter to code
// the selection. The ranking is QuickCodeModel's.
#include <wx/dialog.h>
#include <wx/listbox.h>
#include <wx/textctrl.h>

#include <optional>

#include "model/quick_code_model.h"

namespace cmoc::gui {

class QuickCodeDialog : public wxDialog {
 public:
  QuickCodeDialog(wxWindow* parent, const QuickCodeModel& model, const wxString& initial = "");
  std::optional<std::int64_t> chosen() const;
  // Types `text` and presses Enter, as a user would (the self-test drives the box this way).
  void typeAndAccept(const wxString& text);

 private:
  void refill();
  void accept();
  const QuickCodeModel& model_;
  wxTextCtrl* query_;
  wxListBox* list_;
  std::vector<QuickCodeMatch> matches_;
};

}  // namespace cmoc::gui

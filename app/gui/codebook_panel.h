#pragma once
// The codebook tree: kind marker, colour square, name and "codings / sources" per code.
// Double-click or Enter applies the code to the transcript selection (forwarded); F2 or a slow
// second click renames in place; dragging a code onto another nests it, onto empty space moves
// it to the top level, onto the top edge of a code's row puts it before that code (reorder),
// onto the transcript codes the selection with it.
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/treectrl.h>

#include <functional>
#include <map>
#include <optional>

#include "model/codebook_tree_model.h"

namespace cmoc::gui {

class CodebookPanel : public wxPanel {
 public:
  explicit CodebookPanel(wxWindow* parent);

  // Redraws from the model, keeping the selection and the expanded state where codes remain.
  void show(const CodebookTreeModel& model);
  std::optional<std::int64_t> selectedCode() const;
  // Selects a code; with notify, onSelect fires as for a click (the self-test's way in).
  bool selectCode(std::int64_t codeId, bool notify = false);
  wxTreeCtrl* tree() const { return tree_; }
  void startRename();

  std::function<void(std::int64_t codeId)> onActivate;  // double-click / Enter
  std::function<void(std::int64_t codeId, const std::string& name)> onRename;
  std::function<void(std::int64_t codeId, std::optional<std::int64_t> parent)> onNest;
  std::function<void(std::int64_t codeId)> onSelect;
  std::function<void(std::int64_t codeId, std::optional<std::int64_t> before)> onReorder;

 private:
  class CodeData;
  std::int64_t codeOf(const wxTreeItemId& item) const;

  wxTreeCtrl* tree_;
  wxStaticText* heading_;
  const CodebookTreeModel* model_ = nullptr;
  std::map<std::int64_t, wxTreeItemId> items_;
  bool filling_ = false;
};

}  // namespace cmoc::gui

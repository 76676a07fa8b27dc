#include "codebook_panel.h"

#include <wx/dnd.h>
#include <wx/imaglist.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include <set>

#include "colours.h"
#include "transcript_view.h"

namespace cmoc::gui {

class CodebookPanel::CodeData : public wxTreeItemData {
 public:
  explicit CodeData(std::int64_t codeId) : id(codeId) {}
  std::int64_t id;
};

namespace {

// Receives a code dragged within the tree: nest under the code below the pointer, or, on the
// top edge of its row, put it before that code.
class NestDropTarget : public wxTextDropTarget {
 public:
  NestDropTarget(wxTreeCtrl* tree, std::function<void(std::int64_t, wxTreeItemId, DropPlace)> drop)
      : tree_(tree), drop_(std::move(drop)) {}
  bool OnDropText(wxCoord x, wxCoord y, const wxString& text) override {
    const std::int64_t id = codeFromDragText(text);
    if (!id) return false;
    int flags = 0;
    const wxTreeItemId target = tree_->HitTest(wxPoint(x, y), flags);
    wxRect row;
    const bool hasRow = target.IsOk() && tree_->GetBoundingRect(target, row);
    drop_(id, target, hasRow ? dropPlace(y - row.y, row.height) : DropPlace::Into);
    return true;
  }
  wxDragResult OnDragOver(wxCoord x, wxCoord y, wxDragResult) override {
    int flags = 0;
    const wxTreeItemId target = tree_->HitTest(wxPoint(x, y), flags);
    if (target.IsOk()) tree_->SetItemDropHighlight(target, true);
    if (last_.IsOk() && last_ != target) tree_->SetItemDropHighlight(last_, false);
    last_ = target;
    return wxDragMove;
  }
  void OnLeave() override {
    if (last_.IsOk()) tree_->SetItemDropHighlight(last_, false);
    last_ = wxTreeItemId();
  }

 private:
  wxTreeCtrl* tree_;
  std::function<void(std::int64_t, wxTreeItemId, DropPlace)> drop_;
  wxTreeItemId last_;
};

}  // namespace

CodebookPanel::CodebookPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  SetName("codebook");
  heading_ = new wxStaticText(this, wxID_ANY, "Codebook");
  heading_->SetFont(heading_->GetFont().Bold());
  tree_ = new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                         wxTR_HAS_BUTTONS | wxTR_HIDE_ROOT | wxTR_LINES_AT_ROOT | wxTR_EDIT_LABELS |
                             wxTR_SINGLE | wxTR_FULL_ROW_HIGHLIGHT | wxBORDER_NONE);
  tree_->SetName("codebook-tree");
  static const wxString kNote = wxString::FromUTF8(
      "counts: codings / sources \u00B7 double-click: code the selection \u00B7 F2: rename \u00B7 "
      "drag: nest (top edge of a row: reorder), or drop on the text \u00B7 Alt+Up/Down: reorder");
  auto* note = new wxStaticText(this, wxID_ANY, kNote);
  note->SetForegroundColour(wxColour(0x88, 0x88, 0x88));
  Bind(wxEVT_SIZE, [this, note](wxSizeEvent& e) {
    note->SetLabel(kNote);
    note->Wrap(std::max(100, e.GetSize().x - 10));
    e.Skip();
  });
  auto* col = new wxBoxSizer(wxVERTICAL);
  col->Add(heading_, 0, wxALL, 6);
  col->Add(tree_, 1, wxEXPAND);
  col->Add(note, 0, wxEXPAND | wxALL, 4);
  SetSizer(col);

  tree_->Bind(wxEVT_TREE_ITEM_ACTIVATED, [this](wxTreeEvent& e) {
    const std::int64_t id = codeOf(e.GetItem());
    if (id && onActivate) onActivate(id);
  });
  tree_->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& e) {
    const std::int64_t id = codeOf(e.GetItem());
    if (id && !filling_ && onSelect) onSelect(id);
  });
  tree_->Bind(wxEVT_TREE_ITEM_GETTOOLTIP, [this](wxTreeEvent& e) {
    if (!model_) return;
    if (const CodebookRow* r = model_->row(codeOf(e.GetItem())))
      e.SetToolTip(wxString::FromUTF8(r->tooltip));
  });
  tree_->Bind(wxEVT_TREE_BEGIN_LABEL_EDIT, [this](wxTreeEvent& e) {
    const CodebookRow* r = model_ ? model_->row(codeOf(e.GetItem())) : nullptr;
    if (!r) return e.Veto();
    // The label shows the kind and counts; the editor offers the bare name.
    CallAfter([this, name = r->name] {
      if (wxTextCtrl* edit = tree_->GetEditControl()) {
        edit->ChangeValue(wxString::FromUTF8(name));
        edit->SelectAll();
      }
    });
  });
  tree_->Bind(wxEVT_TREE_END_LABEL_EDIT, [this](wxTreeEvent& e) {
    e.Veto();  // the tree is redrawn from core once the rename is stored
    if (e.IsEditCancelled()) return;
    const std::int64_t id = codeOf(e.GetItem());
    const std::string name = e.GetLabel().utf8_string();
    if (id && onRename)
      CallAfter([this, id, name] { onRename(id, name); });
  });
  tree_->Bind(wxEVT_TREE_BEGIN_DRAG, [this](wxTreeEvent& e) {
    const std::int64_t id = codeOf(e.GetItem());
    if (!id) return;
    wxTextDataObject data(codeDragText(id));
    wxDropSource source(data, tree_);
    source.DoDragDrop(wxDrag_AllowMove);
  });
  tree_->SetDropTarget(new NestDropTarget(tree_, [this](std::int64_t id, wxTreeItemId target, DropPlace place) {
    const std::int64_t under = target.IsOk() ? codeOf(target) : 0;
    if (under == id) return;
    if (under && place == DropPlace::Before) {
      if (onReorder) CallAfter([this, id, under] { onReorder(id, under); });
      return;
    }
    if (!onNest) return;
    const std::optional<std::int64_t> to = under ? std::optional(under) : std::nullopt;
    CallAfter([this, id, to] { onNest(id, to); });
  }));
  tree_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
    if (e.GetKeyCode() == WXK_F2) startRename();
    else e.Skip();
  });
}

std::int64_t CodebookPanel::codeOf(const wxTreeItemId& item) const {
  if (!item.IsOk()) return 0;
  auto* data = dynamic_cast<CodeData*>(tree_->GetItemData(item));
  return data ? data->id : 0;
}

void CodebookPanel::show(const CodebookTreeModel& model) {
  model_ = &model;
  filling_ = true;
  const auto selected = selectedCode();
  std::set<std::int64_t> collapsed;
  for (const auto& [id, item] : items_)
    if (item.IsOk() && tree_->ItemHasChildren(item) && !tree_->IsExpanded(item)) collapsed.insert(id);
  const bool first = items_.empty();

  tree_->Freeze();
  tree_->DeleteAllItems();
  items_.clear();
  auto* images = new wxImageList(14, 14, true);
  std::map<std::string, int> imageOf;
  const wxTreeItemId root = tree_->AddRoot("codes");
  for (const CodebookRow& r : model.rows()) {
    const std::string key = toHex(r.colour);
    auto [it, fresh] = imageOf.emplace(key, 0);
    if (fresh) it->second = images->Add(colourSquare(r.colour));
    const wxTreeItemId parent =
        r.parentId && items_.count(*r.parentId) ? items_[*r.parentId] : root;
    const wxString label = wxString::FromUTF8(r.label) + "    " + wxString::FromUTF8(r.counts);
    const wxTreeItemId item = tree_->AppendItem(parent, label, it->second, -1, new CodeData(r.id));
    if (r.depth == 0) tree_->SetItemBold(item, true);
    if (r.codings == 0) tree_->SetItemTextColour(item, wxColour(0x75, 0x75, 0x75));
    items_[r.id] = item;
  }
  tree_->AssignImageList(images);
  for (const auto& [id, item] : items_)
    if (tree_->ItemHasChildren(item) && (first || !collapsed.count(id))) tree_->Expand(item);
  if (selected && items_.count(*selected)) tree_->SelectItem(items_[*selected]);
  tree_->Thaw();
  heading_->SetLabel(wxString::Format("Codebook (%zu codes)", model.rows().size()));
  filling_ = false;
}

std::optional<std::int64_t> CodebookPanel::selectedCode() const {
  const std::int64_t id = codeOf(tree_->GetSelection());
  return id ? std::optional(id) : std::nullopt;
}

bool CodebookPanel::selectCode(std::int64_t codeId, bool notify) {
  auto it = items_.find(codeId);
  if (it == items_.end()) return false;
  const bool was = filling_;
  filling_ = !notify;
  tree_->EnsureVisible(it->second);
  tree_->SelectItem(it->second);
  filling_ = was;
  return true;
}

void CodebookPanel::startRename() {
  const wxTreeItemId item = tree_->GetSelection();
  if (item.IsOk()) tree_->EditLabel(item);
}

}  // namespace cmoc::gui

#include "list_columns.h"

#include <algorithm>

namespace cmoc::gui {

void widenToHeaders(wxListCtrl* list) {
  // Headers are drawn bold on some themes, with padding and a sort-arrow gap either side.
  wxFont bold = list->GetFont().Bold();
  constexpr int kPadding = 20;
  for (int c = 0; c < list->GetColumnCount(); ++c) {
    wxListItem item;
    item.SetMask(wxLIST_MASK_TEXT);
    list->GetColumn(c, item);
    int w = 0, h = 0;
    list->GetTextExtent(item.GetText(), &w, &h, nullptr, nullptr, &bold);
    if (list->GetColumnWidth(c) < w + kPadding) list->SetColumnWidth(c, w + kPadding);
  }
}

}  // namespace cmoc::gui

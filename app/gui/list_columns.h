#pragma once
// Report-mode list columns get their widths in code, in pixels; the header font and theme
// decide how wide a title really is. Widening each column to its title after the columns are
// made keeps every header readable ("Below multiple-sources rule", not "Below multiple-sources ru").
#include <wx/listctrl.h>

namespace cmoc::gui {

void widenToHeaders(wxListCtrl* list);

}  // namespace cmoc::gui

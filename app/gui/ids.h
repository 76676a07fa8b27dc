#pragma once
// Command ids shared by menus, the button bar, accelerators and the self-test script.
#include <wx/defs.h>

namespace cmoc::gui {

enum CommandId : int {
  ID_NEW_PROJECT = wxID_HIGHEST + 1,
  ID_IMPORT,
  ID_IMPORT_EXCHANGE,
  ID_PARTICIPANTS,
  ID_LIBRARY,
  ID_CODE_EARLIER,
  ID_CODE_LATER,
  ID_EDIT_TEXT,
  ID_AUTOCODE_ACCEPT,
  ID_AUTOCODE_REJECT,
  ID_CMOC_SUGGESTED_LINKS,
  ID_CMOC_UNLINK,
  ID_APPLY_CODE,
  ID_QUICK_CODE,
  ID_CODE_TURN,
  ID_NEW_CODE,
  ID_UNCODE,
  ID_EDIT_SPAN,
  ID_MEMO,
  ID_AUTOCODE,
  ID_RENAME_CODE,
  ID_ONLY_MINE,
  ID_CHOOSE_CODER,
  ID_FOCUS_SOURCES,
  ID_FOCUS_CODEBOOK,
  ID_FOCUS_TRANSCRIPT,
  ID_RESET_LAYOUT,
  ID_CMOC_NEW,
  ID_CMOC_CONTEXT,
  ID_CMOC_MECHANISM,
  ID_CMOC_OUTCOME,
  ID_CMOC_SAVE,
  ID_CMOC_CHAIN,
  ID_SHOW_DEMI,
  ID_SHOW_WEB,
  ID_SHOW_AGREEMENT,
  ID_SHOW_SEARCH,
  ID_SHOW_AUDIT,
  // File > Export: one id per entry of exportFormats(), in its order.
  ID_EXPORT_FIRST = wxID_HIGHEST + 500,
  ID_EXPORT_LAST = ID_EXPORT_FIRST + 99,
};

}  // namespace cmoc::gui

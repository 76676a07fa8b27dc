#pragma once
// The options File > Import asks for before reading a REFI-QDA exchange file: how the file
// counts positions, whether to skip sources whose text files are missing, and whether (and from
// which folder) to read files outside the archive. It only draws RefiImportOptions. Tab and the
// arrow keys reach every choice, Enter imports, Escape cancels.
#include <wx/checkbox.h>
#include <wx/dialog.h>
#include <wx/filepicker.h>
#include <wx/radiobox.h>

#include <string>

#include "model/refi_import_options.h"

namespace cmoc::gui {

class RefiOptionsDialog : public wxDialog {
 public:
  RefiOptionsDialog(wxWindow* parent, const std::string& fileName,
                    const RefiImportOptions& initial = {});
  // The choices as the controls show them now.
  RefiImportOptions choices() const;

 private:
  wxRadioBox* positions_;
  wxCheckBox* skipMissing_;
  wxCheckBox* allowExternal_;
  wxDirPickerCtrl* externalFolder_;
};

}  // namespace cmoc::gui

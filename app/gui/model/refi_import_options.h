#pragma once
// What File > Import asks before reading a REFI-QDA exchange file: the CLI's --positions and
// --skip-missing-sources, with the CLI's defaults. The choices come from the importer's own table
// of conventions, so the GUI and `cmoc import` always offer the same ones; the options dialog
// only draws this model.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cmoc/importers/refi_qda.h"

namespace cmoc::gui {

class RefiImportOptions {
 public:
  static constexpr std::string_view kPositionsTitle = "How the file counts text positions";
  static constexpr std::string_view kSkipMissingLabel =
      "Skip sources whose text files are missing (reported, not imported)";

  // Automatic first (the CLI without --positions), then the conventions --positions names, in
  // its order: "UTF-16 units, CRLF as 2 (NVivo)".
  static const std::vector<std::string>& positionLabels();

  std::size_t position() const { return position_; }  // index into positionLabels()
  // Throws std::out_of_range for an index past the labels.
  void setPosition(std::size_t index);
  // By --positions name ("utf16"), or "auto"; false (and unchanged) for any other name.
  bool setPosition(std::string_view name);

  bool skipMissingSources = false;

  // The importer's options these choices stand for, as `cmoc import-qda` would build them.
  importers::RefiOptions options() const;

 private:
  std::size_t position_ = 0;  // automatic
};

}  // namespace cmoc::gui

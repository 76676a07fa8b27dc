#pragma once
// What File > Import asks before reading a REFI-QDA exchange file: the CLI's --positions,
// --skip-missing-sources and --allow-external, with the CLI's defaults. The choices come from the
// importer's own table of conventions, so the GUI and `cmoc import` always offer the same ones; the
// options dialog only draws this model.
#include <cstddef>
#include <filesystem>
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

  static constexpr std::string_view kAllowExternalLabel =
      "Allow files outside the archive from folder...";

  bool skipMissingSources = false;
  // Off by default: a file from someone else must not copy this machine's files into the
  // project. When on, only files whose real path lies under `externalFolder` are read.
  bool allowExternal = false;
  std::filesystem::path externalFolder;

  // Why these choices cannot be imported with ("Choose the folder ..."), or empty.
  std::string problem() const;

  // The importer's options these choices stand for, as `cmoc import-qda` would build them.
  // Throws UsageError with problem() when there is one.
  importers::RefiOptions options() const;

 private:
  std::size_t position_ = 0;  // automatic
};

}  // namespace cmoc::gui

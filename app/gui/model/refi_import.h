#pragma once
// File > Import of REFI-QDA exchange files (.qdpx projects, .qdc codebooks, bare .qde) from
// NVivo, ATLAS.ti, MAXQDA, QualCoder ...: read by the importers library, saved by core in one
// undoable step, and reported as the CLI reports it. Runs on its own connection so a worker
// thread can do it while the window keeps drawing, and can be cancelled until it commits.
#include <filesystem>
#include <string>
#include <string_view>

#include "cmoc/importers/refi_qda.h"

namespace cmoc {
class Progress;
}

namespace cmoc::gui {

// What a cancelled exchange import reports: it is one transaction, so nothing of it is kept.
inline constexpr std::string_view kImportCancelled = "Import cancelled; nothing was saved.";

// How a refusal of files outside the archive ends in cmoc-gui, in place of the CLI's
// "--allow-external DIR" hint.
inline constexpr std::string_view kAllowExternalHint =
    "to read them, choose \"Allow files outside the archive from folder...\" in the import "
    "options and a folder that holds them";

// Whether the file goes to the REFI-QDA importer rather than the transcript importer.
bool isExchangeFile(const std::filesystem::path& file);

struct ExchangeImportResult {
  bool cancelled = false;
  std::string report;  // the import report as `cmoc import-qda` prints it, or kImportCancelled
};

// Imports one exchange file as `coder` with the importer's `options` (RefiImportOptions builds
// them from the user's choices). `progress` hears of the whole import in percent (reading the
// file, then saving it) with labels such as "Reading interview.txt"; cancelling through it stops
// the import with nothing saved. Throws InputError (with the element path) or Error when the
// file is refused (files outside the archive: ending in kAllowExternalHint): then too nothing
// was saved.
ExchangeImportResult importExchangeFile(const std::filesystem::path& projectFile,
                                        const std::filesystem::path& file, const std::string& coder,
                                        const importers::RefiOptions& options = {},
                                        Progress* progress = nullptr);

}  // namespace cmoc::gui

#pragma once
// File > Import of REFI-QDA exchange files (.qdpx projects, .qdc codebooks, bare .qde) from
// NVivo, ATLAS.ti, MAXQDA, QualCoder ...: read by the importers library, saved by core in one
// undoable step, and reported as the CLI reports it. Runs on its own connection so a worker
// thread can do it while the window keeps drawing.
#include <filesystem>
#include <string>
#include <vector>

namespace cmoc::gui {

// Whether the file goes to the REFI-QDA importer rather than the transcript importer.
bool isExchangeFile(const std::filesystem::path& file);

// Imports one exchange file as `coder`; returns the import report text. Throws InputError (with
// the element path) or Error when the file is refused: then nothing was saved.
std::string importExchangeFile(const std::filesystem::path& projectFile,
                               const std::filesystem::path& file, const std::string& coder);

}  // namespace cmoc::gui

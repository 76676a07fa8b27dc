#pragma once
// Every export core offers, as the File > Export submenu lists them. The menu, its file dialog
// and the worker that runs an export are built from this one table, so offering a new core
// export is one line in kExports.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cmoc/agreement.h"

namespace cmoc {
class Project;
}

namespace cmoc::gui {

// What the window's state narrows an export to.
struct ExportScope {
  std::optional<std::string> onlyCoder;  // blind mode: the current coder's codings and CMOCs
  AgreementOptions agreement;             // the Agreement tab's coders, unit and coded-only
};

struct ExportFormat {
  std::string label;        // menu text, "Causal web (SVG)"
  std::string fileName;     // suggested name, "causal-web.svg"
  std::string wildcard;     // wxFileDialog filter, "SVG (*.svg)|*.svg"
  bool separatorBefore = false;
  // Writes the file whole or not at all; returns the summary for the status bar.
  std::function<std::string(Project&, const std::filesystem::path&, const ExportScope&)> write;
};

const std::vector<ExportFormat>& exportFormats();
// The export whose suggested file name is `fileName` ("agreement.html"), if any.
const ExportFormat* exportNamed(std::string_view fileName);

// Runs one export on its own connection to `projectFile` (callable from a worker thread while
// the window keeps reading). Throws what core throws.
std::string runExport(const std::filesystem::path& projectFile, const ExportFormat& format,
                      const std::filesystem::path& target, const ExportScope& scope);

}  // namespace cmoc::gui

#include "model/refi_import.h"

#include "cmoc/importers/refi_qda.h"
#include "cmoc/project.h"
#include "cmoc/refi.h"

namespace cmoc::gui {

bool isExchangeFile(const std::filesystem::path& file) { return importers::isRefiFile(file); }

std::string importExchangeFile(const std::filesystem::path& projectFile,
                               const std::filesystem::path& file, const std::string& coder) {
  importers::RefiImport in = importers::loadRefi(file);
  Project p = Project::open(projectFile);
  if (!coder.empty()) p.setCoder(coder);
  refi::apply(p, in.exchange, in.report);
  return refi::describe(in.report, in.exchange.origin);
}

}  // namespace cmoc::gui

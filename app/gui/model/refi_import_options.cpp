#include "model/refi_import_options.h"

#include <cctype>
#include <stdexcept>

#include "cmoc/error.h"

namespace cmoc::gui {

namespace {

constexpr std::string_view kAutomatic = "auto";

}  // namespace

const std::vector<std::string>& RefiImportOptions::positionLabels() {
  static const std::vector<std::string> labels = [] {
    std::vector<std::string> out{
        "Automatic: from the program that wrote the file, checked against quoted selections"};
    for (const importers::NamedConvention& n : importers::namedConventions()) {
      std::string label = importers::describe(n.convention);
      label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
      if (!n.writtenBy.empty()) label += " (" + std::string(n.writtenBy) + ")";
      out.push_back(label);
    }
    return out;
  }();
  return labels;
}

void RefiImportOptions::setPosition(std::size_t index) {
  if (index >= positionLabels().size())
    throw std::out_of_range("no position choice " + std::to_string(index));
  position_ = index;
}

bool RefiImportOptions::setPosition(std::string_view name) {
  if (name == kAutomatic) {
    position_ = 0;
    return true;
  }
  const auto convention = importers::conventionNamed(name);
  if (!convention) return false;
  const auto& named = importers::namedConventions();
  for (std::size_t i = 0; i < named.size(); ++i)
    if (named[i].convention == *convention) position_ = i + 1;
  return true;
}

std::string RefiImportOptions::problem() const {
  if (!allowExternal) return "";
  if (externalFolder.empty())
    return "Choose the folder that files outside the archive may come from";
  std::error_code ec;
  if (!std::filesystem::is_directory(externalFolder, ec))
    return externalFolder.string() + " is not a folder";
  return "";
}

importers::RefiOptions RefiImportOptions::options() const {
  if (const std::string p = problem(); !p.empty()) throw UsageError(p);
  importers::RefiOptions o;
  o.skipMissingSources = skipMissingSources;
  if (allowExternal) o.allowExternal = externalFolder;
  if (position_ > 0) o.positions = importers::namedConventions().at(position_ - 1).convention;
  return o;
}

}  // namespace cmoc::gui

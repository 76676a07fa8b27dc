#include "model/refi_import.h"

#include <algorithm>

#include "cmoc/error.h"
#include "cmoc/progress.h"
#include "cmoc/project.h"
#include "cmoc/refi.h"

namespace cmoc::gui {

namespace {

// One stage of the import as its share of the whole, so the dialog's bar runs once from 0 to
// 100 rather than once for reading and again for saving.
class Stage final : public Progress {
 public:
  Stage(Progress& whole, std::size_t from, std::size_t to, std::string verb)
      : whole_(whole), from_(from), to_(to), verb_(std::move(verb)) {}
  void update(std::size_t done, std::size_t total, std::string_view label) override {
    const std::size_t at = from_ + (total ? (to_ - from_) * std::min(done, total) / total : 0);
    whole_.update(at, 100, label.empty() ? verb_ : verb_ + " " + std::string(label));
  }
  bool cancelled() const override { return whole_.cancelled(); }

 private:
  Progress& whole_;
  std::size_t from_, to_;
  std::string verb_;
};

}  // namespace

bool isExchangeFile(const std::filesystem::path& file) { return importers::isRefiFile(file); }

ExchangeImportResult importExchangeFile(const std::filesystem::path& projectFile,
                                        const std::filesystem::path& file, const std::string& coder,
                                        const importers::RefiOptions& options, Progress* progress) {
  NoProgress silent;
  Progress& whole = progress ? *progress : silent;
  // Reading and saving take about as long as each other on the sample exports.
  Stage reading(whole, 0, 50, "Reading"), saving(whole, 50, 100, "Saving");
  try {
    importers::RefiImport in = importers::loadRefi(file, options, &reading);
    Project p = Project::open(projectFile);
    if (!coder.empty()) p.setCoder(coder);
    refi::apply(p, in.exchange, in.report, &saving);
    return {false, refi::describe(in.report, in.exchange.origin)};
  } catch (const Cancelled&) {
    return {true, std::string(kImportCancelled)};
  } catch (const importers::ExternalFilesRefused& e) {
    throw Error(e.refusal() + "; " + std::string(kAllowExternalHint));
  }
}

}  // namespace cmoc::gui

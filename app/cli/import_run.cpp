#include "import_run.h"

#include "cmoc/error.h"
#include "progress_bar.h"

namespace cmoc::cli {

ImportSummary importFiles(Project& project, const std::vector<std::filesystem::path>& files,
                          const ParticipantSheet* sheet, const importers::Options& options,
                          bool showProgress) {
  ImportSummary summary;
  ProgressBar bar("Importing");
  NoProgress none;
  Progress& progress = showProgress ? static_cast<Progress&>(bar) : none;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string name = files[i].filename().string();
    progress.update(i, files.size(), name);
    try {
      const Transcript t = importers::loadTranscript(files[i], options);
      const ImportResult r = project.addTranscript(t, sheet);
      if (r.duplicate) {
        summary.skipped.emplace_back(name, "same text as source '" + r.duplicateOf + "' (id " +
                                               std::to_string(r.sourceId) + ")");
        continue;
      }
      summary.imported.push_back(name);
      summary.importedIds.push_back(r.sourceId);
      if (sheet && !r.unmappedSpeakers.empty()) {
        std::string list;
        for (const auto& s : r.unmappedSpeakers) list += (list.empty() ? "" : ", ") + s;
        summary.warnings.emplace_back(name, "speakers not in " + sheet->fileName + ": " + list);
      }
    } catch (const Error& e) {
      summary.failed.emplace_back(name, e.what());
    }
  }
  progress.update(files.size(), files.size(), "");
  return summary;
}

void printSummary(std::ostream& out, std::ostream& err, const std::string& command,
                  const ImportSummary& s) {
  out << "Imported " << s.imported.size() << ", skipped " << s.skipped.size() << ", failed "
      << s.failed.size() << "\n";
  for (const auto& [f, why] : s.skipped) out << "  skipped " << f << ": " << why << "\n";
  // Errors go to stderr like every command's, one line each; the count stays in the summary.
  for (const auto& [f, why] : s.failed) err << "cmoc " << command << ": " << why << "\n";
  for (const auto& [f, why] : s.warnings) out << "  note    " << f << ": " << why << "\n";
}

}  // namespace cmoc::cli

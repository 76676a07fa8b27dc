#pragma once
// Importing transcripts off the UI thread. The job opens its own connection to the project file
// (SQLite WAL lets the window keep reading meanwhile), imports file by file (each one core
// transaction: whole or nothing), and reports progress through thread-safe snapshots. Cancel
// stops before the next file; files already imported stay, as the summary says.
#include <atomic>
#include <cstddef>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cmoc/importers/importer.h"

namespace cmoc::gui {

struct ImportFileResult {
  enum class Status { Imported, Skipped, Failed, NotRun };
  std::string file;
  Status status = Status::NotRun;
  std::string message;  // why skipped or failed; unmapped speakers for imported files
};

struct ImportProgress {
  std::size_t done = 0, total = 0;
  std::string label;
  bool finished = false;
};

// File > Import's chosen files: REFI-QDA exchange files carry their own codebook, sources and
// codings and go to the exchange importer one by one; the rest are transcripts.
struct ImportSelection {
  std::vector<std::filesystem::path> exchange, transcripts;  // each in the order chosen
};
ImportSelection splitImportSelection(const std::vector<std::filesystem::path>& chosen);

class ImportJob {
 public:
  // `coder` is recorded on the import's history and audit entries (the window's coder).
  ImportJob(std::filesystem::path project, std::vector<std::filesystem::path> files,
            std::optional<std::filesystem::path> participants = std::nullopt,
            importers::Options options = {}, std::string coder = {});

  // Runs the whole import; call on a worker thread. Never throws: a project that cannot be
  // opened or a bad participants sheet fails every file with that message.
  void run();
  void cancel() { cancelled_ = true; }
  bool cancelled() const { return cancelled_; }
  ImportProgress progress() const;
  // Valid once progress().finished.
  const std::vector<ImportFileResult>& results() const { return results_; }
  // "Imported 8, skipped 1, failed 1 (cancelled)"; then one line per skipped or failed file,
  // then, when the project has a study library, how the new papers were linked to studies.
  std::string summary() const;
  std::size_t imported() const;
  bool anyFailed() const;  // valid once progress().finished

 private:
  void set(std::size_t done, const std::string& label);

  std::filesystem::path project_;
  std::vector<std::filesystem::path> files_;
  std::optional<std::filesystem::path> participants_;
  importers::Options options_;
  std::string coder_;
  std::vector<ImportFileResult> results_;
  std::vector<std::string> linkLines_;  // linkReport() of the papers imported
  std::atomic<bool> cancelled_{false};
  mutable std::mutex mutex_;
  ImportProgress progress_;
};

}  // namespace cmoc::gui

#include "model/import_job.h"

#include "cmoc/error.h"
#include "cmoc/library.h"
#include "cmoc/project.h"
#include "model/refi_import.h"

namespace cmoc::gui {

ImportJob::ImportJob(std::filesystem::path project, std::vector<std::filesystem::path> files,
                     std::optional<std::filesystem::path> participants, importers::Options options,
                     std::string coder)
    : project_(std::move(project)),
      files_(std::move(files)),
      participants_(std::move(participants)),
      options_(std::move(options)),
      coder_(std::move(coder)) {
  progress_.total = files_.size();
  for (const auto& f : files_)
    results_.push_back({f.filename().string(), ImportFileResult::Status::NotRun, ""});
}

void ImportJob::set(std::size_t done, const std::string& label) {
  std::lock_guard lock(mutex_);
  progress_.done = done;
  progress_.label = label;
}

ImportProgress ImportJob::progress() const {
  std::lock_guard lock(mutex_);
  return progress_;
}

void ImportJob::run() {
  auto finish = [this] {
    std::lock_guard lock(mutex_);
    progress_.finished = true;
  };
  std::optional<Project> project;
  std::optional<ParticipantSheet> sheet;
  try {
    project.emplace(Project::open(project_));
    if (!coder_.empty()) project->setCoder(coder_);
    if (participants_) sheet = importers::loadParticipants(*participants_);
  } catch (const std::exception& e) {
    for (auto& r : results_) r = {r.file, ImportFileResult::Status::Failed, e.what()};
    finish();
    return;
  }
  std::vector<std::int64_t> importedIds;
  for (std::size_t i = 0; i < files_.size(); ++i) {
    if (cancelled_) break;
    ImportFileResult& r = results_[i];
    set(i, r.file);
    try {
      const Transcript t = importers::loadTranscript(files_[i], options_);
      const ImportResult res = project->addTranscript(t, sheet ? &*sheet : nullptr);
      if (res.duplicate) {
        r.status = ImportFileResult::Status::Skipped;
        r.message = "same text as source '" + res.duplicateOf + "'";
        continue;
      }
      r.status = ImportFileResult::Status::Imported;
      importedIds.push_back(res.sourceId);
      if (sheet && !res.unmappedSpeakers.empty()) {
        r.message = "speakers not in " + sheet->fileName + ":";
        for (const auto& s : res.unmappedSpeakers) r.message += " " + s;
      }
    } catch (const std::exception& e) {
      r.status = ImportFileResult::Status::Failed;
      r.message = e.what();
    }
  }
  // Papers that come after the study library are linked to their studies, as `cmoc import` does.
  try {
    if (Library library(*project); !importedIds.empty() && !library.empty())
      linkLines_ = linkReport(library.autoLink(importedIds));
  } catch (const std::exception& e) {
    linkLines_ = {std::string("papers not linked to studies: ") + e.what()};
  }
  set(files_.size(), "");
  finish();
}

std::size_t ImportJob::imported() const {
  std::size_t n = 0;
  for (const auto& r : results_) n += r.status == ImportFileResult::Status::Imported;
  return n;
}

bool ImportJob::anyFailed() const {
  for (const auto& r : results_)
    if (r.status == ImportFileResult::Status::Failed) return true;
  return false;
}

ImportSelection splitImportSelection(const std::vector<std::filesystem::path>& chosen) {
  ImportSelection s;
  for (const auto& file : chosen)
    (isExchangeFile(file) ? s.exchange : s.transcripts).push_back(file);
  return s;
}

std::string ImportJob::summary() const {
  std::size_t skipped = 0, failed = 0, notRun = 0;
  for (const auto& r : results_) {
    skipped += r.status == ImportFileResult::Status::Skipped;
    failed += r.status == ImportFileResult::Status::Failed;
    notRun += r.status == ImportFileResult::Status::NotRun;
  }
  std::string s = "Imported " + std::to_string(imported()) + ", skipped " +
                  std::to_string(skipped) + ", failed " + std::to_string(failed);
  if (notRun) s += ", not run " + std::to_string(notRun) + " (cancelled)";
  for (const auto& r : results_) {
    switch (r.status) {
      case ImportFileResult::Status::Skipped:
        s += "\n  skipped " + r.file + ": " + r.message;
        break;
      case ImportFileResult::Status::Failed:
        s += "\n  failed  " +
             (r.message.starts_with(r.file) ? r.message : r.file + ": " + r.message);
        break;
      case ImportFileResult::Status::Imported:
        if (!r.message.empty()) s += "\n  note    " + r.file + ": " + r.message;
        break;
      case ImportFileResult::Status::NotRun:
        s += "\n  not run " + r.file;
        break;
    }
  }
  for (const std::string& line : linkLines_) s += "\n" + line;
  return s;
}

}  // namespace cmoc::gui

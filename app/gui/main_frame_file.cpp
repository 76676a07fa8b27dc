// MainFrame's File menu: new and open, importing transcripts and REFI-QDA exchange files, and
// File > Export (built from the export catalogue). Long work runs on a worker thread with its
// own connection to the project, behind a progress dialog.
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/utils.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <memory>
#include <thread>

#include "frame_helpers.h"
#include "main_frame.h"
#include "model/export_catalogue.h"
#include "model/format.h"
#include "model/import_job.h"
#include "model/refi_import.h"
#include "model/shared_progress.h"
#include "refi_options_dialog.h"

namespace cmoc::gui {

namespace {

// "Causal web (&SVG)..." as a dialog title: "Causal web (SVG)".
wxString plainLabel(const std::string& menuLabel) {
  wxString s = U(menuLabel);
  s.Replace("&", "");
  s.Replace("...", "");
  return s;
}

}  // namespace

void MainFrame::onNewProject() {
  wxFileDialog dlg(this, "New project", "", "study.cmoc", "CMOC projects (*.cmoc)|*.cmoc",
                   wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  const int rc = showModal(dlg);
  if (rc != wxID_OK) return;
  const std::filesystem::path file = dlg.GetPath().utf8_string();
  if (std::filesystem::exists(file)) {
    message("Not overwriting " + dlg.GetPath() + ": choose a new name", true);
    return;
  }
  if (guarded([&] { Project::create(file); }, "Cannot create the project")) openProject(file);
}

void MainFrame::onOpen() {
  wxFileDialog dlg(this, "Open project", "", "", "CMOC projects (*.cmoc)|*.cmoc|All files|*",
                   wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  const int rc = showModal(dlg);
  if (rc == wxID_OK) openProject(dlg.GetPath().utf8_string());
}

void MainFrame::onImport() {
  wxFileDialog dlg(
      this, "Import", "", "",
      "Transcripts and REFI-QDA files|*.txt;*.docx;*.odt;*.vtt;*.srt;*.qdpx;*.qdc;*.qde|"
      "Transcripts (*.txt;*.docx;*.odt;*.vtt;*.srt)|*.txt;*.docx;*.odt;*.vtt;*.srt|"
      "REFI-QDA project or codebook (*.qdpx;*.qdc)|*.qdpx;*.qdc;*.qde|All files|*",
      wxFD_OPEN | wxFD_MULTIPLE | wxFD_FILE_MUST_EXIST);
  const int rc = showModal(dlg);
  if (rc != wxID_OK) return;
  wxArrayString paths;
  dlg.GetPaths(paths);
  std::vector<std::filesystem::path> chosen;
  for (const auto& p : paths) chosen.emplace_back(p.utf8_string());
  const ImportSelection selection = splitImportSelection(chosen);
  for (const auto& file : selection.exchange) askAndImportExchange(file);
  if (selection.transcripts.empty()) return;
  std::optional<std::filesystem::path> sheet;
  if (wxMessageBox("Map speakers to participants with a participants sheet (CSV)?", "Import",
                   wxYES_NO | wxICON_QUESTION, this) == wxYES) {
    wxFileDialog sheetDlg(this, "Participants sheet", "", "participants.csv", "CSV (*.csv)|*.csv",
                          wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (sheetDlg.ShowModal() == wxID_OK)
      sheet = std::filesystem::path(sheetDlg.GetPath().utf8_string());
  }
  importFiles(selection.transcripts, sheet);
}

void MainFrame::importFiles(const std::vector<std::filesystem::path>& files,
                            const std::optional<std::filesystem::path>& sheet) {
  if (!project_ || files.empty()) return;
  // The job opens its own connection, so the window keeps drawing from this one meanwhile.
  ImportJob job(project_->file(), files, sheet, {}, project_->coder());
  std::thread worker([&job] { job.run(); });
  {
    wxProgressDialog progress("Importing", "Starting...", static_cast<int>(files.size()), this,
                              wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME | wxPD_AUTO_HIDE);
    BusyScope busy(busy_);
    while (!job.progress().finished) {
      const ImportProgress p = job.progress();
      if (!progress.Update(
              static_cast<int>(std::min(p.done, p.total - 1)),
              U(p.label.empty() ? std::string("Finishing...") : "Importing " + p.label)))
        job.cancel();
      wxMilliSleep(40);
    }
  }
  worker.join();
  coders_ = knownCoders(*project_);
  afterChange();
  const std::string summary = job.summary();
  message(U(firstLine(summary)), job.anyFailed());
  if (!options_.scripted)
    wxMessageBox(U(summary), "Import finished",
                 wxOK | (job.anyFailed() ? wxICON_WARNING : wxICON_INFORMATION), this);
}

std::string MainFrame::runBusy(const wxString& title, const wxString& label,
                               std::function<std::string()> work, SharedProgress* progress) {
  std::string result;
  std::exception_ptr error;
  std::atomic<bool> done{false};
  std::thread worker([&] {
    try {
      result = work();
    } catch (...) {
      error = std::current_exception();
    }
    done = true;
  });
  {
    ++busy_;
    wxBusyCursor cursor;
    // Most exports finish at once; the dialog appears only for work that takes a while.
    const auto start = std::chrono::steady_clock::now();
    std::unique_ptr<wxProgressDialog> dialog;
    while (!done) {
      if (!dialog && std::chrono::steady_clock::now() - start > std::chrono::milliseconds(400))
        dialog = std::make_unique<wxProgressDialog>(
            title, label, 100, this,
            wxPD_APP_MODAL | wxPD_ELAPSED_TIME | wxPD_SMOOTH | (progress ? wxPD_CAN_ABORT : 0));
      if (dialog && !progress) {
        dialog->Pulse();
      } else if (dialog && progress->cancelled()) {
        dialog->Pulse("Cancelling...");  // the work stops at its next report
      } else if (dialog) {
        const SharedProgress::Snapshot p = progress->snapshot();
        // 100 would close the dialog before the work has returned.
        const int percent =
            p.total ? static_cast<int>(std::min<std::size_t>(99, 100 * p.done / p.total)) : 0;
        if (!dialog->Update(percent, p.label.empty() ? label : U(p.label))) progress->cancel();
      }
      wxMilliSleep(30);
    }
    --busy_;
  }
  worker.join();
  if (error) std::rethrow_exception(error);
  return result;
}

void MainFrame::onExport(std::size_t index) { exportWithDialog(exportFormats().at(index)); }

void MainFrame::exportWithDialog(const ExportFormat& f) {
  if (!project_) return message("Open a project first", true);
  wxFileDialog dlg(this, "Export " + plainLabel(f.label), "", U(f.fileName), U(f.wildcard),
                   wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  const int rc = showModal(dlg);
  if (rc == wxID_OK) exportTo(f.fileName, dlg.GetPath().utf8_string());
}

bool MainFrame::exportTo(const std::string& fileName, const std::filesystem::path& target) {
  if (!project_) return false;
  const ExportFormat* format = exportNamed(fileName);
  if (!format) {
    message("No export writes " + U(fileName), true);
    return false;
  }
  ExportScope scope;
  if (onlyMine_) scope.onlyCoder = project_->coder();
  scope.agreement = agreementOptions();
  try {
    const std::string summary = runBusy("Exporting", "Writing " + U(target.filename().string()),
                                        [file = project_->file(), format, target, scope] {
                                          return runExport(file, *format, target, scope);
                                        });
    message(U(summary));
    return true;
  } catch (const std::exception& e) {
    failed("Export failed", U(target.string()) + ":\n" + U(e.what()));
    return false;
  }
}

void MainFrame::failed(const wxString& title, const wxString& text) {
  message(title + ": " + text, true);
  if (!options_.scripted) wxMessageBox(text, title, wxOK | wxICON_ERROR, this);
}

void MainFrame::onImportExchange() {
  wxFileDialog dlg(
      this, "Import REFI-QDA project or codebook", "", "",
      "REFI-QDA project or codebook (*.qdpx;*.qdc;*.qde)|*.qdpx;*.qdc;*.qde|All files|*",
      wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  const int rc = showModal(dlg);
  if (rc == wxID_OK) askAndImportExchange(dlg.GetPath().utf8_string());
}

void MainFrame::askAndImportExchange(const std::filesystem::path& file) {
  if (!project_) return;
  RefiOptionsDialog dlg(this, file.filename().string());
  const int rc = showModal(dlg);
  if (rc == wxID_OK) importExchange(file, dlg.choices());
}

bool MainFrame::importExchange(const std::filesystem::path& file,
                               const RefiImportOptions& options) {
  if (!project_) return false;
  SharedProgress progress;
  ExchangeImportResult result;
  try {
    runBusy(
        "Importing", "Reading " + U(file.filename().string()),
        [&result, &progress, project = project_->file(), file, coder = project_->coder(),
         o = options.options()] {
          result = importExchangeFile(project, file, coder, o, &progress);
          return std::string();
        },
        &progress);
  } catch (const std::exception& e) {
    failed("Import failed",
           U(file.filename().string()) + ": " + U(e.what()) + "\nNothing was saved.");
    return false;
  }
  if (result.cancelled) {
    message(U(file.filename().string()) + ": " + U(result.report));
    if (!options_.scripted)
      wxMessageBox(U(result.report), "Import cancelled", wxOK | wxICON_INFORMATION, this);
    return false;
  }
  coders_ = knownCoders(*project_);
  cmocCount_.reset();
  reloadAttributeFilters();
  afterChange();
  message(U(firstLine(result.report)) + " (Ctrl+Z undoes)");
  if (!options_.scripted)
    wxMessageBox(U(result.report), "Import finished", wxOK | wxICON_INFORMATION, this);
  return true;
}

}  // namespace cmoc::gui

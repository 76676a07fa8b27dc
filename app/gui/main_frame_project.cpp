// MainFrame's project-level tools: Project > Participants, File > Export (built from the export
// catalogue), REFI-QDA import, moving codes among their siblings, and the memo boxes of the
// right-hand panel. Long work runs on a worker thread with its own connection to the project.
#include <wx/app.h>
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

#include "cmoc/codebook.h"
#include "codebook_panel.h"
#include "cursor_panel.h"
#include "main_frame.h"
#include "model/export_catalogue.h"
#include "model/memo_presenter.h"
#include "model/refi_import.h"
#include "model/shared_progress.h"
#include "participants_dialog.h"
#include "refi_options_dialog.h"
#include "self_test.h"
#include "sources_panel.h"

namespace cmoc::gui {

namespace {

wxString U(const std::string& s) { return wxString::FromUTF8(s); }

// "Causal web (&SVG)..." as a dialog title: "Causal web (SVG)".
wxString plainLabel(const std::string& menuLabel) {
  wxString s = U(menuLabel);
  s.Replace("&", "");
  s.Replace("...", "");
  return s;
}

}  // namespace

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
        const int percent = p.total ? static_cast<int>(std::min<std::size_t>(99, 100 * p.done / p.total)) : 0;
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
    const std::string summary =
        runBusy("Exporting", "Writing " + U(target.filename().string()),
                [file = project_->file(), format, target, scope] { return runExport(file, *format, target, scope); });
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
  if (!project_) return message("Open or create a project first", true);
  wxFileDialog dlg(this, "Import REFI-QDA project or codebook", "", "",
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

bool MainFrame::importExchange(const std::filesystem::path& file, const RefiImportOptions& options) {
  if (!project_) return false;
  SharedProgress progress;
  ExchangeImportResult result;
  try {
    runBusy("Importing", "Reading " + U(file.filename().string()),
            [&result, &progress, project = project_->file(), file, coder = project_->coder(),
             o = options.options()] {
              result = importExchangeFile(project, file, coder, o, &progress);
              return std::string();
            },
            &progress);
  } catch (const std::exception& e) {
    failed("Import failed", U(file.filename().string()) + ": " + U(e.what()) + "\nNothing was saved.");
    return false;
  }
  if (result.cancelled) {
    message(U(file.filename().string()) + ": " + U(result.report));
    if (!options_.scripted) wxMessageBox(U(result.report), "Import cancelled", wxOK | wxICON_INFORMATION, this);
    return false;
  }
  coders_ = knownCoders(*project_);
  cmocCount_.reset();
  reloadAttributeFilters();
  afterChange();
  message(U(result.report.substr(0, result.report.find('\n'))) + " (Ctrl+Z undoes)");
  if (!options_.scripted) wxMessageBox(U(result.report), "Import finished", wxOK | wxICON_INFORMATION, this);
  return true;
}

void MainFrame::onParticipants() {
  if (!project_) return message("Open a project first", true);
  ParticipantsDialog dlg(this, *project_);
  showModal(dlg);
  if (dlg.changed()) afterParticipantsChanged();
}

void MainFrame::afterParticipantsChanged() {
  reloadAttributeFilters();
  afterChange();
  message("Participants saved (Ctrl+Z undoes the last change)");
}

bool MainFrame::editParticipant(const std::string& code, const std::string& attribute,
                                const std::string& value, const std::filesystem::path& screenshot) {
  if (!project_) return false;
  // Modeless, so the script goes on; a user gets the same dialog modal from the menu. Busy
  // while it is up, so the script's timer does not run the next line from inside Yield.
  ++busy_;
  auto* dlg = new ParticipantsDialog(this, *project_);
  dlg->Show();
  wxTheApp->Yield(true);
  const bool ok = dlg->editCell(code, attribute, value);
  if (!ok) message("Participants: " + U(dlg->lastError().empty() ? "no participant " + code : dlg->lastError()), true);
  if (!screenshot.empty()) {
    // GTK applies a resize (a column was added) asynchronously: let it land before capturing.
    for (int i = 0; i < 10; ++i) {
      wxMilliSleep(20);
      wxTheApp->Yield(true);
    }
    saveScreenshot(dlg, screenshot);
  }
  const bool changed = dlg->changed();
  dlg->Destroy();
  --busy_;
  if (changed) afterParticipantsChanged();
  return ok;
}

void MainFrame::onShiftCode(int delta) {
  if (!project_) return;
  const auto id = codebookPanel_->selectedCode();
  if (!id) return message("Choose a code in the codebook first (Alt+2)", true);
  guarded([&] {
    const auto moved = codebook_.shift(*project_, *id, delta);
    if (!moved) return message(delta < 0 ? "Already first among its siblings" : "Already last among its siblings");
    afterChange();
    codebookPanel_->selectCode(*id);
    message("Moved " + U(moved->path) + (delta < 0 ? " up" : " down"));
  });
}

void MainFrame::onReorderCode(std::int64_t codeId, std::optional<std::int64_t> before) {
  guarded([&] {
    const Code moved = CodebookTreeModel::reorder(*project_, codeId, before);
    afterChange();
    codebookPanel_->selectCode(codeId);
    message("Moved " + U(moved.path));
  });
}

bool MainFrame::reorderCode(const std::string& code, const std::string& before) {
  if (!project_) return false;
  std::int64_t id = 0, beforeId = 0;
  if (!guarded([&] {
        id = Codebook(*project_).find(code).id;
        beforeId = Codebook(*project_).find(before).id;
      }))
    return false;
  if (!codebookPanel_->onReorder) return false;
  codebookPanel_->onReorder(id, beforeId);
  return lastError_.empty();
}

void MainFrame::showMemos() {
  if (!project_) return;
  guarded([&] {
    const auto code = codebookPanel_->selectedCode();
    cursorPanel_->codeMemo()->show(code ? std::optional(codeMemo(*project_, *code)) : std::nullopt);
    cursorPanel_->sourceMemo()->show(transcript_ ? std::optional(sourceMemo(*project_, transcript_->source().id))
                                                 : std::nullopt);
  });
}

void MainFrame::onSaveMemo(const MemoTarget& target, const std::string& text) {
  guarded([&] {
    if (!saveMemo(*project_, target, text)) return message("Memo unchanged");
    auditStale_ = true;
    refreshBottom();
    showMemos();
    message(U(target.title) + " saved (Ctrl+Z undoes)");
  }, "Cannot save the memo");
}

bool MainFrame::saveMemoFromPanel(bool onSource, const std::string& text) {
  MemoBox* box = onSource ? cursorPanel_->sourceMemo() : cursorPanel_->codeMemo();
  if (!box->target()) return false;
  // The memos sit below the CMOC builder: scroll them into view, as a user would.
  cursorPanel_->Scroll(0, cursorPanel_->GetVirtualSize().y / 10);
  cursorPanel_->Refresh();
  box->typeAndSave(text);
  return lastError_.empty();
}

}  // namespace cmoc::gui

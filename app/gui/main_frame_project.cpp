// MainFrame's Project menu and project-wide state: Project > Participants (from the menu, and
// modeless for the self-test), Project > Study library, and the memo boxes of the right-hand
// panel, on the selected code and the open source.
#include <wx/app.h>
#include <wx/utils.h>

#include "codebook_panel.h"
#include "cursor_panel.h"
#include "frame_helpers.h"
#include "main_frame.h"
#include "model/memo_presenter.h"
#include "library_dialog.h"
#include "participants_dialog.h"
#include "self_test.h"

namespace cmoc::gui {

void MainFrame::onParticipants() {
  ParticipantsDialog dlg(this, *project_);
  showModal(dlg);
  if (dlg.changed()) afterParticipantsChanged();
}

void MainFrame::onLibrary() {
  LibraryDialog dlg(this, *project_);
  showModal(dlg);
  if (!dlg.changed()) return;
  afterChange();  // excerpts and search now cite the linked papers' studies
  message("References imported (Ctrl+Z undoes the import)");
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
  if (!ok)
    message("Participants: " +
                U(dlg->lastError().empty() ? "no participant " + code : dlg->lastError()),
            true);
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

bool MainFrame::importLibrary(const std::filesystem::path& references,
                              const std::filesystem::path& screenshot) {
  if (!project_) return false;
  ++busy_;  // modeless and busy, as editParticipant
  auto* dlg = new LibraryDialog(this, *project_);
  dlg->Show();
  wxTheApp->Yield(true);
  const bool ok = dlg->importFrom(references.string());
  if (!ok) message("Study library: " + U(dlg->statusText()), true);
  if (!screenshot.empty()) saveScreenshot(dlg, screenshot);
  const bool changed = dlg->changed();
  dlg->Destroy();
  --busy_;
  if (changed) afterChange();
  return ok;
}

void MainFrame::showMemos() {
  if (!project_) return;
  guarded([&] {
    const auto code = codebookPanel_->selectedCode();
    cursorPanel_->codeMemo()->show(code ? std::optional(codeMemo(*project_, *code)) : std::nullopt);
    cursorPanel_->sourceMemo()->show(
        transcript_ ? std::optional(sourceMemo(*project_, transcript_->source().id))
                    : std::nullopt);
  });
}

void MainFrame::onSaveMemo(const MemoTarget& target, const std::string& text) {
  guarded(
      [&] {
        if (!saveMemo(*project_, target, text)) return message("Memo unchanged");
        auditStale_ = true;
        refreshBottom();
        showMemos();
        message(U(target.title) + " saved (Ctrl+Z undoes)");
      },
      "Cannot save the memo");
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

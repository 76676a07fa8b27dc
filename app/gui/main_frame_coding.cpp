// MainFrame's coding commands: applying, quick-coding, uncoding and moving codings, new codes,
// fixing transcription, auto-coding and its review, undo and redo, reordering the codebook,
// blind coding and the coder. Each asks core (or a model) to act, then redraws what changed.
#include <wx/msgdlg.h>
#include <wx/textdlg.h>

#include "cmoc/autocode.h"
#include "cmoc/codebook.h"
#include "cmoc/text.h"
#include "codebook_panel.h"
#include "cursor_panel.h"
#include "frame_helpers.h"
#include "ids.h"
#include "main_frame.h"
#include "model/autocode_dialog_model.h"
#include "model/coding_controller.h"
#include "model/quick_code_model.h"
#include "quick_code_dialog.h"
#include "transcript_view.h"

namespace cmoc::gui {

void MainFrame::onUndo(bool redo) {
  guarded(
      [&] {
        CodingController c(*project_);
        const auto label = redo ? c.redo() : c.undo();
        if (!label) return message(redo ? "Nothing to redo" : "Nothing to undo");
        cmocCount_.reset();
        afterChange();
        message((redo ? "Redone: " : "Undone: ") + U(*label));
      },
      redo ? "Cannot redo" : "Cannot undo");
}

void MainFrame::onApplyCode(std::int64_t codeId) {
  if (!project_ || !transcript_) return message("Open a source and select text first", true);
  guarded(
      [&] {
        const CodingRecord r = CodingController(*project_).applyCode(*transcript_, codeId,
                                                                     transcriptView_->selection());
        chosenCoding_ = r.id;
        afterChange();
        message("Coded " + U(leafName(r.codePath)) +
                wxString::Format(" [%lld, %lld)", (long long)r.start, (long long)r.end));
      },
      "Cannot code");
}

void MainFrame::onQuickCode(const wxString& typed) {
  QuickCodeModel model(codebook_.codes());
  QuickCodeDialog dlg(this, model);
  if (!typed.empty()) dlg.CallAfter([&dlg, typed] { dlg.typeAndAccept(typed); });
  const int rc = showModal(dlg);
  if (rc != wxID_OK) return;
  if (const auto id = dlg.chosen()) {
    codebookPanel_->selectCode(*id);
    onApplyCode(*id);
  }
}

void MainFrame::onCodeTurn() {
  const auto code = codebookPanel_->selectedCode();
  guarded(
      [&] {
        const CodingRecord r =
            CodingController(*project_).codeTurn(*transcript_, *code, transcriptView_->caret());
        chosenCoding_ = r.id;
        afterChange();
        message("Coded the turn with " + U(leafName(r.codePath)));
      },
      "Cannot code the turn");
}

void MainFrame::onNewCode() {
  const Selection sel = transcriptView_->selection();
  wxString name = U(CodingController::suggestedName(*transcript_, sel));
  if (name.empty()) return message("Select the text the new code is for", true);
  const auto parent = codebookPanel_->selectedCode();
  if (!options_.scripted) {
    wxString where =
        parent ? " under " + U(codebook_.row(*parent)->path) : wxString(" at the top level");
    wxTextEntryDialog dlg(this, "Name of the new inductive code" + where + ":",
                          "New code from selection", name);
    const int rc = showModal(dlg);
    if (rc != wxID_OK) return;
    name = dlg.GetValue();
  }
  guarded(
      [&] {
        const auto made = CodingController(*project_).newCodeFromSelection(
            *transcript_, sel, name.utf8_string(), parent);
        chosenCoding_ = made.coding.id;
        afterChange();
        codebookPanel_->selectCode(made.code.id);
        message("New inductive code " + U(made.code.path) + " applied");
      },
      "Cannot create the code");
}

void MainFrame::onUncode() {
  guarded(
      [&] {
        CodingController(*project_).uncode(chosenCoding_);
        chosenCoding_ = 0;
        afterChange();
        message("Uncoded (Ctrl+Z brings it back)");
      },
      "Cannot uncode");
}

void MainFrame::onEditSpan() {
  guarded(
      [&] {
        CodingController(*project_).setSpan(*transcript_, chosenCoding_,
                                            transcriptView_->selection());
        afterChange();
        message("Coding moved to the selection");
      },
      "Cannot move the coding");
}

void MainFrame::onEditText() {
  const auto span =
      transcript_->sourceSpanOf(transcriptView_->selection().from, transcriptView_->selection().to);
  if (!span) return message("Select the text to fix first", true);
  const std::string old(
      text::sliceCodePoints(transcript_->sourceText(), span->first, span->second));
  wxTextEntryDialog dlg(this, "Replace the selected text with (codings around it follow the text):",
                        "Fix transcription", U(old), wxOK | wxCANCEL | wxTE_MULTILINE);
  const int rc = showModal(dlg);
  if (rc != wxID_OK) return;
  guarded(
      [&] {
        const auto fix = CodingController(*project_).fixText(
            *transcript_, span->first, span->second, dlg.GetValue().utf8_string());
        openSource(fix.sourceId);
        afterChange();
        jumpTo(fix.sourceId, fix.start, fix.end);
        message(wxString::Format("Text fixed: %zu codings re-anchored, %zu removed (Ctrl+Z undoes)",
                                 fix.reanchored, fix.removed));
      },
      "Cannot fix the text");
}

void MainFrame::onOnlyMine(bool on) {
  onlyMine_ = on;
  cmocCount_.reset();
  GetMenuBar()->Check(ID_ONLY_MINE, on);
  onlyMineButton_->SetValue(on);
  reloadCoderViews();
  refreshStatus();
  message(on ? "Showing only your codings" : "Showing every coder's codings");
}

void MainFrame::onChooseCoder() {
  wxArrayString names;
  for (const auto& c : coders_) names.Add(U(c));
  wxTextEntryDialog dlg(this, "Coder name (new names are added to the project on first use):",
                        "Choose coder", coderBox_->GetValue());
  if (!names.empty()) dlg.SetTextValidator(wxFILTER_NONE);
  const int rc = showModal(dlg);
  if (rc != wxID_OK) return;
  coderBox_->SetValue(dlg.GetValue());
  setCoder(dlg.GetValue().utf8_string());
}

void MainFrame::onAutocode() {
  const auto code = codebookPanel_->selectedCode();
  wxTextEntryDialog dlg(
      this,
      "Word or phrase to find (case and accents ignored); each hit's sentence is coded "
      "as coder 'auto' for review:",
      "Auto-code with " + U(codebook_.row(*code)->name));
  const int rc = showModal(dlg);
  if (rc != wxID_OK || dlg.GetValue().Trim().empty()) return;
  guarded(
      [&] {
        const AutocodeSpec spec =
            autocodeSpecFor(codebook_.row(*code)->path, dlg.GetValue().utf8_string());
        Autocoder coder(*project_);
        // Only the count is shown, so no hit is kept: a word with millions of hits costs no memory.
        const std::int64_t hits = coder.preview(spec, 0).totalHits;
        if (hits == 0) return message("No hits for " + dlg.GetValue());
        if (wxMessageBox(wxString::Format("%lld hits. Code them as 'auto' for review?",
                                          static_cast<long long>(hits)),
                         "Auto-code", wxYES_NO, this) != wxYES)
          return;
        const auto res = coder.run(spec);
        afterChange();
        message(U(autocodeSummary(res)));
      },
      "Auto-code failed");
}

void MainFrame::onAutocodeReview(bool accept) {
  guarded(
      [&] {
        Autocoder coder(*project_);
        const auto r = accept ? coder.accept(project_->coder()) : coder.reject();
        afterChange();
        message(U(reviewSummary(accept, r, project_->coder())));
      },
      accept ? "Cannot accept auto-coding" : "Cannot reject auto-coding");
}

void MainFrame::onShiftCode(int delta) {
  const auto id = codebookPanel_->selectedCode();
  guarded([&] {
    const auto moved = codebook_.shift(*project_, *id, delta);
    if (!moved)
      return message(delta < 0 ? "Already first among its siblings"
                               : "Already last among its siblings");
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

}  // namespace cmoc::gui

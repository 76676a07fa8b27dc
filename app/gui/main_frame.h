#pragma once
// cmoc-gui's main window. It owns the open project and the presenters, lays out the views
// (wxAUI: sources and codebook left, transcript centre, cursor/CMOC panel right, realist views
// in a bottom notebook) and routes every command through one table (commands()): each handler
// asks a presenter or controller to act and redraws what changed. Errors from core are caught
// here, at the event boundary. Its code is split by area: main_frame.cpp (window, plumbing),
// main_frame_commands.cpp (the table), main_frame_file, _coding, _analysis and _project.cpp.
#include <wx/aui/aui.h>
#include <wx/combobox.h>
#include <wx/dialog.h>
#include <wx/frame.h>
#include <wx/notebook.h>
#include <wx/tglbtn.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <thread>

#include "cmoc/project.h"
#include "model/agreement_presenter.h"
#include "model/causal_web_presenter.h"
#include "model/chain_links.h"
#include "model/cmoc_builder_model.h"
#include "model/codebook_tree_model.h"
#include "model/command_gate.h"
#include "model/contradictions_presenter.h"
#include "model/demi_presenter.h"
#include "model/export_catalogue.h"
#include "model/memo_presenter.h"
#include "model/refi_import_options.h"
#include "model/search_presenter.h"
#include "model/sources_presenter.h"
#include "model/theory_presenter.h"
#include "model/transcript_view_model.h"

namespace cmoc::gui {

class AgreementPanel;
struct Command;
class SharedProgress;
class AuditPanel;
class CodebookPanel;
class ContradictionsPanel;
class CursorPanel;
class DemiPanel;
class SearchPanel;
class SourcesPanel;
class TheoryPanel;
class TranscriptView;
class WebPanel;

struct FrameOptions {
  std::string coder;      // empty: the last coder used, else the login name
  bool scripted = false;  // run by --self-test: no modal prompts, errors are recorded
};

class MainFrame : public wxFrame {
 public:
  explicit MainFrame(const FrameOptions& options);
  ~MainFrame() override;

  bool openProject(const std::filesystem::path& file);
  bool hasProject() const { return project_.has_value(); }
  Project& project() { return *project_; }

  // Used by the self-test script; each goes through the same widgets and events a user would.
  bool openSourceNamed(const std::string& name);
  bool selectText(const std::string& text);
  bool selectCode(const std::string& nameOrPath);
  bool activateSelectedCode();  // what a double-click on the tree sends
  void command(int id);         // what the menu item sends
  // Every menu command, as the menus are built from it (main_frame_commands.cpp).
  static const std::vector<Command>& commands();
  bool quickCode(const std::string& typed);
  bool showPage(const std::string& name);
  // Chooses the coding under the caret (of `code` when given), as a click in "At cursor" does.
  bool chooseCodingAtCaret(const std::string& code = "");
  void runSearch(const std::string& query);
  bool drillDemi(std::size_t row);
  bool clickWebNode(const std::string& code);
  void computeAgreementNow();
  // Imports with the progress dialog and the per-file summary, as File > Import does after
  // its file dialogs.
  void importFiles(const std::vector<std::filesystem::path>& files,
                   const std::optional<std::filesystem::path>& participants);
  // Project > Participants: opens the dialog, edits one cell through it, closes it (with a
  // screenshot written to `screenshot` first when given).
  bool editParticipant(const std::string& code, const std::string& attribute,
                       const std::string& value, const std::filesystem::path& screenshot = {});
  // Project > Study library: opens the window, imports `references` through it, closes it
  // (with a screenshot written to `screenshot` first when given).
  bool importLibrary(const std::filesystem::path& references,
                     const std::filesystem::path& screenshot = {});
  // What a drop on the top edge of `before`'s row does in the codebook tree.
  bool reorderCode(const std::string& code, const std::string& before);
  // File > Import of one REFI-QDA exchange file after its options dialog, with the progress
  // dialog (its Cancel saves nothing) and the import report. True when the file was imported.
  bool importExchange(const std::filesystem::path& file, const RefiImportOptions& options);
  // File > Export entry whose suggested file name is `fileName`, after its file dialog.
  bool exportTo(const std::string& fileName, const std::filesystem::path& target);
  // Types into the right-hand panel's code or source memo and presses its Save button.
  bool saveMemoFromPanel(bool onSource, const std::string& text);
  const std::string& lastError() const { return lastError_; }
  const std::string& storageFailure() const { return storageFailure_; }
  void clearError() { lastError_.clear(); }
  bool busy() const { return busy_ > 0 || modal_ > 0; }
  wxWindow* pageWindow(const std::string& name) const;

 private:
  // Builds the menu bar from commands() and dispatches menu events through it.
  void bindCommands();
  WindowState windowState() const;
  // Whether `c`'s requirements hold; if not, says why (unless it is to stay quiet).
  bool ready(const Command& c);
  // ShowModal, with the window counted busy meanwhile so a scripted self-test waits for it.
  int showModal(wxDialog& dlg);
  wxWindow* buildButtonBar(wxWindow* parent);
  void buildPanes(wxWindow* host);
  void bindViews();
  void restoreLayout();
  void saveLayout();

  // Runs fn; a cmoc::Error (or any exception) becomes a message, never a crash.
  bool guarded(const std::function<void()>& fn, const char* what = nullptr);
  // A change the project file could not save: the status bar says so and the window offers to
  // reopen the project.
  void storageFailed(const wxString& text);
  void message(const wxString& text, bool error = false);

  void setCoder(const std::string& coder);
  void openSource(std::int64_t sourceId);
  // Everything blind coding filters by coder: after the coder or "only mine" changes.
  void reloadCoderViews();
  void reloadCodebook();
  void reloadSources();
  void reloadAttributeFilters();  // the sources panel's case/role/... filter values
  void reloadCodings();           // after any coding change
  void refreshStatus();
  void refreshBottom(bool force = false);
  void markAnalysesStale();
  void afterChange();  // a coding, code or CMOC changed
  void showAtCursor();
  void jumpTo(std::int64_t sourceId, std::int64_t start, std::int64_t end);
  TranscriptViewModel::Options viewOptions() const;
  std::optional<std::string> mine() const;

  // Commands. main_frame_file.cpp: new, open, import and export.
  void onNewProject();
  void onOpen();
  void onImport();
  void onExport(std::size_t format);
  void exportWithDialog(const ExportFormat& format);  // asks where, then exportTo()
  void onImportExchange();
  // Asks for the exchange import's options, then imports (nothing when the user cancels).
  void askAndImportExchange(const std::filesystem::path& file);
  // An error the user must see: the status bar, and a dialog unless scripted.
  void failed(const wxString& title, const wxString& text);
  // Runs `work` on a worker thread behind a progress dialog, keeping the window responsive;
  // returns its result, or rethrows its exception here on the UI thread. Without `progress` the
  // dialog pulses; with it, it shows progress's percent and label and its Cancel cancels it.
  std::string runBusy(const wxString& title, const wxString& label,
                      std::function<std::string()> work, SharedProgress* progress = nullptr);
  // main_frame_project.cpp: participants and memos.
  void onParticipants();
  void onLibrary();
  void afterParticipantsChanged();
  void showMemos();  // the code and source memo boxes, for the selected code and open source
  void onSaveMemo(const MemoTarget& target, const std::string& text);
  // main_frame_coding.cpp.
  void onUndo(bool redo);
  void onShiftCode(int delta);
  void onReorderCode(std::int64_t codeId, std::optional<std::int64_t> before);
  void onApplyCode(std::int64_t codeId);
  void onQuickCode(const wxString& typed = "");
  void onCodeTurn();
  void onNewCode();
  void onUncode();
  void onEditSpan();
  void onEditText();
  void onOnlyMine(bool on);
  void onChooseCoder();
  void onAutocode();
  void onAutocodeReview(bool accept);
  // main_frame_analysis.cpp: CMOCs, chains and the analyses.
  void onSuggestedLinks();
  void onUnlink();
  // The multiple-choice dialog over `choices`; nothing when cancelled.
  std::optional<std::vector<std::size_t>> chooseChains(const ChainChoices& choices,
                                                       const wxString& prompt,
                                                       const wxString& title);
  void fillSlot(Slot slot);
  void saveCmoc(bool chain);
  void onComputeAgreement();
  void onCompareTheory(std::size_t from, std::size_t to);  // the Theory tab's two pickers
  AgreementOptions agreementOptions() const;  // what the Agreement tab has chosen

  FrameOptions options_;
  std::optional<Project> project_;
  CodeLookup codes_;
  CodebookTreeModel codebook_;
  SourcesPresenter sources_;
  std::optional<TranscriptViewModel> transcript_;
  SearchPresenter search_;
  CmocBuilderModel builder_;
  DemiPresenter demi_;
  CausalWebPresenter web_;
  AgreementPresenter agreement_;
  TheoryPresenter theory_;
  ContradictionsPresenter contradictions_;
  bool onlyMine_ = false;
  std::int64_t chosenCoding_ = 0;
  // What the user picked last, a coding at the cursor or a code in the tree: a CMOC slot's
  // "Set" takes that one.
  bool pickedCode_ = false;
  bool demiStale_ = true, webStale_ = true, auditStale_ = true, agreementStale_ = true;
  bool theoryStale_ = true, contradictionsStale_ = true;
  int busy_ = 0, modal_ = 0;
  std::string lastError_;
  // Set when the project file failed to save a change; cleared only by reopening it.
  std::string storageFailure_;
  std::vector<std::string> coders_;
  std::thread agreementWorker_;  // joined before the next run and on close
  std::thread webWorker_;
  bool webBusy_ = false;
  std::optional<std::int64_t> cmocCount_;  // for the status bar

  wxAuiManager aui_;
  wxPanel* host_ = nullptr;
  SourcesPanel* sourcesPanel_ = nullptr;
  CodebookPanel* codebookPanel_ = nullptr;
  TranscriptView* transcriptView_ = nullptr;
  CursorPanel* cursorPanel_ = nullptr;
  wxNotebook* bottom_ = nullptr;
  DemiPanel* demiPanel_ = nullptr;
  WebPanel* webPanel_ = nullptr;
  AgreementPanel* agreementPanel_ = nullptr;
  SearchPanel* searchPanel_ = nullptr;
  AuditPanel* auditPanel_ = nullptr;
  TheoryPanel* theoryPanel_ = nullptr;
  ContradictionsPanel* contradictionsPanel_ = nullptr;
  wxComboBox* coderBox_ = nullptr;
  wxToggleButton* onlyMineButton_ = nullptr;
  wxString defaultPerspective_;
};

}  // namespace cmoc::gui

#include "main_frame.h"

#include <wx/aboutdlg.h>
#include <wx/artprov.h>
#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/persist/toplevel.h>
#include <wx/progdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/textdlg.h>
#include <wx/utils.h>

#include <memory>
#include <thread>

#include "cmoc/autocode.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/text.h"
#include "cmoc/text_edit.h"
#include "cursor_panel.h"
#include "codebook_panel.h"
#include "ids.h"
#include "model/coding_controller.h"
#include "model/export_catalogue.h"
#include "model/history_presenter.h"
#include "model/import_job.h"
#include "model/quick_code_model.h"
#include "model/refi_import.h"
#include "quick_code_dialog.h"
#include "realist_panels.h"
#include "search_panel.h"
#include "sources_panel.h"
#include "transcript_view.h"

namespace cmoc::gui {

namespace {

constexpr int kLayoutVersion = 3;  // bump when panes change, so old layouts are dropped
const char* kPages[] = {"demiregularities", "causal-web", "agreement", "search", "audit"};

wxString U(const std::string& s) { return wxString::FromUTF8(s); }

struct BusyScope {
  explicit BusyScope(int& n) : n_(n) { ++n_; }
  ~BusyScope() { --n_; }
  int& n_;
};

}  // namespace

MainFrame::MainFrame(const FrameOptions& options)
    : wxFrame(nullptr, wxID_ANY, "CMOC Workbench", wxDefaultPosition, wxSize(1500, 940)),
      options_(options) {
  SetName("main");
  SetMinSize(wxSize(900, 600));
  buildMenus();
  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(buildButtonBar(this), 0, wxEXPAND);
  host_ = new wxPanel(this, wxID_ANY);
  outer->Add(host_, 1, wxEXPAND);
  SetSizer(outer);
  // AUI sizes docks as a share of the managed window, so it must have its real size first.
  Layout();
  buildPanes(host_);
  bindViews();
  CreateStatusBar(2);
  const int widths[] = {-3, -2};
  GetStatusBar()->SetStatusWidths(2, widths);
  restoreLayout();
  wxPersistentRegisterAndRestore(this, "main");

  std::string coder = options.coder;
  if (coder.empty()) {
    wxString last;
    if (wxConfigBase::Get()->Read("coder/last", &last) && !last.empty()) coder = last.utf8_string();
  }
  if (coder.empty()) coder = wxGetUserId().utf8_string();
  coderBox_->SetValue(U(coder));
  refreshStatus();

  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
    saveLayout();
    e.Skip();
  });
}

MainFrame::~MainFrame() {
  if (agreementWorker_.joinable()) agreementWorker_.join();
  if (webWorker_.joinable()) webWorker_.join();
  aui_.UnInit();
}

// ---------------------------------------------------------------------------------------------
// Building the window

void MainFrame::buildMenus() {
  auto* file = new wxMenu;
  file->Append(ID_NEW_PROJECT, "&New project...\tCtrl+N");
  file->Append(wxID_OPEN, "&Open project...\tCtrl+O");
  file->AppendSeparator();
  file->Append(ID_IMPORT, "&Import...\tCtrl+I",
               "Transcripts (.txt .docx .odt .vtt .srt) or REFI-QDA exchange files (.qdpx .qdc)");
  file->Append(ID_IMPORT_EXCHANGE, "Import REFI-QDA project or code&book...",
               "A .qdpx project or .qdc codebook from NVivo, ATLAS.ti, MAXQDA, QualCoder ...");
  auto* exp = new wxMenu;
  for (std::size_t i = 0; i < exportFormats().size(); ++i) {
    const ExportFormat& f = exportFormats()[i];
    if (f.separatorBefore) exp->AppendSeparator();
    exp->Append(ID_EXPORT_FIRST + static_cast<int>(i), U(f.label));
  }
  file->AppendSubMenu(exp, "&Export");
  file->AppendSeparator();
  file->Append(wxID_EXIT, "&Quit\tCtrl+Q");

  auto* project = new wxMenu;
  project->Append(ID_PARTICIPANTS, "&Participants...\tCtrl+Shift+P",
                  "Names, cases, roles and attributes of the people interviewed");

  auto* edit = new wxMenu;
  edit->Append(wxID_UNDO, "&Undo\tCtrl+Z");
  edit->Append(wxID_REDO, "&Redo\tCtrl+Y");
  edit->AppendSeparator();
  edit->Append(wxID_FIND, "&Find in project...\tCtrl+F");

  auto* code = new wxMenu;
  code->Append(ID_APPLY_CODE, "&Apply selected code to selection\tCtrl+Enter",
               "Also: double-click the code in the codebook, or drag it onto the text");
  code->Append(ID_QUICK_CODE, "&Quick code...\tCtrl+Shift+Q", "Q in the transcript: type-ahead over code names");
  code->Append(ID_CODE_TURN, "Code whole &turn\tCtrl+T", "T in the transcript");
  code->Append(ID_NEW_CODE, "&New code from selection...\tCtrl+Shift+N", "N in the transcript");
  code->Append(ID_UNCODE, "&Uncode chosen coding\tCtrl+Shift+U", "U or Delete in the transcript");
  code->Append(ID_EDIT_SPAN, "Move chosen coding to &selection\tCtrl+Shift+E");
  code->Append(ID_MEMO, "&Memo on chosen coding\tCtrl+M");
  code->Append(ID_EDIT_TEXT, "Fix &transcription in selection...",
               "Replace the selected text; codings around it are re-anchored by core");
  code->AppendSeparator();
  code->Append(ID_RENAME_CODE, "&Rename code\tF2");
  code->Append(ID_CODE_EARLIER, "Move code &up among its siblings\tAlt+Up",
               "Also: drag a code onto the top edge of another");
  code->Append(ID_CODE_LATER, "Move code do&wn among its siblings\tAlt+Down");
  code->Append(ID_AUTOCODE, "Auto-&code by word or phrase...");
  code->Append(ID_AUTOCODE_ACCEPT, "Accept auto-coding as mine", "Re-attribute every 'auto' coding to the current coder");
  code->Append(ID_AUTOCODE_REJECT, "Reject auto-coding", "Delete every 'auto' coding (audited; Ctrl+Z undoes)");

  auto* cmoc = new wxMenu;
  cmoc->Append(ID_CMOC_NEW, "&New CMOC");
  cmoc->Append(ID_CMOC_CONTEXT, "Set &context from chosen coding\tCtrl+1");
  cmoc->Append(ID_CMOC_MECHANISM, "Set &mechanism from chosen coding\tCtrl+2");
  cmoc->Append(ID_CMOC_OUTCOME, "Set &outcome from chosen coding\tCtrl+3");
  cmoc->Append(ID_CMOC_SAVE, "&Save CMOC\tCtrl+S");
  cmoc->Append(ID_CMOC_CHAIN, "Save and &chain to next\tCtrl+Shift+S");
  cmoc->AppendSeparator();
  cmoc->Append(ID_CMOC_SUGGESTED_LINKS, "Link &suggested chains...",
               "Where one CMOC's outcome code is another's context code");
  cmoc->Append(ID_CMOC_UNLINK, "&Remove chain links...");

  auto* analyse = new wxMenu;
  analyse->Append(ID_SHOW_DEMI, "&Demiregularities\tCtrl+Shift+D");
  analyse->Append(ID_SHOW_WEB, "&Causal web\tCtrl+Shift+W");
  analyse->Append(ID_SHOW_AGREEMENT, "&Agreement\tCtrl+Shift+A");
  analyse->Append(ID_SHOW_SEARCH, "&Search results");
  analyse->Append(ID_SHOW_AUDIT, "Audit &log\tCtrl+Shift+L");

  auto* view = new wxMenu;
  view->AppendCheckItem(ID_ONLY_MINE, "&Only my codings (blind coding)\tCtrl+Shift+M");
  view->AppendSeparator();
  view->Append(ID_FOCUS_SOURCES, "&Sources\tAlt+1");
  view->Append(ID_FOCUS_CODEBOOK, "&Codebook\tAlt+2");
  view->Append(ID_FOCUS_TRANSCRIPT, "&Transcript\tAlt+3");
  view->AppendSeparator();
  view->Append(ID_RESET_LAYOUT, "&Reset layout");

  auto* coder = new wxMenu;
  coder->Append(ID_CHOOSE_CODER, "&Choose coder...\tCtrl+Shift+C");

  auto* help = new wxMenu;
  help->Append(wxID_ABOUT, "&About");

  auto* bar = new wxMenuBar;
  bar->Append(file, "&File");
  bar->Append(project, "&Project");
  bar->Append(edit, "&Edit");
  bar->Append(code, "&Code");
  bar->Append(cmoc, "C&MOC");
  bar->Append(analyse, "&Analyse");
  bar->Append(view, "&View");
  bar->Append(coder, "C&oder");
  bar->Append(help, "&Help");
  SetMenuBar(bar);

  Bind(wxEVT_MENU, [this](wxCommandEvent& e) {
    const int id = e.GetId();
    if (id >= ID_EXPORT_FIRST && id <= ID_EXPORT_LAST)
      return onExport(static_cast<std::size_t>(id - ID_EXPORT_FIRST));
    switch (id) {
      case ID_NEW_PROJECT: return onNewProject();
      case wxID_OPEN: return onOpen();
      case ID_IMPORT: return onImport();
      case ID_IMPORT_EXCHANGE: return onImportExchange();
      case ID_PARTICIPANTS: return onParticipants();
      case ID_CODE_EARLIER: return onShiftCode(-1);
      case ID_CODE_LATER: return onShiftCode(+1);
      case ID_EDIT_TEXT: return onEditText();
      case wxID_EXIT: Close(); return;
      case wxID_UNDO: return onUndo(false);
      case wxID_REDO: return onUndo(true);
      case wxID_FIND:
        showPage("search");
        searchPanel_->focusQuery();
        return;
      case ID_APPLY_CODE:
        if (auto c = codebookPanel_->selectedCode()) onApplyCode(*c);
        else message("Choose a code in the codebook first (Alt+2), or press Q for the quick-code box.", true);
        return;
      case ID_QUICK_CODE: return onQuickCode();
      case ID_CODE_TURN: return onCodeTurn();
      case ID_NEW_CODE: return onNewCode();
      case ID_UNCODE: return onUncode();
      case ID_EDIT_SPAN: return onEditSpan();
      case ID_MEMO: cursorPanel_->focusMemo(); return;
      case ID_RENAME_CODE: codebookPanel_->startRename(); return;
      case ID_AUTOCODE: return onAutocode();
      case ID_AUTOCODE_ACCEPT: return onAutocodeReview(true);
      case ID_AUTOCODE_REJECT: return onAutocodeReview(false);
      case ID_CMOC_SUGGESTED_LINKS: return onSuggestedLinks();
      case ID_CMOC_UNLINK: return onUnlink();
      case ID_ONLY_MINE: return onOnlyMine(e.IsChecked());
      case ID_CHOOSE_CODER: return onChooseCoder();
      case ID_FOCUS_SOURCES: sourcesPanel_->list()->SetFocus(); return;
      case ID_FOCUS_CODEBOOK: codebookPanel_->tree()->SetFocus(); return;
      case ID_FOCUS_TRANSCRIPT: transcriptView_->text()->SetFocus(); return;
      case ID_RESET_LAYOUT: aui_.LoadPerspective(defaultPerspective_); return;
      case ID_CMOC_NEW:
        builder_.clear();
        cursorPanel_->showBuilder(builder_);
        return;
      case ID_CMOC_CONTEXT: return fillSlot(Slot::Context);
      case ID_CMOC_MECHANISM: return fillSlot(Slot::Mechanism);
      case ID_CMOC_OUTCOME: return fillSlot(Slot::Outcome);
      case ID_CMOC_SAVE: return saveCmoc(false);
      case ID_CMOC_CHAIN: return saveCmoc(true);
      case ID_SHOW_DEMI: showPage("demiregularities"); return;
      case ID_SHOW_WEB: showPage("causal-web"); return;
      case ID_SHOW_AGREEMENT: showPage("agreement"); return;
      case ID_SHOW_SEARCH: showPage("search"); return;
      case ID_SHOW_AUDIT: showPage("audit"); return;
      case wxID_ABOUT: {
        wxAboutDialogInfo info;
        info.SetName("CMOC Workbench");
        info.SetVersion("0.1");
        info.SetDescription("Realist qualitative analysis: code transcripts, build and chain CMOCs, "
                            "read demiregularities, verify with a second coder.");
        wxAboutBox(info, this);
        return;
      }
      default: e.Skip();
    }
  });
}

wxWindow* MainFrame::buildButtonBar(wxWindow* parent) {
  auto* bar = new wxPanel(parent, wxID_ANY);
  bar->SetName("button-bar");
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  const std::pair<int, const char*> buttons[] = {
      {ID_IMPORT, "Import..."},        {wxID_UNDO, "Undo"},        {wxID_REDO, "Redo"},
      {ID_QUICK_CODE, "Code selection (Q)"}, {ID_CODE_TURN, "Code turn (T)"},
      {ID_NEW_CODE, "New code from selection (N)"}, {wxID_FIND, "Search (Ctrl+F)"}};
  for (const auto& [id, label] : buttons) {
    auto* b = new wxButton(bar, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    b->Bind(wxEVT_BUTTON, [this, id = id](wxCommandEvent&) { command(id); });
    row->Add(b, 0, wxALL, 3);
  }
  onlyMineButton_ = new wxToggleButton(bar, wxID_ANY, "Only my codings", wxDefaultPosition, wxDefaultSize,
                                       wxBU_EXACTFIT);
  onlyMineButton_->SetToolTip("Blind second coding: hide other coders' codings and counts");
  onlyMineButton_->Bind(wxEVT_TOGGLEBUTTON, [this](wxCommandEvent& e) { onOnlyMine(e.IsChecked()); });
  row->Add(onlyMineButton_, 0, wxALL, 3);
  row->AddStretchSpacer();
  row->Add(new wxStaticText(bar, wxID_ANY, "Coder"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  coderBox_ = new wxComboBox(bar, wxID_ANY, "", wxDefaultPosition, wxSize(130, -1), {}, wxTE_PROCESS_ENTER);
  coderBox_->SetName("coder");
  coderBox_->SetToolTip("Who is coding: new codings, CMOCs and history entries carry this name");
  coderBox_->Bind(wxEVT_COMBOBOX, [this](wxCommandEvent&) { setCoder(coderBox_->GetValue().utf8_string()); });
  coderBox_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { setCoder(coderBox_->GetValue().utf8_string()); });
  coderBox_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
    if (project_ && coderBox_->GetValue().utf8_string() != project_->coder())
      setCoder(coderBox_->GetValue().utf8_string());
    e.Skip();
  });
  row->Add(coderBox_, 0, wxALL, 3);
  bar->SetSizer(row);
  return bar;
}

void MainFrame::buildPanes(wxWindow* host) {
  aui_.SetManagedWindow(host);
  sourcesPanel_ = new SourcesPanel(host);
  codebookPanel_ = new CodebookPanel(host);
  transcriptView_ = new TranscriptView(host);
  cursorPanel_ = new CursorPanel(host);
  bottom_ = new wxNotebook(host, wxID_ANY);
  bottom_->SetName("analyses");
  demiPanel_ = new DemiPanel(bottom_);
  webPanel_ = new WebPanel(bottom_);
  agreementPanel_ = new AgreementPanel(bottom_);
  searchPanel_ = new SearchPanel(bottom_);
  auditPanel_ = new AuditPanel(bottom_);
  bottom_->AddPage(demiPanel_, "Demiregularities");
  bottom_->AddPage(webPanel_, "Causal web");
  bottom_->AddPage(agreementPanel_, "Agreement");
  bottom_->AddPage(searchPanel_, "Search results");
  bottom_->AddPage(auditPanel_, "Audit log");

  aui_.AddPane(sourcesPanel_, wxAuiPaneInfo().Name("sources").Caption("Sources").Left().Layer(1)
                                  .Position(0).BestSize(330, 250).MinSize(200, 120).CloseButton(false)
                                  .CaptionVisible(false));
  aui_.AddPane(codebookPanel_, wxAuiPaneInfo().Name("codebook").Caption("Codebook").Left().Layer(1)
                                   .Position(1).BestSize(330, 400).MinSize(200, 150).CloseButton(false)
                                   .CaptionVisible(false));
  aui_.AddPane(transcriptView_, wxAuiPaneInfo().Name("transcript").CenterPane());
  aui_.AddPane(cursorPanel_, wxAuiPaneInfo().Name("cursor").Caption("At cursor / CMOC").Right().Layer(1)
                                 .BestSize(390, 500).MinSize(260, 200).CloseButton(false)
                                 .CaptionVisible(false));
  // The analyses span the whole width below the three columns (the outer layer).
  aui_.AddPane(bottom_, wxAuiPaneInfo().Name("analyses").Caption("Analyses").Bottom().Layer(2)
                            .BestSize(800, 250).MinSize(300, 120).CloseButton(false).CaptionVisible(false));
  // Docks take their panes' minimum sizes on the first layout; ask for the sizes we want,
  // then relax the minimums so the user can shrink them.
  const std::pair<wxWindow*, wxSize> wanted[] = {{sourcesPanel_, {330, 230}}, {codebookPanel_, {330, 330}},
                                                  {cursorPanel_, {390, 300}}, {bottom_, {300, 250}}};
  for (const auto& [w, size] : wanted) aui_.GetPane(w).MinSize(size);
  aui_.Update();
  for (const auto& [w, size] : wanted) aui_.GetPane(w).MinSize(wxSize(200, 120));
  aui_.Update();
  defaultPerspective_ = aui_.SavePerspective();
}

void MainFrame::restoreLayout() {
  wxConfigBase* cfg = wxConfigBase::Get();
  long version = 0;
  wxString perspective;
  if (cfg->Read("layout/version", &version) && version == kLayoutVersion &&
      cfg->Read("layout/perspective", &perspective) && !perspective.empty())
    aui_.LoadPerspective(perspective);
  long page = 0;
  if (cfg->Read("layout/page", &page) && page >= 0 && page < static_cast<long>(bottom_->GetPageCount()))
    bottom_->SetSelection(static_cast<size_t>(page));
}

void MainFrame::saveLayout() {
  wxConfigBase* cfg = wxConfigBase::Get();
  cfg->Write("layout/version", static_cast<long>(kLayoutVersion));
  cfg->Write("layout/perspective", aui_.SavePerspective());
  cfg->Write("layout/page", static_cast<long>(bottom_->GetSelection()));
  if (project_) cfg->Write("project/last", wxString(project_->file().string()));
  cfg->Flush();
}

void MainFrame::bindViews() {
  sourcesPanel_->onOpen = [this](std::int64_t id) { openSource(id); };
  sourcesPanel_->onFilterChanged = [this] { reloadSources(); };

  codebookPanel_->onActivate = [this](std::int64_t id) { onApplyCode(id); };
  codebookPanel_->onSelect = [this](std::int64_t) {
    pickedCode_ = true;
    showMemos();
  };
  codebookPanel_->onReorder = [this](std::int64_t id, std::optional<std::int64_t> before) {
    onReorderCode(id, before);
  };
  cursorPanel_->codeMemo()->onSave = [this](const MemoTarget& t, const std::string& text) { onSaveMemo(t, text); };
  cursorPanel_->sourceMemo()->onSave = [this](const MemoTarget& t, const std::string& text) { onSaveMemo(t, text); };
  codebookPanel_->onRename = [this](std::int64_t id, const std::string& name) {
    guarded([&] {
      CodebookTreeModel::rename(*project_, id, name);
      afterChange();
      message("Renamed to " + U(name));
    });
  };
  codebookPanel_->onNest = [this](std::int64_t id, std::optional<std::int64_t> parent) {
    guarded([&] {
      const Code moved = CodebookTreeModel::nest(*project_, id, parent);
      afterChange();
      message("Moved to " + U(moved.path));
    });
  };

  transcriptView_->onCaretMoved = [this] {
    pickedCode_ = false;
    showAtCursor();
  };
  transcriptView_->onStripeClicked = [this](std::int64_t codingId) {
    if (!transcript_) return;
    if (const CodingStripe* s = transcript_->stripe(codingId)) {
      transcriptView_->select(s->startByte, s->endByte);
      chosenCoding_ = codingId;
      pickedCode_ = false;
      transcriptView_->focusCoding(codingId);
      showAtCursor();
    }
  };
  transcriptView_->onCodeDropped = [this](std::int64_t codeId) { onApplyCode(codeId); };
  transcriptView_->text()->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
    if (e.HasAnyModifiers()) return e.Skip();
    switch (e.GetKeyCode()) {
      case 'Q': return onQuickCode();
      case 'T': return onCodeTurn();
      case 'N': return onNewCode();
      case 'U': case WXK_DELETE: return onUncode();
      case 'M': cursorPanel_->focusMemo(); return;
      default: e.Skip();
    }
  });

  cursorPanel_->onChoose = [this](std::int64_t codingId) {
    chosenCoding_ = codingId;
    pickedCode_ = false;
    transcriptView_->focusCoding(codingId);
    if (transcript_)
      if (const CodingStripe* s = transcript_->stripe(codingId)) codebookPanel_->selectCode(s->codeId);
    showMemos();
  };
  cursorPanel_->onSaveMemo = [this](std::int64_t codingId, const std::string& memo) {
    guarded([&] {
      CodingController(*project_).setMemo(codingId, memo);
      reloadCodings();
      message("Memo saved");
    });
  };
  cursorPanel_->onUncode = [this](std::int64_t codingId) {
    chosenCoding_ = codingId;
    onUncode();
  };
  cursorPanel_->onFillSlot = [this](Slot s) { fillSlot(s); };
  cursorPanel_->onClearSlot = [this](Slot s) {
    builder_.clearSlot(s);
    cursorPanel_->showBuilder(builder_);
  };
  cursorPanel_->onStatus = [this](CmocStatus s) {
    builder_.setStatus(s);
    cursorPanel_->showBuilder(builder_);
  };
  cursorPanel_->onSaveCmoc = [this] { saveCmoc(false); };
  cursorPanel_->onChain = [this] { saveCmoc(true); };
  cursorPanel_->onNewCmoc = [this] { command(ID_CMOC_NEW); };
  cursorPanel_->showBuilder(builder_);
  cursorPanel_->showAtCursor({}, 0);

  searchPanel_->onSearch = [this](const std::string& q) { runSearch(q); };
  searchPanel_->onJump = [this](std::size_t row) {
    if (row >= search_.rows().size()) return;
    const SearchRow& r = search_.rows()[row];
    jumpTo(r.sourceId, r.start, r.end);
  };

  demiPanel_->onDrill = [this](std::size_t row) { drillDemi(row); };
  demiPanel_->onThreshold = [this] {
    demiStale_ = true;
    refreshBottom();
  };
  demiPanel_->onQuote = [this](std::int64_t source, std::int64_t start, std::int64_t end) {
    jumpTo(source, start, end);
  };
  webPanel_->onClick = [this](double fx, double fy) {
    const auto code = web_.nodeAt(fx, fy);
    if (!code || !project_) return;
    guarded([&] {
      webPanel_->showNode(U(Codebook(*project_).get(*code).name), web_.cmocsOf(*project_, *code));
    });
  };
  agreementPanel_->onCompute = [this] { onComputeAgreement(); };
  agreementPanel_->onExportReport = [this] { exportWithDialog(*exportNamed("agreement.html")); };
  agreementPanel_->onChooseDisagreement = [this](std::size_t row) {
    if (row >= agreement_.disagreements().size()) return;
    const DisagreementRow& d = agreement_.disagreements()[row];
    jumpTo(d.sourceId, d.start, d.end);
  };
  agreementPanel_->onAdjudicate = [this](std::size_t row, Decision decision) {
    if (row >= agreement_.disagreements().size()) return;
    guarded([&] {
      const auto res = AgreementPresenter::adjudicateOne(*project_, agreementPanel_->coderA(),
                                                         agreementPanel_->coderB(), agreementPanel_->consensus(),
                                                         agreement_.disagreements()[row].id, decision);
      message(wxString::Format("Adjudicated into %s: %lld added, %lld removed, %lld kept (Ctrl+Z undoes)",
                               U(agreementPanel_->consensus()), (long long)res.added, (long long)res.removed,
                               (long long)res.kept));
      afterChange();
      onComputeAgreement();
    });
  };
  bottom_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
    refreshBottom();
    e.Skip();
  });
}

// ---------------------------------------------------------------------------------------------
// Plumbing

int MainFrame::showModal(wxDialog& dlg) {
  ++modal_;
  const int rc = dlg.ShowModal();
  --modal_;
  return rc;
}

bool MainFrame::guarded(const std::function<void()>& fn, const char* what) {
  try {
    fn();
    return true;
  } catch (const StorageError& e) {
    storageFailed((what ? wxString(what) + ": " : wxString()) + U(e.what()));
  } catch (const Error& e) {
    message((what ? wxString(what) + ": " : wxString()) + U(e.what()), true);
  } catch (const std::exception& e) {
    message((what ? wxString(what) + ": " : wxString()) + U(e.what()), true);
  }
  return false;
}

void MainFrame::storageFailed(const wxString& text) {
  const bool first = storageFailure_.empty();
  storageFailure_ = text.utf8_string();
  message(text, true);
  if (!first || !project_) return;  // a failure while showing the failure: no loop
  SetStatusText(U(project_->file().filename().string()) + "  |  NOT SAVED (reopen the project)", 0);
  refreshStatus();
  if (options_.scripted) return;
  wxMessageDialog ask(this, text + "\n\nThe change was not saved. Reopen the project now?",
                      "Not saved", wxYES_NO | wxICON_ERROR);
  const std::filesystem::path file = project_->file();  // openProject replaces project_
  if (showModal(ask) == wxID_YES) openProject(file);
}

void MainFrame::message(const wxString& text, bool error) {
  SetStatusText(text, 1);
  if (error) {
    lastError_ = text.utf8_string();
    if (!options_.scripted) wxBell();
  }
}

std::optional<std::string> MainFrame::mine() const {
  if (onlyMine_ && project_) return project_->coder();
  return std::nullopt;
}

TranscriptViewModel::Options MainFrame::viewOptions() const { return {.onlyCoder = mine()}; }

bool MainFrame::openProject(const std::filesystem::path& file) {
  return guarded([&] {
    wxBusyCursor busy;
    Project p = Project::open(file);
    project_.emplace(std::move(p));
    storageFailure_.clear();
    cmocCount_.reset();
    transcript_.reset();
    transcriptView_->show(nullptr);
    builder_.clear();
    cursorPanel_->showBuilder(builder_);
    search_.clear();
    searchPanel_->show(search_);
    SetTitle("CMOC Workbench - " + U(file.filename().string()));
    setCoder(coderBox_->GetValue().utf8_string());
    coders_ = knownCoders(*project_);
    if (std::find(coders_.begin(), coders_.end(), project_->coder()) == coders_.end())
      coders_.push_back(project_->coder());
    coderBox_->Set(std::vector<wxString>());
    for (const auto& c : coders_) coderBox_->Append(U(c));
    coderBox_->SetValue(U(project_->coder()));
    sourcesPanel_->setCoders(coders_);
    agreementPanel_->setCoders(coders_);
    reloadAttributeFilters();
    reloadCodebook();
    reloadSources();
    showMemos();
    markAnalysesStale();
    refreshBottom(true);
    refreshStatus();
    wxConfigBase::Get()->Write("project/last", wxString(file.string()));
    message("Opened " + U(file.string()));
  }, "Cannot open the project");
}

void MainFrame::setCoder(const std::string& coder) {
  if (coder.empty()) return;
  wxConfigBase::Get()->Write("coder/last", U(coder));
  if (!project_) return;
  if (coder == project_->coder()) return;
  guarded([&] {
    project_->setCoder(coder);
    if (onlyMine_) cmocCount_.reset();
    if (coderBox_->FindString(U(coder)) == wxNOT_FOUND) coderBox_->Append(U(coder));
    if (onlyMine_) {
      reloadCodebook();
      reloadSources();
      reloadCodings();
      markAnalysesStale();
      refreshBottom();
    }
    refreshStatus();
    message("Coding as " + U(coder));
  });
}

void MainFrame::reloadCodebook() {
  if (!project_) return;
  codebook_.reload(*project_, mine());
  codes_ = makeCodeLookup(codebook_.codes());
  codebookPanel_->show(codebook_);
}

void MainFrame::reloadAttributeFilters() {
  std::vector<std::pair<std::string, std::string>> attrs;
  for (const char* name : {"case_type", "case", "role", "region", "phase"})
    for (const auto& v : SourcesPresenter::attributeValues(*project_, name)) attrs.emplace_back(name, v);
  sourcesPanel_->setAttributes(attrs);
}

void MainFrame::reloadSources() {
  if (!project_) return;
  guarded([&] {
    SourceFilter f = sourcesPanel_->filter();
    if (onlyMine_) f.coder = project_->coder();
    sources_.reload(*project_, f);
    sourcesPanel_->show(sources_, transcript_ ? std::optional(transcript_->source().id) : std::nullopt);
  });
}

void MainFrame::reloadCodings() {
  if (!project_ || !transcript_) return;
  transcript_->reloadCodings(*project_, codes_, viewOptions());
  if (chosenCoding_ && !transcript_->stripe(chosenCoding_)) chosenCoding_ = 0;
  transcriptView_->refreshCodings();
  showAtCursor();
}

void MainFrame::refreshStatus() {
  if (!project_) {
    SetStatusText("No project open: File > Open (Ctrl+O) or File > New (Ctrl+N)", 0);
    return;
  }
  guarded([&] {
    // The count is kept until something can change it.
    if (!cmocCount_) {
      CmocFilter f;
      if (onlyMine_) f.coders = {project_->coder()};
      cmocCount_ = Cmocs(*project_).count(f);
    }
    const std::int64_t cmocs = *cmocCount_;
    std::int64_t mineCount = 0;
    for (const CodebookRow& r : codebook_.rows()) mineCount += r.codings;  // own counts in blind mode
    StatusLine line = statusLine(*project_, cmocs, onlyMine_, mineCount);
    if (!storageFailure_.empty()) markNotSaved(line);
    SetStatusText(U(line.text()), 0);
  });
}

void MainFrame::markAnalysesStale() { demiStale_ = webStale_ = auditStale_ = agreementStale_ = true; }

void MainFrame::refreshBottom(bool force) {
  if (!project_) return;
  const int page = bottom_->GetSelection();
  BusyScope busy(busy_);
  if (page == 0 && (demiStale_ || force)) {
    guarded([&] {
      DemiOptions o;
      o.threshold = demiPanel_->threshold();
      if (onlyMine_) o.filter.coders = {project_->coder()};
      demi_.reload(*project_, o);
      demiPanel_->show(demi_);
      demiStale_ = false;
    }, "Demiregularities");
  } else if (page == 1 && (webStale_ || force) && !webBusy_) {
    // Graphviz lays out a large web in seconds: a worker renders it on its own connection.
    CmocFilter f;
    if (onlyMine_) f.coders = {project_->coder()};
    webStale_ = false;
    webBusy_ = true;
    ++busy_;
    if (webWorker_.joinable()) webWorker_.join();
    webWorker_ = std::thread([this, file = project_->file(), f] {
      auto web = std::make_shared<CausalWebPresenter>();
      std::string error;
      try {
        Project p = Project::open(file);
        web->reload(p, f);
      } catch (const std::exception& e) {
        error = e.what();
      }
      CallAfter([this, web, error] {
        --busy_;
        webBusy_ = false;
        if (!error.empty()) return message("Causal web: " + U(error), true);
        web_ = std::move(*web);
        webPanel_->show(web_);
        if (webStale_) refreshBottom();  // changed again meanwhile
      });
    });
  } else if (page == 2 && (agreementStale_ || force)) {
    agreementPanel_->setBlind(onlyMine_);
    agreementPanel_->setCoders(coders_);
    agreementStale_ = false;
  } else if (page == 4 && (auditStale_ || force)) {
    guarded([&] {
      auditPanel_->show(auditRows(*project_, 500));
      auditStale_ = false;
    });
  }
}

void MainFrame::afterChange() {
  reloadCodebook();
  showMemos();  // undo can change a memo
  reloadCodings();
  reloadSources();
  markAnalysesStale();
  refreshBottom();
  refreshStatus();
}

void MainFrame::openSource(std::int64_t sourceId) {
  if (!project_) return;
  guarded([&] {
    wxBusyCursor busy;
    transcript_.emplace(TranscriptViewModel::load(*project_, sourceId, codes_, viewOptions()));
    chosenCoding_ = 0;
    transcriptView_->show(&*transcript_);
    sourcesPanel_->selectSource(sourceId);
    showAtCursor();
    showMemos();
  }, "Cannot open the source");
}

void MainFrame::showAtCursor() {
  if (!transcript_) {
    cursorPanel_->showAtCursor({}, 0);
    return;
  }
  const Selection sel = transcriptView_->selection();
  // With a selection, what is coded where it starts; else at the caret.
  const auto stripes = transcript_->stripesAt(sel.from != sel.to ? std::min(sel.from, sel.to) : transcriptView_->caret());
  bool keep = false;
  for (const CodingStripe* s : stripes) keep = keep || s->codingId == chosenCoding_;
  if (!keep) chosenCoding_ = stripes.empty() ? 0 : stripes.front()->codingId;
  transcriptView_->focusCoding(chosenCoding_);
  cursorPanel_->showAtCursor(stripes, chosenCoding_);
}

void MainFrame::jumpTo(std::int64_t sourceId, std::int64_t start, std::int64_t end) {
  if (!transcript_ || transcript_->source().id != sourceId) openSource(sourceId);
  if (!transcript_ || transcript_->source().id != sourceId) return;
  const auto [b0, b1] = transcript_->displaySpanOf(start, end);
  transcriptView_->select(b0, b1);
  showAtCursor();
}

// ---------------------------------------------------------------------------------------------
// Commands

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
  if (!project_) return message("Open or create a project first", true);
  wxFileDialog dlg(this, "Import", "", "",
                   "Transcripts and REFI-QDA files|*.txt;*.docx;*.odt;*.vtt;*.srt;*.qdpx;*.qdc;*.qde|"
                   "Transcripts (*.txt;*.docx;*.odt;*.vtt;*.srt)|*.txt;*.docx;*.odt;*.vtt;*.srt|"
                   "REFI-QDA project or codebook (*.qdpx;*.qdc)|*.qdpx;*.qdc;*.qde|All files|*",
                   wxFD_OPEN | wxFD_MULTIPLE | wxFD_FILE_MUST_EXIST);
  const int rc = showModal(dlg);
  if (rc != wxID_OK) return;
  wxArrayString all, paths;
  dlg.GetPaths(all);
  // Exchange files carry their own codebook, sources and codings: they go to the REFI-QDA
  // importer one by one; the rest are transcripts.
  for (const auto& p : all) {
    if (isExchangeFile(p.utf8_string())) askAndImportExchange(p.utf8_string());
    else paths.Add(p);
  }
  if (paths.empty()) return;
  std::optional<std::filesystem::path> sheet;
  if (wxMessageBox("Map speakers to participants with a participants sheet (CSV)?", "Import",
                   wxYES_NO | wxICON_QUESTION, this) == wxYES) {
    wxFileDialog sheetDlg(this, "Participants sheet", "", "participants.csv", "CSV (*.csv)|*.csv",
                          wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (sheetDlg.ShowModal() == wxID_OK) sheet = std::filesystem::path(sheetDlg.GetPath().utf8_string());
  }
  std::vector<std::filesystem::path> files;
  for (const auto& p : paths) files.emplace_back(p.utf8_string());
  importFiles(files, sheet);
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
      if (!progress.Update(static_cast<int>(std::min(p.done, p.total - 1)),
                           U(p.label.empty() ? std::string("Finishing...") : "Importing " + p.label)))
        job.cancel();
      wxMilliSleep(40);
    }
  }
  worker.join();
  coders_ = knownCoders(*project_);
  afterChange();
  const std::string summary = job.summary();
  message(U(summary.substr(0, summary.find('\n'))), summary.find("failed  ") != std::string::npos);
  if (!options_.scripted)
    wxMessageBox(U(summary), "Import finished",
                 wxOK | (summary.find("failed  ") != std::string::npos ? wxICON_WARNING : wxICON_INFORMATION), this);
}

void MainFrame::onUndo(bool redo) {
  if (!project_) return;
  guarded([&] {
    CodingController c(*project_);
    const auto label = redo ? c.redo() : c.undo();
    if (!label) return message(redo ? "Nothing to redo" : "Nothing to undo");
    cmocCount_.reset();
    afterChange();
    message((redo ? "Redone: " : "Undone: ") + U(*label));
  }, redo ? "Cannot redo" : "Cannot undo");
}

void MainFrame::onApplyCode(std::int64_t codeId) {
  if (!project_ || !transcript_) return message("Open a source and select text first", true);
  guarded([&] {
    const CodingRecord r = CodingController(*project_).applyCode(*transcript_, codeId, transcriptView_->selection());
    chosenCoding_ = r.id;
    afterChange();
    message("Coded " + U(leafName(r.codePath)) + wxString::Format(" [%lld, %lld)", (long long)r.start, (long long)r.end));
  }, "Cannot code");
}

void MainFrame::onQuickCode(const wxString& typed) {
  if (!project_ || !transcript_) return message("Open a source and select text first", true);
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
  if (!project_ || !transcript_) return message("Open a source first", true);
  const auto code = codebookPanel_->selectedCode();
  if (!code) return message("Choose a code in the codebook first", true);
  guarded([&] {
    const CodingRecord r = CodingController(*project_).codeTurn(*transcript_, *code, transcriptView_->caret());
    chosenCoding_ = r.id;
    afterChange();
    message("Coded the turn with " + U(leafName(r.codePath)));
  }, "Cannot code the turn");
}

void MainFrame::onNewCode() {
  if (!project_ || !transcript_) return message("Open a source and select text first", true);
  const Selection sel = transcriptView_->selection();
  wxString name = U(CodingController::suggestedName(*transcript_, sel));
  if (name.empty()) return message("Select the text the new code is for", true);
  const auto parent = codebookPanel_->selectedCode();
  if (!options_.scripted) {
    wxString where = parent ? " under " + U(codebook_.row(*parent)->path) : wxString(" at the top level");
    wxTextEntryDialog dlg(this, "Name of the new inductive code" + where + ":", "New code from selection", name);
    const int rc = showModal(dlg);
    if (rc != wxID_OK) return;
    name = dlg.GetValue();
  }
  guarded([&] {
    const auto made = CodingController(*project_).newCodeFromSelection(*transcript_, sel, name.utf8_string(), parent);
    chosenCoding_ = made.coding.id;
    afterChange();
    codebookPanel_->selectCode(made.code.id);
    message("New inductive code " + U(made.code.path) + " applied");
  }, "Cannot create the code");
}

void MainFrame::onUncode() {
  if (!project_ || !chosenCoding_) return message("Put the cursor in a coded passage and choose the coding", true);
  guarded([&] {
    CodingController(*project_).uncode(chosenCoding_);
    chosenCoding_ = 0;
    afterChange();
    message("Uncoded (Ctrl+Z brings it back)");
  }, "Cannot uncode");
}

void MainFrame::onEditSpan() {
  if (!project_ || !transcript_ || !chosenCoding_) return message("Choose a coding, then select its new extent", true);
  guarded([&] {
    CodingController(*project_).setSpan(*transcript_, chosenCoding_, transcriptView_->selection());
    afterChange();
    message("Coding moved to the selection");
  }, "Cannot move the coding");
}

void MainFrame::onEditText() {
  if (!project_ || !transcript_) return message("Open a source and select the text to fix", true);
  const auto span = transcript_->sourceSpanOf(transcriptView_->selection().from, transcriptView_->selection().to);
  if (!span) return message("Select the text to fix first", true);
  const std::string old(text::sliceCodePoints(transcript_->sourceText(), span->first, span->second));
  wxTextEntryDialog dlg(this, "Replace the selected text with (codings around it follow the text):",
                        "Fix transcription", U(old), wxOK | wxCANCEL | wxTE_MULTILINE);
  const int rc = showModal(dlg);
  if (rc != wxID_OK) return;
  guarded([&] {
    const auto sourceId = transcript_->source().id;
    const TextEditResult r = editText(*project_, transcript_->sourceRef(), span->first, span->second,
                                      dlg.GetValue().utf8_string());
    std::size_t removed = 0;
    for (const auto& c : r.codings) removed += c.change == MovedCoding::Change::Removed;
    openSource(sourceId);
    afterChange();
    jumpTo(sourceId, r.start, r.start + text::codePointCount(r.newText));
    message(wxString::Format("Text fixed: %zu codings re-anchored, %zu removed (Ctrl+Z undoes)",
                             r.codings.size() - removed, removed));
  }, "Cannot fix the text");
}

void MainFrame::onOnlyMine(bool on) {
  onlyMine_ = on;
  cmocCount_.reset();
  GetMenuBar()->Check(ID_ONLY_MINE, on);
  onlyMineButton_->SetValue(on);
  reloadCodebook();
  reloadSources();
  reloadCodings();
  markAnalysesStale();
  refreshBottom();
  refreshStatus();
  message(on ? "Showing only your codings" : "Showing every coder's codings");
}

void MainFrame::onChooseCoder() {
  wxArrayString names;
  for (const auto& c : coders_) names.Add(U(c));
  wxTextEntryDialog dlg(this, "Coder name (new names are added to the project on first use):", "Choose coder",
                        coderBox_->GetValue());
  if (!names.empty()) dlg.SetTextValidator(wxFILTER_NONE);
  const int rc = showModal(dlg);
  if (rc != wxID_OK) return;
  coderBox_->SetValue(dlg.GetValue());
  setCoder(dlg.GetValue().utf8_string());
}

void MainFrame::onAutocode() {
  if (!project_) return message("Open a project first", true);
  const auto code = codebookPanel_->selectedCode();
  if (!code) return message("Choose the code to auto-code with in the codebook first", true);
  wxTextEntryDialog dlg(this, "Word or phrase to find (case and accents ignored); each hit's sentence is coded "
                              "as coder 'auto' for review:",
                        "Auto-code with " + U(codebook_.row(*code)->name));
  const int rc = showModal(dlg);
  if (rc != wxID_OK || dlg.GetValue().Trim().empty()) return;
  guarded([&] {
    AutocodeSpec spec;
    spec.code = codebook_.row(*code)->path;
    const std::string pattern = dlg.GetValue().Trim().Trim(false).utf8_string();
    spec.kind = pattern.find(' ') == std::string::npos ? PatternKind::Word : PatternKind::Phrase;
    spec.pattern = pattern;
    spec.scope = AutocodeScope::Sentence;
    Autocoder coder(*project_);
    const auto hits = coder.preview(spec);
    if (hits.empty()) return message("No hits for " + dlg.GetValue());
    if (wxMessageBox(wxString::Format("%zu hits. Code them as 'auto' for review?", hits.size()), "Auto-code",
                     wxYES_NO, this) != wxYES)
      return;
    const auto res = coder.run(spec);
    afterChange();
    message(wxString::Format("Auto-coded %lld excerpts in %lld sources (coder 'auto'; Ctrl+Z undoes)",
                             (long long)res.coded, (long long)res.sources));
  }, "Auto-code failed");
}

void MainFrame::onAutocodeReview(bool accept) {
  if (!project_) return;
  guarded([&] {
    Autocoder coder(*project_);
    const auto r = accept ? coder.accept(project_->coder()) : coder.reject();
    afterChange();
    message(wxString::Format(accept ? "Accepted %lld auto codings as %s (%lld merged with yours)"
                                    : "Rejected %lld auto codings%s",
                             (long long)r.codings, accept ? U(project_->coder()) : wxString(),
                             (long long)r.merged));
  }, accept ? "Cannot accept auto-coding" : "Cannot reject auto-coding");
}

void MainFrame::onSuggestedLinks() {
  if (!project_) return;
  guarded([&] {
    Cmocs cmocs(*project_);
    const auto suggested = cmocs.suggestedLinks();
    if (suggested.empty()) return message("No suggested chains: no CMOC's outcome code is another's context code");
    wxArrayString choices;
    for (const SuggestedLink& l : suggested)
      choices.Add(wxString::Format("CMOC %lld -> CMOC %lld, through ", (long long)l.from, (long long)l.to) +
                  U(l.code));
    wxMultiChoiceDialog dlg(this, "Link these CMOCs (one's outcome feeds the other's context):",
                            "Suggested chains", choices);
    const int rc = showModal(dlg);
    if (rc != wxID_OK) return;
    int linked = 0;
    for (const int i : dlg.GetSelections()) {
      cmocs.link(suggested[static_cast<std::size_t>(i)].from, suggested[static_cast<std::size_t>(i)].to);
      ++linked;
    }
    markAnalysesStale();
    refreshBottom();
    message(wxString::Format("Linked %d chains", linked));
  }, "Cannot link");
}

void MainFrame::onUnlink() {
  if (!project_) return;
  guarded([&] {
    Cmocs cmocs(*project_);
    const auto links = cmocs.links();
    if (links.empty()) return message("No chain links yet");
    wxArrayString choices;
    for (const CmocLink& l : links)
      choices.Add(wxString::Format("CMOC %lld (", (long long)l.from) + U(l.fromOutcome) +
                  wxString::Format(") -> CMOC %lld (", (long long)l.to) + U(l.toContext) + ")");
    wxMultiChoiceDialog dlg(this, "Remove these chain links:", "Chain links", choices);
    const int rc = showModal(dlg);
    if (rc != wxID_OK) return;
    for (const int i : dlg.GetSelections())
      cmocs.unlink(links[static_cast<std::size_t>(i)].from, links[static_cast<std::size_t>(i)].to);
    markAnalysesStale();
    refreshBottom();
    message(wxString::Format("Removed %zu chain links", dlg.GetSelections().size()));
  }, "Cannot unlink");
}

void MainFrame::fillSlot(Slot slot) {
  if (!project_) return;
  cursorPanel_->Scroll(0, 0);  // the builder is at the top; Ctrl+1/2/3 should show it filling
  guarded([&] {
    Codebook book(*project_);
    if (transcript_ && chosenCoding_ && !pickedCode_) {
      if (const CodingStripe* s = transcript_->stripe(chosenCoding_)) {
        builder_.addEvidence(slot, book.get(s->codeId), s->codingId);
        cursorPanel_->showBuilder(builder_);
        return;
      }
    }
    const auto code = codebookPanel_->selectedCode();
    if (!code) return message("Choose a coding at the cursor, or a code in the codebook, first", true);
    builder_.setCode(slot, book.get(*code));
    cursorPanel_->showBuilder(builder_);
  });
}

void MainFrame::saveCmoc(bool chain) {
  if (!project_) return;
  guarded([&] {
    if (!builder_.complete()) return message("To save the CMOC, " + U(builder_.missing()), true);
    KindCheck check = KindCheck::Strict;
    if (!builder_.wrongKind().empty()) {
      if (!options_.scripted &&
          wxMessageBox("A slot holds a code of another kind (for example an outcome code as context). Save anyway?",
                       "Save CMOC", wxYES_NO | wxICON_QUESTION, this) != wxYES)
        return;
      check = KindCheck::Force;
    }
    const Cmoc saved = builder_.save(*project_, check);
    cmocCount_.reset();
    if (chain) builder_.chainNext(saved);
    else builder_.clear();
    cursorPanel_->showBuilder(builder_);
    markAnalysesStale();
    refreshBottom();
    refreshStatus();
    message(wxString::Format("Saved CMOC %lld", static_cast<long long>(saved.id)) +
            (chain ? ": now build the next one, its context is this one's outcome" : ""));
  }, "Cannot save the CMOC");
}

AgreementOptions MainFrame::agreementOptions() const {
  AgreementOptions o;
  o.coders = {agreementPanel_->coderA(), agreementPanel_->coderB()};
  o.unit = static_cast<AgreementUnit>(agreementPanel_->unit());
  o.codedOnly = agreementPanel_->codedOnly();
  return o;
}

void MainFrame::onComputeAgreement() {
  if (!project_) return;
  const AgreementOptions o = agreementOptions();
  if (o.coders[0].empty() || o.coders[1].empty() || o.coders[0] == o.coders[1])
    return message("Choose two different coders to compare", true);
  if (busy_ > 0) return message("Still comparing; wait for the result", true);
  if (agreementWorker_.joinable()) agreementWorker_.join();
  agreementPanel_->setBusy(wxString::FromUTF8("Comparing\xE2\x80\xA6"));
  ++busy_;
  // Agreement over a large project takes seconds: a worker with its own connection computes
  // it and hands the report back to the UI thread.
  agreementWorker_ = std::thread([this, file = project_->file(), o] {
    std::optional<AgreementReport> report;
    std::string error;
    try {
      report = AgreementPresenter::compute(file, o);
    } catch (const std::exception& e) {
      error = e.what();
    }
    CallAfter([this, report = std::move(report), error, o] {
      --busy_;
      if (!report) {
        agreementPanel_->setBusy("");
        message("Agreement: " + U(error), true);
        return;
      }
      agreement_.show(*report);
      agreementPanel_->show(agreement_);
      guarded([&] {
        DisagreementOptions d;
        d.coders = o.coders;
        d.unit = o.unit;
        agreement_.loadDisagreements(*project_, d);
        agreementPanel_->showDisagreements(agreement_);
      }, "Disagreements");
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Self-test hooks

void MainFrame::command(int id) {
  wxCommandEvent e(wxEVT_MENU, id);
  e.SetEventObject(this);
  if (id == ID_ONLY_MINE) e.SetInt(!onlyMine_);
  GetEventHandler()->ProcessEvent(e);
}

bool MainFrame::openSourceNamed(const std::string& name) {
  if (!project_) return false;
  for (const SourceRow& r : sources_.rows())
    if (r.name == name) {
      const auto i = sources_.indexOf(r.id);
      // Select the row as a click does; the list's selection event opens the source.
      sourcesPanel_->list()->SetItemState(static_cast<long>(*i), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                          wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
      if (!transcript_ || transcript_->source().id != r.id) openSource(r.id);
      return transcript_ && transcript_->source().id == r.id;
    }
  return false;
}

bool MainFrame::selectText(const std::string& text) {
  if (!transcript_) return false;
  const auto at = transcript_->displayText().find(text);
  if (at == std::string::npos) return false;
  transcriptView_->text()->SetFocus();
  transcriptView_->select(static_cast<std::int64_t>(at), static_cast<std::int64_t>(at + text.size()));
  return true;
}

bool MainFrame::selectCode(const std::string& nameOrPath) {
  if (!project_) return false;
  const auto code = Codebook(*project_).tryFind(nameOrPath);
  return code && codebookPanel_->selectCode(code->id, true);
}

bool MainFrame::activateSelectedCode() {
  wxTreeCtrl* tree = codebookPanel_->tree();
  const wxTreeItemId item = tree->GetSelection();
  if (!item.IsOk()) return false;
  wxTreeEvent e(wxEVT_TREE_ITEM_ACTIVATED, tree, item);
  tree->GetEventHandler()->ProcessEvent(e);
  return true;
}

bool MainFrame::quickCode(const std::string& typed) {
  onQuickCode(U(typed));
  return lastError_.empty();
}

bool MainFrame::showPage(const std::string& name) {
  for (std::size_t i = 0; i < std::size(kPages); ++i)
    if (name == kPages[i]) {
      if (bottom_->GetSelection() != static_cast<int>(i)) bottom_->SetSelection(i);
      else refreshBottom();
      return true;
    }
  return false;
}

wxWindow* MainFrame::pageWindow(const std::string& name) const {
  for (std::size_t i = 0; i < std::size(kPages); ++i)
    if (name == kPages[i]) return bottom_->GetPage(i);
  if (name == "transcript") return transcriptView_;
  if (name == "codebook") return codebookPanel_;
  if (name == "sources") return sourcesPanel_;
  if (name == "cursor") return cursorPanel_;
  return nullptr;
}

bool MainFrame::chooseCodingAtCaret(const std::string& code) {
  showAtCursor();
  if (!transcript_) return false;
  if (code.empty()) return chosenCoding_ != 0;
  const Selection sel = transcriptView_->selection();
  for (const CodingStripe* s : transcript_->stripesAt(std::min(sel.from, sel.to)))
    if (s->codeName == code || s->codePath == code) {
      cursorPanel_->onChoose(s->codingId);
      cursorPanel_->showAtCursor(transcript_->stripesAt(std::min(sel.from, sel.to)), s->codingId);
      return true;
    }
  return false;
}

void MainFrame::runSearch(const std::string& query) {
  if (!project_) return;
  showPage("search");
  searchPanel_->setQuery(U(query));
  guarded([&] {
    search_.run(*project_, query);
    searchPanel_->show(search_);
  }, "Search");
}

bool MainFrame::drillDemi(std::size_t row) {
  if (!project_ || row >= demi_.rows().size()) return false;
  return guarded([&] { demiPanel_->showDrill(U(demi_.rows()[row].mechanism), demi_.drill(*project_, row)); });
}

bool MainFrame::clickWebNode(const std::string& code) {
  if (!project_) return false;
  const auto c = Codebook(*project_).tryFind(code);
  if (!c) return false;
  for (const NodeBox& b : web_.boxes())
    if (b.codeId == c->id) {
      webPanel_->onClick((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2);
      return true;
    }
  return false;
}

void MainFrame::computeAgreementNow() { onComputeAgreement(); }

}  // namespace cmoc::gui

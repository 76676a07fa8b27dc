// MainFrame's window: its panes and layout, the views' callbacks, and the plumbing every
// command shares (errors at the event boundary, reloading and redrawing what changed). The
// commands themselves are in main_frame_commands.cpp (the table) and main_frame_file,
// _coding, _analysis and _project.cpp.
#include "main_frame.h"

#include <wx/artprov.h>
#include <wx/button.h>
#include <wx/config.h>
#include <wx/msgdlg.h>
#include <wx/persist/toplevel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/utils.h>

#include <memory>
#include <thread>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/file_location.h"
#include "codebook_panel.h"
#include "command_table.h"
#include "cursor_panel.h"
#include "frame_helpers.h"
#include "ids.h"
#include "model/coding_controller.h"
#include "model/export_catalogue.h"
#include "model/history_presenter.h"
#include "realist_panels.h"
#include "search_panel.h"
#include "sources_panel.h"
#include "theory_panels.h"
#include "transcript_view.h"

namespace cmoc::gui {

namespace {

constexpr int kLayoutVersion = 3;  // bump when panes change, so old layouts are dropped

}  // namespace

MainFrame::MainFrame(const FrameOptions& options)
    : wxFrame(nullptr, wxID_ANY, "CMOC Workbench", wxDefaultPosition, wxSize(1500, 940)),
      options_(options) {
  SetName("main");
  SetMinSize(wxSize(900, 600));
  bindCommands();
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

wxWindow* MainFrame::buildButtonBar(wxWindow* parent) {
  auto* bar = new wxPanel(parent, wxID_ANY);
  bar->SetName("button-bar");
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  const std::pair<int, const char*> buttons[] = {{ID_IMPORT, "Import..."},
                                                 {wxID_UNDO, "Undo"},
                                                 {wxID_REDO, "Redo"},
                                                 {ID_QUICK_CODE, "Code selection (Q)"},
                                                 {ID_CODE_TURN, "Code turn (T)"},
                                                 {ID_NEW_CODE, "New code from selection (N)"},
                                                 {wxID_FIND, "Search (Ctrl+F)"}};
  for (const auto& [id, label] : buttons) {
    auto* b = new wxButton(bar, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    b->Bind(wxEVT_BUTTON, [this, id = id](wxCommandEvent&) { command(id); });
    row->Add(b, 0, wxALL, 3);
  }
  onlyMineButton_ = new wxToggleButton(bar, wxID_ANY, "Only my codings", wxDefaultPosition,
                                       wxDefaultSize, wxBU_EXACTFIT);
  onlyMineButton_->SetToolTip("Blind second coding: hide other coders' codings and counts");
  onlyMineButton_->Bind(wxEVT_TOGGLEBUTTON,
                        [this](wxCommandEvent& e) { onOnlyMine(e.IsChecked()); });
  row->Add(onlyMineButton_, 0, wxALL, 3);
  row->AddStretchSpacer();
  row->Add(new wxStaticText(bar, wxID_ANY, "Coder"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  coderBox_ =
      new wxComboBox(bar, wxID_ANY, "", wxDefaultPosition, wxSize(130, -1), {}, wxTE_PROCESS_ENTER);
  coderBox_->SetName("coder");
  coderBox_->SetToolTip("Who is coding: new codings, CMOCs and history entries carry this name");
  coderBox_->Bind(wxEVT_COMBOBOX,
                  [this](wxCommandEvent&) { setCoder(coderBox_->GetValue().utf8_string()); });
  coderBox_->Bind(wxEVT_TEXT_ENTER,
                  [this](wxCommandEvent&) { setCoder(coderBox_->GetValue().utf8_string()); });
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
  theoryPanel_ = new TheoryPanel(bottom_);
  contradictionsPanel_ = new ContradictionsPanel(bottom_);
  bottom_->AddPage(theoryPanel_, "Theory");
  bottom_->AddPage(contradictionsPanel_, "Contradictions");

  aui_.AddPane(sourcesPanel_, wxAuiPaneInfo()
                                  .Name("sources")
                                  .Caption("Sources")
                                  .Left()
                                  .Layer(1)
                                  .Position(0)
                                  .BestSize(330, 250)
                                  .MinSize(200, 120)
                                  .CloseButton(false)
                                  .CaptionVisible(false));
  aui_.AddPane(codebookPanel_, wxAuiPaneInfo()
                                   .Name("codebook")
                                   .Caption("Codebook")
                                   .Left()
                                   .Layer(1)
                                   .Position(1)
                                   .BestSize(330, 400)
                                   .MinSize(200, 150)
                                   .CloseButton(false)
                                   .CaptionVisible(false));
  aui_.AddPane(transcriptView_, wxAuiPaneInfo().Name("transcript").CenterPane());
  aui_.AddPane(cursorPanel_, wxAuiPaneInfo()
                                 .Name("cursor")
                                 .Caption("At cursor / CMOC")
                                 .Right()
                                 .Layer(1)
                                 .BestSize(390, 500)
                                 .MinSize(260, 200)
                                 .CloseButton(false)
                                 .CaptionVisible(false));
  // The analyses span the whole width below the three columns (the outer layer).
  aui_.AddPane(bottom_, wxAuiPaneInfo()
                            .Name("analyses")
                            .Caption("Analyses")
                            .Bottom()
                            .Layer(2)
                            .BestSize(800, 250)
                            .MinSize(300, 120)
                            .CloseButton(false)
                            .CaptionVisible(false));
  // Docks take their panes' minimum sizes on the first layout; ask for the sizes we want,
  // then relax the minimums so the user can shrink them.
  const std::pair<wxWindow*, wxSize> wanted[] = {{sourcesPanel_, {330, 230}},
                                                 {codebookPanel_, {330, 330}},
                                                 {cursorPanel_, {390, 300}},
                                                 {bottom_, {300, 250}}};
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
  if (cfg->Read("layout/page", &page) && page >= 0 &&
      page < static_cast<long>(bottom_->GetPageCount()))
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
  cursorPanel_->codeMemo()->onSave = [this](const MemoTarget& t, const std::string& text) {
    onSaveMemo(t, text);
  };
  cursorPanel_->sourceMemo()->onSave = [this](const MemoTarget& t, const std::string& text) {
    onSaveMemo(t, text);
  };
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
  // Single keys in the transcript run the commands their menu items name.
  transcriptView_->text()->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
    static const std::pair<int, int> keys[] = {{'Q', ID_QUICK_CODE},    {'T', ID_CODE_TURN},
                                               {'N', ID_NEW_CODE},      {'U', ID_UNCODE},
                                               {WXK_DELETE, ID_UNCODE}, {'M', ID_MEMO}};
    if (!e.HasAnyModifiers())
      for (const auto& [key, id] : keys)
        if (e.GetKeyCode() == key) return command(id);
    e.Skip();
  });

  cursorPanel_->onChoose = [this](std::int64_t codingId) {
    chosenCoding_ = codingId;
    pickedCode_ = false;
    transcriptView_->focusCoding(codingId);
    if (transcript_)
      if (const CodingStripe* s = transcript_->stripe(codingId))
        codebookPanel_->selectCode(s->codeId);
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
    command(ID_UNCODE);
  };
  cursorPanel_->onFillSlot = [this](Slot s) {
    static const int slotCommands[] = {ID_CMOC_CONTEXT, ID_CMOC_MECHANISM,
                                       ID_CMOC_OUTCOME};  // by Slot
    command(slotCommands[static_cast<int>(s)]);
  };
  cursorPanel_->onClearSlot = [this](Slot s) {
    builder_.clearSlot(s);
    cursorPanel_->showBuilder(builder_);
  };
  cursorPanel_->onStatus = [this](CmocStatus s) {
    builder_.setStatus(s);
    cursorPanel_->showBuilder(builder_);
  };
  cursorPanel_->onSaveCmoc = [this] { command(ID_CMOC_SAVE); };
  cursorPanel_->onChain = [this] { command(ID_CMOC_CHAIN); };
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
  theoryPanel_->onCompare = [this](std::size_t from, std::size_t to) { onCompareTheory(from, to); };
  agreementPanel_->onExportReport = [this] { exportWithDialog(*exportNamed("agreement.html")); };
  agreementPanel_->onChooseDisagreement = [this](std::size_t row) {
    if (row >= agreement_.disagreements().size()) return;
    const DisagreementRow& d = agreement_.disagreements()[row];
    jumpTo(d.sourceId, d.start, d.end);
  };
  agreementPanel_->onAdjudicate = [this](std::size_t row, Decision decision) {
    if (row >= agreement_.disagreements().size()) return;
    guarded([&] {
      const auto res = AgreementPresenter::adjudicateOne(
          *project_, agreementPanel_->coderA(), agreementPanel_->coderB(),
          agreementPanel_->consensus(), agreement_.disagreements()[row].id, decision);
      message(wxString::Format(
          "Adjudicated into %s: %lld added, %lld removed, %lld kept (Ctrl+Z undoes)",
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
  return guarded(
      [&] {
        wxBusyCursor busy;
        Project p = Project::open(file);
        project_.emplace(std::move(p));
        storageFailure_.clear();
        cmocCount_.reset();
        transcript_.reset();
        // A chosen coding's id means nothing in another project; kept, Uncode would remove
        // whatever coding has that id there.
        chosenCoding_ = 0;
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
        if (const auto warning = syncedFolderWarning(file)) {
          message(U(*warning));
          if (!options_.scripted)
            wxMessageBox(U(*warning), "Project in a synced folder", wxOK | wxICON_WARNING, this);
        }
      },
      "Cannot open the project");
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
    if (onlyMine_) reloadCoderViews();
    refreshStatus();
    message("Coding as " + U(coder));
  });
}

void MainFrame::reloadCoderViews() {
  reloadCodebook();
  reloadSources();
  reloadCodings();
  markAnalysesStale();
  refreshBottom();
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
    for (const auto& v : SourcesPresenter::attributeValues(*project_, name))
      attrs.emplace_back(name, v);
  sourcesPanel_->setAttributes(attrs);
}

void MainFrame::reloadSources() {
  if (!project_) return;
  guarded([&] {
    SourceFilter f = sourcesPanel_->filter();
    if (onlyMine_) f.coder = project_->coder();
    sources_.reload(*project_, f);
    sourcesPanel_->show(sources_,
                        transcript_ ? std::optional(transcript_->source().id) : std::nullopt);
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
    for (const CodebookRow& r : codebook_.rows())
      mineCount += r.codings;  // own counts in blind mode
    StatusLine line = statusLine(*project_, cmocs, onlyMine_, mineCount);
    if (!storageFailure_.empty()) markNotSaved(line);
    SetStatusText(U(line.text()), 0);
  });
}

void MainFrame::markAnalysesStale() {
  demiStale_ = webStale_ = auditStale_ = agreementStale_ = true;
  theoryStale_ = contradictionsStale_ = true;
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
  guarded(
      [&] {
        wxBusyCursor busy;
        transcript_.emplace(TranscriptViewModel::load(*project_, sourceId, codes_, viewOptions()));
        chosenCoding_ = 0;
        transcriptView_->show(&*transcript_);
        sourcesPanel_->selectSource(sourceId);
        showAtCursor();
        showMemos();
      },
      "Cannot open the source");
}

void MainFrame::showAtCursor() {
  if (!transcript_) {
    cursorPanel_->showAtCursor({}, 0);
    return;
  }
  const Selection sel = transcriptView_->selection();
  // With a selection, what is coded where it starts; else at the caret.
  const auto stripes = transcript_->stripesAt(sel.from != sel.to ? std::min(sel.from, sel.to)
                                                                 : transcriptView_->caret());
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
// Self-test hooks

bool MainFrame::openSourceNamed(const std::string& name) {
  if (!project_) return false;
  for (const SourceRow& r : sources_.rows())
    if (r.name == name) {
      const auto i = sources_.indexOf(r.id);
      // Select the row as a click does; the list's selection event opens the source.
      sourcesPanel_->list()->SetItemState(static_cast<long>(*i),
                                          wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
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
  transcriptView_->select(static_cast<std::int64_t>(at),
                          static_cast<std::int64_t>(at + text.size()));
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
  if (ready(*commandWithId(commands(), ID_QUICK_CODE))) onQuickCode(U(typed));
  return lastError_.empty();
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

}  // namespace cmoc::gui

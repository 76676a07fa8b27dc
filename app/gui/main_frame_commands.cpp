// MainFrame's command table: every menu entry with its shortcut, help text, self-test name,
// what it needs and what it does, and the dispatch of menu events through the table.
#include <wx/aboutdlg.h>

#include "codebook_panel.h"
#include "command_table.h"
#include "cursor_panel.h"
#include "ids.h"
#include "main_frame.h"
#include "model/export_catalogue.h"
#include "search_panel.h"
#include "sources_panel.h"
#include "transcript_view.h"

namespace cmoc::gui {

namespace {

using Event = const wxCommandEvent&;

// The requirements most commands share, with the words they have always used.
const Requirement kProjectQuietly{Needs::Project, ""};
const Requirement kProject{Needs::Project, "Open a project first"};
const Requirement kSourceAndText{Needs::Source, "Open a source and select text first"};

void about(MainFrame& f) {
  wxAboutDialogInfo info;
  info.SetName("CMOC Workbench");
  info.SetVersion("0.1");
  info.SetDescription(
      "Realist qualitative analysis: code transcripts, build and chain CMOCs, "
      "read demiregularities, verify with a second coder.");
  wxAboutBox(info, &f);
}

}  // namespace

const std::vector<Command>& MainFrame::commands() {
  static const std::vector<Command> table = [] {
    std::vector<Command> t = {
        // File
        {ID_NEW_PROJECT,
         "&File",
         "&New project...",
         "Ctrl+N",
         "",
         "",
         {},
         [](MainFrame& f, Event) { f.onNewProject(); }},
        {wxID_OPEN,
         "&File",
         "&Open project...",
         "Ctrl+O",
         "",
         "",
         {},
         [](MainFrame& f, Event) { f.onOpen(); }},
        {ID_IMPORT,
         "&File",
         "&Import...",
         "Ctrl+I",
         "Transcripts (.txt .docx .odt .vtt .srt) or REFI-QDA exchange files (.qdpx .qdc)",
         "",
         {{Needs::Project, "Open or create a project first"}},
         [](MainFrame& f, Event) { f.onImport(); },
         false,
         true},
        {ID_IMPORT_EXCHANGE,
         "&File",
         "Import REFI-QDA project or code&book...",
         "",
         "A .qdpx project or .qdc codebook from NVivo, ATLAS.ti, MAXQDA, QualCoder ...",
         "",
         {{Needs::Project, "Open or create a project first"}},
         [](MainFrame& f, Event) { f.onImportExchange(); }},
    };
    // File > Export: one entry per export of the catalogue, in its order.
    for (std::size_t i = 0; i < exportFormats().size(); ++i)
      t.push_back({ID_EXPORT_FIRST + static_cast<int>(i),
                   "&File/&Export",
                   exportFormats()[i].label,
                   "",
                   "",
                   "",
                   {},
                   [i](MainFrame& f, Event) { f.onExport(i); },
                   false,
                   exportFormats()[i].separatorBefore});
    const std::vector<Command> rest = {
        {wxID_EXIT,
         "&File",
         "&Quit",
         "Ctrl+Q",
         "",
         "",
         {},
         [](MainFrame& f, Event) { f.Close(); },
         false,
         true},
        // Project
        {ID_PARTICIPANTS,
         "&Project",
         "&Participants...",
         "Ctrl+Shift+P",
         "Names, cases, roles and attributes of the people interviewed",
         "",
         {kProject},
         [](MainFrame& f, Event) { f.onParticipants(); }},
        {ID_LIBRARY,
         "&Project",
         "Study &library...",
         "",
         "The review's studies (RIS/BibTeX references), their attributes and linked papers",
         "",
         {kProject},
         [](MainFrame& f, Event) { f.onLibrary(); }},
        // Edit
        {wxID_UNDO,
         "&Edit",
         "&Undo",
         "Ctrl+Z",
         "",
         "undo",
         {kProjectQuietly},
         [](MainFrame& f, Event) { f.onUndo(false); }},
        {wxID_REDO,
         "&Edit",
         "&Redo",
         "Ctrl+Y",
         "",
         "redo",
         {kProjectQuietly},
         [](MainFrame& f, Event) { f.onUndo(true); }},
        {wxID_FIND,
         "&Edit",
         "&Find in project...",
         "Ctrl+F",
         "",
         "find",
         {},
         [](MainFrame& f, Event) {
           f.showPage("search");
           f.searchPanel_->focusQuery();
         },
         false,
         true},
        // Code
        {ID_APPLY_CODE,
         "&Code",
         "&Apply selected code to selection",
         "Ctrl+Enter",
         "Also: double-click the code in the codebook, or drag it onto the text",
         "apply-code",
         {{Needs::Code,
           "Choose a code in the codebook first (Alt+2), or press Q for the quick-code box."}},
         [](MainFrame& f, Event) { f.onApplyCode(*f.codebookPanel_->selectedCode()); }},
        {ID_QUICK_CODE,
         "&Code",
         "&Quick code...",
         "Ctrl+Shift+Q",
         "Q in the transcript: type-ahead over code names",
         "quick-code",
         {kSourceAndText},
         [](MainFrame& f, Event) { f.onQuickCode(); }},
        {ID_CODE_TURN,
         "&Code",
         "Code whole &turn",
         "Ctrl+T",
         "T in the transcript",
         "code-turn",
         {{Needs::Source, "Open a source first"},
          {Needs::Code, "Choose a code in the codebook first"}},
         [](MainFrame& f, Event) { f.onCodeTurn(); }},
        {ID_NEW_CODE,
         "&Code",
         "&New code from selection...",
         "Ctrl+Shift+N",
         "N in the transcript",
         "new-code",
         {kSourceAndText},
         [](MainFrame& f, Event) { f.onNewCode(); }},
        {ID_UNCODE,
         "&Code",
         "&Uncode chosen coding",
         "Ctrl+Shift+U",
         "U or Delete in the transcript",
         "uncode",
         {{Needs::Coding, "Put the cursor in a coded passage and choose the coding"}},
         [](MainFrame& f, Event) { f.onUncode(); }},
        {ID_EDIT_SPAN,
         "&Code",
         "Move chosen coding to &selection",
         "Ctrl+Shift+E",
         "",
         "edit-span",
         {{Needs::Source, "Choose a coding, then select its new extent"},
          {Needs::Coding, "Choose a coding, then select its new extent"}},
         [](MainFrame& f, Event) { f.onEditSpan(); }},
        {ID_MEMO,
         "&Code",
         "&Memo on chosen coding",
         "Ctrl+M",
         "",
         "",
         {},
         [](MainFrame& f, Event) { f.cursorPanel_->focusMemo(); }},
        {ID_EDIT_TEXT,
         "&Code",
         "Fix &transcription in selection...",
         "",
         "Replace the selected text; codings around it are re-anchored by core",
         "",
         {{Needs::Source, "Open a source and select the text to fix"}},
         [](MainFrame& f, Event) { f.onEditText(); }},
        {ID_RENAME_CODE,
         "&Code",
         "&Rename code",
         "F2",
         "",
         "",
         {},
         [](MainFrame& f, Event) { f.codebookPanel_->startRename(); },
         false,
         true},
        {ID_CODE_EARLIER,
         "&Code",
         "Move code &up among its siblings",
         "Alt+Up",
         "Also: drag a code onto the top edge of another",
         "",
         {kProjectQuietly, {Needs::Code, "Choose a code in the codebook first (Alt+2)"}},
         [](MainFrame& f, Event) { f.onShiftCode(-1); }},
        {ID_CODE_LATER,
         "&Code",
         "Move code do&wn among its siblings",
         "Alt+Down",
         "",
         "",
         {kProjectQuietly, {Needs::Code, "Choose a code in the codebook first (Alt+2)"}},
         [](MainFrame& f, Event) { f.onShiftCode(+1); }},
        {ID_AUTOCODE,
         "&Code",
         "Auto-&code by word or phrase...",
         "",
         "",
         "",
         {kProject, {Needs::Code, "Choose the code to auto-code with in the codebook first"}},
         [](MainFrame& f, Event) { f.onAutocode(); }},
        {ID_AUTOCODE_ACCEPT,
         "&Code",
         "Accept auto-coding as mine",
         "",
         "Re-attribute every 'auto' coding to the current coder",
         "",
         {kProjectQuietly},
         [](MainFrame& f, Event) { f.onAutocodeReview(true); }},
        {ID_AUTOCODE_REJECT,
         "&Code",
         "Reject auto-coding",
         "",
         "Delete every 'auto' coding (audited; Ctrl+Z undoes)",
         "",
         {kProjectQuietly},
         [](MainFrame& f, Event) { f.onAutocodeReview(false); }},
        // CMOC
        {ID_CMOC_NEW,
         "C&MOC",
         "&New CMOC",
         "",
         "",
         "cmoc-new",
         {},
         [](MainFrame& f, Event) {
           f.builder_.clear();
           f.cursorPanel_->showBuilder(f.builder_);
         }},
        {ID_CMOC_CONTEXT,
         "C&MOC",
         "Set &context from chosen coding",
         "Ctrl+1",
         "",
         "cmoc-context",
         {kProjectQuietly},
         [](MainFrame& f, Event) { f.fillSlot(Slot::Context); }},
        {ID_CMOC_MECHANISM,
         "C&MOC",
         "Set &mechanism from chosen coding",
         "Ctrl+2",
         "",
         "cmoc-mechanism",
         {kProjectQuietly},
         [](MainFrame& f, Event) { f.fillSlot(Slot::Mechanism); }},
        {ID_CMOC_OUTCOME,
         "C&MOC",
         "Set &outcome from chosen coding",
         "Ctrl+3",
         "",
         "cmoc-outcome",
         {kProjectQuietly},
         [](MainFrame& f, Event) { f.fillSlot(Slot::Outcome); }},
        {ID_CMOC_SAVE,
         "C&MOC",
         "&Save CMOC",
         "Ctrl+S",
         "",
         "cmoc-save",
         {kProjectQuietly},
         [](MainFrame& f, Event) { f.saveCmoc(false); }},
        {ID_CMOC_CHAIN,
         "C&MOC",
         "Save and &chain to next",
         "Ctrl+Shift+S",
         "",
         "cmoc-chain",
         {kProjectQuietly},
         [](MainFrame& f, Event) { f.saveCmoc(true); }},
        {ID_CMOC_SUGGESTED_LINKS,
         "C&MOC",
         "Link &suggested chains...",
         "",
         "Where one CMOC's outcome code is another's context code",
         "",
         {kProjectQuietly},
         [](MainFrame& f, Event) { f.onSuggestedLinks(); },
         false,
         true},
        {ID_CMOC_UNLINK,
         "C&MOC",
         "&Remove chain links...",
         "",
         "",
         "",
         {kProjectQuietly},
         [](MainFrame& f, Event) { f.onUnlink(); }},
        // Analyse
        {ID_SHOW_DEMI,
         "&Analyse",
         "&Demiregularities",
         "Ctrl+Shift+D",
         "",
         "",
         {},
         [](MainFrame& f, Event) { f.showPage("demiregularities"); }},
        {ID_SHOW_WEB,
         "&Analyse",
         "&Causal web",
         "Ctrl+Shift+W",
         "",
         "",
         {},
         [](MainFrame& f, Event) { f.showPage("causal-web"); }},
        {ID_SHOW_AGREEMENT,
         "&Analyse",
         "&Agreement",
         "Ctrl+Shift+A",
         "",
         "",
         {},
         [](MainFrame& f, Event) { f.showPage("agreement"); }},
        {ID_SHOW_SEARCH,
         "&Analyse",
         "&Search results",
         "",
         "",
         "",
         {},
         [](MainFrame& f, Event) { f.showPage("search"); }},
        {ID_SHOW_AUDIT,
         "&Analyse",
         "Audit &log",
         "Ctrl+Shift+L",
         "",
         "",
         {},
         [](MainFrame& f, Event) { f.showPage("audit"); }},
        // View
        {ID_ONLY_MINE,
         "&View",
         "&Only my codings (blind coding)",
         "Ctrl+Shift+M",
         "",
         "only-mine",
         {},
         [](MainFrame& f, Event e) { f.onOnlyMine(e.IsChecked()); },
         true},
        {ID_FOCUS_SOURCES,
         "&View",
         "&Sources",
         "Alt+1",
         "",
         "",
         {},
         [](MainFrame& f, Event) { f.sourcesPanel_->list()->SetFocus(); },
         false,
         true},
        {ID_FOCUS_CODEBOOK,
         "&View",
         "&Codebook",
         "Alt+2",
         "",
         "",
         {},
         [](MainFrame& f, Event) { f.codebookPanel_->tree()->SetFocus(); }},
        {ID_FOCUS_TRANSCRIPT,
         "&View",
         "&Transcript",
         "Alt+3",
         "",
         "",
         {},
         [](MainFrame& f, Event) { f.transcriptView_->text()->SetFocus(); }},
        {ID_RESET_LAYOUT,
         "&View",
         "&Reset layout",
         "",
         "",
         "",
         {},
         [](MainFrame& f, Event) { f.aui_.LoadPerspective(f.defaultPerspective_); },
         false,
         true},
        // Coder
        {ID_CHOOSE_CODER,
         "C&oder",
         "&Choose coder...",
         "Ctrl+Shift+C",
         "",
         "",
         {},
         [](MainFrame& f, Event) { f.onChooseCoder(); }},
        // Help
        {wxID_ABOUT, "&Help", "&About", "", "", "", {}, [](MainFrame& f, Event) { about(f); }},
    };
    t.insert(t.end(), rest.begin(), rest.end());
    return t;
  }();
  return table;
}

void MainFrame::bindCommands() {
  SetMenuBar(buildMenuBar(commands()));
  Bind(wxEVT_MENU, [this](wxCommandEvent& e) {
    const Command* c = commandWithId(commands(), e.GetId());
    if (!c) return e.Skip();
    if (ready(*c)) c->run(*this, e);
  });
}

WindowState MainFrame::windowState() const {
  return {.project = project_.has_value(),
          .source = transcript_.has_value(),
          .coding = chosenCoding_ != 0,
          .code = codebookPanel_->selectedCode().has_value()};
}

bool MainFrame::ready(const Command& c) {
  const auto refused = refusal(c.needs, windowState());
  if (refused && !refused->empty()) message(wxString::FromUTF8(*refused), true);
  return !refused;
}

void MainFrame::command(int id) {
  wxCommandEvent e(wxEVT_MENU, id);
  e.SetEventObject(this);
  // A check item's event carries the state a click would give it.
  if (const wxMenuItem* item = GetMenuBar()->FindItem(id); item && item->IsCheckable())
    e.SetInt(!item->IsChecked());
  GetEventHandler()->ProcessEvent(e);
}

}  // namespace cmoc::gui

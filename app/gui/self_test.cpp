#include "self_test.h"

#include <wx/app.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/frame.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/statusbr.h>

#include <cstdio>
#include <optional>
#include <sstream>

#include "command_table.h"
#include "main_frame.h"
#include "refi_options_dialog.h"

namespace cmoc::gui {

namespace {

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string unquote(std::string s) {
  s = trim(s);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return s;
}

// Words separated by spaces; "a quoted phrase" is one word.
std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::string w;
  bool quoted = false, any = false;
  for (char c : s) {
    if (c == '"') {
      quoted = !quoted;
      any = true;
    } else if (c == ' ' && !quoted) {
      if (any) out.push_back(w);
      w.clear();
      any = false;
    } else {
      w += c;
      any = true;
    }
  }
  if (any) out.push_back(w);
  return out;
}

}  // namespace

namespace {

// Copies `w`'s pixels into `into` at its place relative to `origin` (screen coordinates).
bool blitWindow(wxWindow* w, wxMemoryDC& into, wxPoint origin) {
  if (!w || !w->IsShown()) return true;
  const wxSize size = w->GetSize();
  const wxPoint at = w->GetScreenPosition() - origin;
  wxWindowDC dc(w);
  return into.Blit(at.x, at.y, size.x, size.y, &dc, 0, 0);
}

}  // namespace

bool saveScreenshot(wxWindow* window, const std::filesystem::path& file) {
  window->Update();
  wxTheApp->Yield(true);
  // On GTK 3 a window DC reads the window's own pixels; a frame's DC covers its client area
  // only, so the menu bar and status bar are copied in beside it.
  const wxPoint origin = window->GetScreenPosition();
  wxBitmap bmp(window->GetSize(), 24);
  {
    wxMemoryDC mem(bmp);
    mem.SetBackground(*wxWHITE_BRUSH);
    mem.Clear();
    if (auto* frame = dynamic_cast<wxFrame*>(window)) {
      const wxPoint client = frame->ClientToScreen(wxPoint(0, 0)) - origin;
      wxWindowDC dc(frame);
      const wxSize cs = frame->GetClientSize();
      if (!mem.Blit(client.x, client.y, cs.x, cs.y, &dc, 0, 0)) return false;
      blitWindow(frame->GetMenuBar(), mem, origin);
      blitWindow(frame->GetStatusBar(), mem, origin);
    } else if (!blitWindow(window, mem, origin)) {
      return false;
    }
  }
  return bmp.SaveFile(wxString(file.string()), wxBITMAP_TYPE_PNG);
}

SelfTest::SelfTest(MainFrame* frame, std::vector<std::string> lines,
                   std::filesystem::path screenshots)
    : frame_(frame), lines_(std::move(lines)), screenshots_(std::move(screenshots)) {}

void SelfTest::finish(int code) {
  exitCode_ = code;
  Stop();
  frame_->Close(true);
}

void SelfTest::Notify() {
  // Let layout, painting and worker threads settle between commands.
  if (frame_->busy() || settle_-- > 0) return;
  while (next_ < lines_.size()) {
    const std::string line = trim(lines_[next_++]);
    if (line.empty() || line[0] == '#') continue;
    std::string error;
    std::fprintf(stderr, "self-test: %s\n", line.c_str());
    if (!run(line, error)) {
      std::fprintf(stderr, "self-test: line %zu failed: %s\n", next_, error.c_str());
      return finish(1);
    }
    return;
  }
  finish(0);
}

bool SelfTest::run(const std::string& line, std::string& error) {
  const auto space = line.find(' ');
  const std::string cmd = line.substr(0, space);
  const std::string arg =
      space == std::string::npos ? std::string() : unquote(line.substr(space + 1));
  settle_ = 1;
  auto fail = [&](const std::string& why) {
    error = why + (frame_->lastError().empty() ? "" : " (last error: " + frame_->lastError() + ")");
    return false;
  };
  if (cmd == "open-source") return frame_->openSourceNamed(arg) || fail("no source " + arg);
  if (cmd == "select") return frame_->selectText(arg) || fail("text not in the transcript: " + arg);
  if (cmd == "select-code") return frame_->selectCode(arg) || fail("no code " + arg);
  if (cmd == "activate-code") return frame_->activateSelectedCode() || fail("no code selected");
  if (cmd == "menu") {
    // The names are the command table's `script` column.
    const Command* c = commandNamed(MainFrame::commands(), arg);
    if (!c) return fail("unknown menu command " + arg);
    frame_->command(c->id);
    return true;
  }
  if (cmd == "quick-code") {
    frame_->quickCode(arg);
    return true;
  }
  if (cmd == "choose-coding")
    return frame_->chooseCodingAtCaret(arg) || fail("no such coding at the caret: " + arg);
  if (cmd == "coder") {
    auto* box = dynamic_cast<wxComboBox*>(wxWindow::FindWindowByName("coder", frame_));
    if (!box) return fail("no coder box");
    box->SetValue(wxString::FromUTF8(arg));
    wxCommandEvent e(wxEVT_TEXT_ENTER, box->GetId());
    e.SetEventObject(box);
    box->GetEventHandler()->ProcessEvent(e);
    return frame_->project().coder() == arg || fail("coder not set");
  }
  if (cmd == "search") {
    frame_->runSearch(arg);
    return true;
  }
  if (cmd == "page") return frame_->showPage(arg) || fail("no page " + arg);
  if (cmd == "drill-demi")
    return frame_->drillDemi(std::stoul(arg)) || fail("no demiregularity row " + arg);
  if (cmd == "click-web-node") return frame_->clickWebNode(arg) || fail("no web node " + arg);
  if (cmd == "agreement") {
    frame_->computeAgreementNow();
    settle_ = 2;
    return true;
  }
  if (cmd == "choose-disagreement") {
    auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("disagreements", frame_));
    const long row = std::stol(arg);
    if (!list || row >= list->GetItemCount()) return fail("no disagreement row " + arg);
    list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                       wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    list->EnsureVisible(row);
    return true;
  }
  if (cmd == "screenshot") {
    if (screenshots_.empty()) return true;
    std::filesystem::create_directories(screenshots_);
    const auto file = screenshots_ / (arg + ".png");
    return saveScreenshot(frame_, file) || fail("cannot capture the window into " + file.string());
  }
  if (cmd == "import") {
    // import FILE... [--participants CSV]: the import path after File > Import's dialogs.
    std::vector<std::filesystem::path> files;
    std::optional<std::filesystem::path> sheet;
    std::istringstream words(arg);
    for (std::string w; words >> w;) {
      if (w == "--participants" && words >> w)
        sheet = unquote(w);
      else
        files.emplace_back(unquote(w));
    }
    frame_->importFiles(files, sheet);
    return true;
  }
  if (cmd == "import-exchange") {
    // import-exchange FILE [--positions NAME] [--skip-missing-sources] [--allow-external DIR]:
    // the options go through the options dialog (built, not shown modal) into the import and
    // its progress dialog.
    const auto w = words(line.substr(space + 1));
    if (w.empty())
      return fail(
          "import-exchange FILE [--positions NAME] [--skip-missing-sources] [--allow-external "
          "DIR]");
    RefiImportOptions options;
    for (std::size_t i = 1; i < w.size(); ++i) {
      if (w[i] == "--skip-missing-sources")
        options.skipMissingSources = true;
      else if (w[i] == "--allow-external" && i + 1 < w.size()) {
        options.allowExternal = true;
        options.externalFolder = w[++i];
      } else if (w[i] != "--positions" || i + 1 == w.size() || !options.setPosition(w[++i]))
        return fail("import-exchange: bad option " + w[i]);
    }
    auto* dlg =
        new RefiOptionsDialog(frame_, std::filesystem::path(w[0]).filename().string(), options);
    options = dlg->choices();
    dlg->Destroy();
    return frame_->importExchange(w[0], options) || fail("import of " + w[0] + " failed");
  }
  if (cmd == "participant") {
    const auto w = words(line.substr(space + 1));
    if (w.size() != 3) return fail("participant CODE ATTRIBUTE VALUE");
    const auto shot =
        screenshots_.empty() ? std::filesystem::path() : screenshots_ / "participants.png";
    if (!shot.empty()) std::filesystem::create_directories(screenshots_);
    return frame_->editParticipant(w[0], w[1], w[2], shot) ||
           fail("cannot edit participant " + w[0]);
  }
  if (cmd == "library") {
    const auto shot = screenshots_.empty() ? std::filesystem::path() : screenshots_ / "library.png";
    if (!shot.empty()) std::filesystem::create_directories(screenshots_);
    return frame_->importLibrary(arg, shot) || fail("cannot import the references " + arg);
  }
  if (cmd == "reorder-code") {
    const auto w = words(line.substr(space + 1));
    if (w.size() != 2) return fail("reorder-code CODE BEFORE");
    return frame_->reorderCode(w[0], w[1]) || fail("cannot reorder " + w[0]);
  }
  if (cmd == "memo") {
    const auto w = words(line.substr(space + 1));
    if (w.size() != 2 || (w[0] != "code" && w[0] != "source")) return fail("memo code|source TEXT");
    return frame_->saveMemoFromPanel(w[0] == "source", w[1]) ||
           fail("no " + w[0] + " memo to write");
  }
  if (cmd == "export") {
    const auto w = words(line.substr(space + 1));
    if (w.size() != 2) return fail("export FILE-NAME PATH");
    return frame_->exportTo(w[0], w[1]) || fail("export " + w[0] + " failed");
  }
  if (cmd == "expect-error") {
    const bool had =
        !frame_->lastError().empty() && frame_->lastError().find(arg) != std::string::npos;
    frame_->clearError();
    return had || fail("expected an error mentioning " + arg);
  }
  if (cmd == "expect-no-error")
    return frame_->lastError().empty() || fail("an action reported an error");
  if (cmd == "quit") {
    next_ = lines_.size();
    return true;
  }
  return fail("unknown command " + cmd);
}

}  // namespace cmoc::gui

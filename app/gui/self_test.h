#pragma once
// `cmoc-gui --self-test SCRIPT`: drives the window through its own widgets and events, one
// command per line, so the smoke test exercises the real UI event path. Screenshots of the
// main views are written when a directory is given (--screenshots DIR or CMOC_SCREENSHOTS).
//
// Commands ("#" starts a comment):
//   open-source NAME        select the source in the list (opens it)
//   select TEXT             select the first occurrence of TEXT in the transcript
//   select-code NAME|PATH   select the code in the codebook tree
//   activate-code           what a double-click on the selected code sends (codes the selection)
//   menu COMMAND            post a menu command: apply-code, quick-code, code-turn, new-code,
//                           uncode, edit-span, undo, redo, only-mine, cmoc-context,
//                           cmoc-mechanism, cmoc-outcome, cmoc-save, cmoc-chain, cmoc-new
//   quick-code TEXT         open the quick-code box, type TEXT, press Enter
//   choose-coding [CODE]    choose the coding under the selection start (of CODE), as a
//                           click in the "At cursor" list does
//   coder NAME              switch coder through the coder box
//   search QUERY            run a project search
//   page NAME               show a bottom page: demiregularities, causal-web, agreement,
//                           search, audit
//   drill-demi ROW          open a demiregularity's drill-down
//   click-web-node CODE     click a node of the causal web
//   agreement               compare the chosen coders (waits for the worker)
//   choose-disagreement ROW choose a disagreement in the list
//   import FILE... [--participants CSV]   import as File > Import does after its dialogs
//   participant CODE ATTRIBUTE VALUE   edit one cell in Project > Participants (a new
//                           attribute gets a column first); screenshot "participants"
//   library FILE            import a RIS or BibTeX file in Project > Study library;
//                           screenshot "library"
//   reorder-code CODE BEFORE           drop CODE on the top edge of BEFORE's tree row
//   memo code|source TEXT   type into the panel's memo box for the selected code or open
//                           source and press Save
//   export FILE-NAME PATH   File > Export entry suggesting FILE-NAME, saved as PATH
//   expect-error TEXT       the last error mentions TEXT (then it is cleared)
//   screenshot NAME         write NAME.png (the whole window) into the screenshot directory
//   expect-no-error         fail if any command reported an error so far
//   quit
#include <wx/timer.h>

#include <filesystem>
#include <string>
#include <vector>

namespace cmoc::gui {

class MainFrame;

class SelfTest : public wxTimer {
 public:
  SelfTest(MainFrame* frame, std::vector<std::string> lines, std::filesystem::path screenshots);
  int exitCode() const { return exitCode_; }
  void Notify() override;

 private:
  bool run(const std::string& line, std::string& error);
  void finish(int code);
  MainFrame* frame_;
  std::vector<std::string> lines_;
  std::size_t next_ = 0;
  std::filesystem::path screenshots_;
  int exitCode_ = 0;
  int settle_ = 0;
};

// Saves the window's pixels as PNG. Returns false when the display cannot be read.
bool saveScreenshot(wxWindow* window, const std::filesystem::path& file);

}  // namespace cmoc::gui

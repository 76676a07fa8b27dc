#pragma once
// The window's commands as one table: the menus, their shortcuts and help texts are built
// from it, every menu event is dispatched through it, and the self-test names commands by
// its `script` column. A command runs only when its requirements hold (model/command_gate.h).
#include <wx/event.h>
#include <wx/menu.h>

#include <functional>
#include <string>
#include <vector>

#include "model/command_gate.h"

namespace cmoc::gui {

class MainFrame;

struct Command {
  int id = 0;
  std::string menu;      // "&File", or "&File/&Export" for an entry of a submenu
  std::string label;     // "&New project..."
  std::string shortcut;  // "Ctrl+N"; empty: none
  std::string help;      // the status bar's text while the item is highlighted
  std::string script;    // the self-test's name ("code-turn"); empty: not scripted
  std::vector<Requirement> needs;
  std::function<void(MainFrame&, const wxCommandEvent&)> run;
  bool checkItem = false;
  bool separatorBefore = false;
};

// The menu bar holding every command, the menus in the order their first command comes.
wxMenuBar* buildMenuBar(const std::vector<Command>& commands);
const Command* commandWithId(const std::vector<Command>& commands, int id);
const Command* commandNamed(const std::vector<Command>& commands, const std::string& script);

}  // namespace cmoc::gui

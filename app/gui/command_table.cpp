#include "command_table.h"

#include <utility>

namespace cmoc::gui {

wxMenuBar* buildMenuBar(const std::vector<Command>& commands) {
  auto* bar = new wxMenuBar;
  std::vector<std::pair<std::string, wxMenu*>> menus;  // by path
  std::function<wxMenu*(const std::string&)> menuAt = [&](const std::string& path) -> wxMenu* {
    for (const auto& [p, m] : menus)
      if (p == path) return m;
    auto* menu = new wxMenu;
    const auto slash = path.rfind('/');
    if (slash == std::string::npos)
      bar->Append(menu, wxString::FromUTF8(path));
    else
      menuAt(path.substr(0, slash))
          ->AppendSubMenu(menu, wxString::FromUTF8(path.substr(slash + 1)));
    menus.emplace_back(path, menu);
    return menu;
  };
  for (const Command& c : commands) {
    wxMenu* menu = menuAt(c.menu);
    if (c.separatorBefore) menu->AppendSeparator();
    const wxString text =
        wxString::FromUTF8(c.shortcut.empty() ? c.label : c.label + "\t" + c.shortcut);
    if (c.checkItem)
      menu->AppendCheckItem(c.id, text, wxString::FromUTF8(c.help));
    else
      menu->Append(c.id, text, wxString::FromUTF8(c.help));
  }
  return bar;
}

const Command* commandWithId(const std::vector<Command>& commands, int id) {
  for (const Command& c : commands)
    if (c.id == id) return &c;
  return nullptr;
}

const Command* commandNamed(const std::vector<Command>& commands, const std::string& script) {
  for (const Command& c : commands)
    if (!script.empty() && c.script == script) return &c;
  return nullptr;
}

}  // namespace cmoc::gui

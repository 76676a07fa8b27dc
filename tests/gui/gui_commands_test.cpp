// The window's command table and the menu bar built from it, on a real MainFrame (under Xvfb):
// every command has a unique id, a label and a handler, and the menus hold every entry, with
// its shortcut and help text, and nothing else.
#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/menu.h>
#include <wx/stockitem.h>

#include <set>

#include "command_table.h"
#include "gui_test_project.h"
#include "ids.h"
#include "main_frame.h"
#include "test_support.h"

namespace cmoc::gui {
namespace {

// wx starts once for the binary; each test makes its own window.
class GuiCommands : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static int argc = 1;
    static char name[] = "gui_commands_test";
    static char* argv[] = {name, nullptr};
    wxApp::SetInstance(new wxApp);
    ASSERT_TRUE(wxEntryStart(argc, argv));
    ASSERT_TRUE(wxTheApp && wxTheApp->CallOnInit());
    // Keep the window's saved layout and coder out of the home folder.
    wxConfigBase::Set(new wxFileConfig("cmoc-gui", "",
                                       wxString::FromUTF8((config_.path() / "gui.ini").string()),
                                       "", wxCONFIG_USE_LOCAL_FILE));
  }
  void SetUp() override { frame_ = new MainFrame(FrameOptions{.coder = "AJ", .scripted = true}); }
  void TearDown() override { frame_->Destroy(); }

  // Every item of `menu` and its submenus (separators left out), by id.
  static void collect(wxMenu* menu, std::multiset<int>& ids) {
    for (const wxMenuItem* item : menu->GetMenuItems()) {
      if (item->IsSeparator()) continue;
      if (item->IsSubMenu())
        collect(item->GetSubMenu(), ids);
      else
        ids.insert(item->GetId());
    }
  }

  static inline test::TempDir config_;
  MainFrame* frame_ = nullptr;
};

TEST_F(GuiCommands, EveryCommandHasAUniqueIdALabelAndAHandler) {
  const auto& commands = MainFrame::commands();
  ASSERT_GT(commands.size(), 60u);
  std::set<int> ids;
  std::set<std::string> scripts;
  for (const Command& c : commands) {
    SCOPED_TRACE(c.label);
    EXPECT_TRUE(ids.insert(c.id).second) << "id " << c.id << " twice";
    EXPECT_FALSE(c.label.empty());
    EXPECT_FALSE(c.menu.empty());
    EXPECT_TRUE(static_cast<bool>(c.run));
    if (!c.script.empty()) {
      EXPECT_TRUE(scripts.insert(c.script).second) << c.script << " twice";
    }
  }
  // The self-test's names for the commands it drives.
  for (const char* name :
       {"apply-code", "quick-code", "code-turn", "new-code", "uncode", "edit-span", "undo", "redo",
        "only-mine", "cmoc-context", "cmoc-mechanism", "cmoc-outcome", "cmoc-save", "cmoc-chain",
        "cmoc-new", "find"})
    EXPECT_NE(commandNamed(commands, name), nullptr) << name;
}

TEST_F(GuiCommands, TheMenusHoldEveryEntryAndNothingElse) {
  wxMenuBar* bar = frame_->GetMenuBar();
  ASSERT_NE(bar, nullptr);
  std::multiset<int> inMenus;
  for (std::size_t i = 0; i < bar->GetMenuCount(); ++i) collect(bar->GetMenu(i), inMenus);
  std::multiset<int> inTable;
  for (const Command& c : MainFrame::commands()) {
    SCOPED_TRACE(c.label);
    inTable.insert(c.id);
    const wxMenuItem* item = bar->FindItem(c.id);
    ASSERT_NE(item, nullptr);
    const std::string text = c.shortcut.empty() ? c.label : c.label + "\t" + c.shortcut;
    EXPECT_EQ(item->GetItemLabel().utf8_string(), text);
    // wx gives a stock item (Open, Undo, About ...) without help text its stock help.
    const std::string help =
        c.help.empty() && wxIsStockID(c.id) ? wxGetStockHelpString(c.id).utf8_string() : c.help;
    EXPECT_EQ(item->GetHelp().utf8_string(), help);
    EXPECT_EQ(item->IsCheckable(), c.checkItem);
  }
  EXPECT_EQ(inMenus, inTable);
  // The top menus, in the order the table names them first.
  std::vector<std::string> titles;
  for (std::size_t i = 0; i < bar->GetMenuCount(); ++i)
    titles.push_back(bar->GetMenuLabel(i).utf8_string());
  EXPECT_EQ(titles, (std::vector<std::string>{"&File", "&Project", "&Edit", "&Code", "C&MOC",
                                              "&Analyse", "&View", "C&oder", "&Help"}));
}

TEST_F(GuiCommands, ACommandWhoseNeedsDoNotHoldSaysWhyAndDoesNothing) {
  // No project is open: File > Import refuses with its message; Undo stays quiet.
  frame_->command(ID_IMPORT);
  EXPECT_EQ(frame_->lastError(), "Open or create a project first");
  frame_->clearError();
  frame_->command(wxID_UNDO);
  EXPECT_EQ(frame_->lastError(), "");
}

TEST_F(GuiCommands, OpeningAnotherProjectForgetsTheChosenCoding) {
  // Two copies of one project: codings made the same way get the same id in both.
  test::TempDir dirA, dirB;
  const auto a = test::copyDemoProject(dirA), b = test::copyDemoProject(dirB);
  const auto codeAWin = [&](const std::filesystem::path& file) {
    ASSERT_TRUE(frame_->openProject(file));
    ASSERT_TRUE(frame_->openSourceNamed("interview-01-director-alliance2.txt"));
    ASSERT_TRUE(frame_->selectText("we got a win early"));
    ASSERT_TRUE(frame_->selectCode("Trust"));
    ASSERT_TRUE(frame_->activateSelectedCode());
    ASSERT_EQ(frame_->lastError(), "");
  };
  codeAWin(b);
  codeAWin(a);  // the chosen coding is now a's new one, whose id b's new coding also has
  ASSERT_TRUE(frame_->openProject(b));
  ASSERT_TRUE(frame_->openSourceNamed("interview-01-director-alliance2.txt"));
  frame_->command(ID_UNCODE);
  EXPECT_EQ(frame_->lastError(), "Put the cursor in a coded passage and choose the coding");
  // b's coding is still there.
  frame_->clearError();
  ASSERT_TRUE(frame_->selectText("we got a win early"));
  EXPECT_TRUE(frame_->chooseCodingAtCaret("Trust"));
}

}  // namespace
}  // namespace cmoc::gui

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}

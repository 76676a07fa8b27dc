// cmoc-gui: the desktop workbench. `cmoc-gui [PROJECT.cmoc] [--coder NAME]
// [--self-test SCRIPT] [--screenshots DIR]`.
#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/image.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>

#include "main_frame.h"
#include "self_test.h"

namespace cmoc::gui {

class App : public wxApp {
 public:
  bool OnInit() override {
    wxInitAllImageHandlers();
    SetAppName("cmoc-gui");
    SetVendorName("CMOC Workbench");
    // Tests and screenshots keep their settings out of the user's home.
    if (const char* cfg = std::getenv("CMOC_GUI_CONFIG"); cfg && *cfg)
      wxConfigBase::Set(new wxFileConfig("cmoc-gui", "", wxString::FromUTF8(cfg), "", wxCONFIG_USE_LOCAL_FILE));

    wxCmdLineParser cmd(argc, argv);
    cmd.AddParam("PROJECT.cmoc", wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
    cmd.AddOption("", "coder", "who is coding", wxCMD_LINE_VAL_STRING);
    cmd.AddOption("", "self-test", "run a self-test script, then quit (exit code 0 when it passes)",
                  wxCMD_LINE_VAL_STRING);
    cmd.AddOption("", "screenshots", "with --self-test: write screenshots into this directory",
                  wxCMD_LINE_VAL_STRING);
    cmd.AddSwitch("h", "help", "show this help", wxCMD_LINE_OPTION_HELP);
    if (cmd.Parse() != 0) return false;

    FrameOptions options;
    wxString value;
    if (cmd.Found("coder", &value)) options.coder = value.utf8_string();
    wxString script;
    options.scripted = cmd.Found("self-test", &script);
    frame_ = new MainFrame(options);
    frame_->Show();

    std::filesystem::path project;
    if (cmd.GetParamCount() > 0) project = cmd.GetParam(0).utf8_string();
    else if (!options.scripted && wxConfigBase::Get()->Read("project/last", &value) &&
             std::filesystem::exists(value.utf8_string()))
      project = value.utf8_string();
    if (!project.empty() && !frame_->openProject(project) && options.scripted) {
      std::fprintf(stderr, "cmoc-gui: %s\n", frame_->lastError().c_str());
      exitCode_ = 1;
    }

    if (options.scripted) {
      std::ifstream in(script.utf8_string());
      if (!in) {
        std::fprintf(stderr, "cmoc-gui: cannot read %s\n", script.utf8_string().c_str());
        return false;
      }
      std::vector<std::string> lines;
      for (std::string line; std::getline(in, line);) lines.push_back(line);
      std::filesystem::path shots;
      if (cmd.Found("screenshots", &value)) shots = value.utf8_string();
      else if (const char* env = std::getenv("CMOC_SCREENSHOTS"); env && *env) shots = env;
      selfTest_ = std::make_unique<SelfTest>(frame_, std::move(lines), shots);
      selfTest_->Start(200);
    }
    return true;
  }

  int OnRun() override {
    const int rc = wxApp::OnRun();
    if (selfTest_) return exitCode_ ? exitCode_ : selfTest_->exitCode();
    return rc;
  }

  int OnExit() override {
    selfTest_.reset();
    return wxApp::OnExit();
  }

 private:
  MainFrame* frame_ = nullptr;
  std::unique_ptr<SelfTest> selfTest_;
  int exitCode_ = 0;
};

}  // namespace cmoc::gui

wxIMPLEMENT_APP(cmoc::gui::App);

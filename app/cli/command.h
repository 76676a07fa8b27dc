#pragma once
// One `cmoc` command: its name, help and what it runs. main.cpp dispatches on the name.
#include <functional>
#include <string>
#include <vector>

#include "args.h"
#include "cmoc/project.h"

namespace cmoc::cli {

struct Command {
  std::string name;
  std::string summary;  // one line for `cmoc --help`
  std::string usage;    // "cmoc import PROJECT FILE... [options]"
  std::string details;  // more help text, may be empty
  std::vector<OptionSpec> options;
  std::function<int(const Args&)> run;
};

// Every command, in registration order. Each commands_*.cpp registers its own with a
// file-scope `const CommandRegistration reg{...}`, so adding a command touches no shared file.
const std::vector<Command>& allCommands();
struct CommandRegistration {
  explicit CommandRegistration(std::vector<Command> (*make)());
};

OptionSpec formatOption();  // --format table|csv|json
OptionSpec coderOption();   // --coder NAME
// Opens the PROJECT positional and sets the acting coder: --coder, else $CMOC_CODER, else the
// login name ($USER), else "researcher".
Project openProject(const Args& args);
// Sets that acting coder on an open project; this writes the coder's row when it is new.
void setActingCoder(Project& project, const Args& args);
// The PROJECT positional every command takes first (DESIGN.md decision 7); throws UsageError.
const std::string& projectArg(const Args& args);
// The same, for a command that takes nothing else: "undo takes only the project file", so
// that `undo p.cmoc 5` is not taken for "undo five steps".
const std::string& onlyProjectArg(const Args& args, const std::string& command);

}  // namespace cmoc::cli

#pragma once
// Commands with subcommands (`cmoc code add ...`, `cmoc cmoc link ...`): one option table for the
// command, each subcommand naming the options that apply to it, so a misplaced option is an
// error rather than silently ignored.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "args.h"

namespace cmoc::cli {

struct Subcommand {
  const char* name;
  const char* usage;
  std::vector<std::string> options;  // those that apply; any other is an error, not ignored
  std::size_t positionals;           // PROJECT included
  std::function<void(const Args&)> run;
  bool orMore = false;  // `positionals` is the least: the last may repeat (FILE...)
};

// Runs the subcommand named by the first positional with the arguments after it, parsed again
// so PROJECT is the first positional (as openProject() expects). `command` names the command in
// messages ("code", "cmoc cmoc").
int runSubcommand(const Args& args, const std::vector<OptionSpec>& options,
                  const std::vector<Subcommand>& subcommands, const std::string& command);

}  // namespace cmoc::cli

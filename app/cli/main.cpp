// `cmoc`: every feature of CMOC Workbench, headless. `cmoc COMMAND PROJECT.cmoc [ARGS]`.
#include <iostream>
#include <string>
#include <vector>

#include "cmoc/error.h"
#include "command.h"

namespace {

void printUsage(const std::vector<cmoc::cli::Command>& commands) {
  std::cout << "CMOC Workbench: realist qualitative analysis\n\n"
               "usage: cmoc COMMAND PROJECT.cmoc [ARGS] [--options]\n\ncommands:\n";
  for (const auto& c : commands) {
    std::cout << "  " << c.name << std::string(c.name.size() < 16 ? 16 - c.name.size() : 1, ' ')
              << c.summary << "\n";
  }
  std::cout << "\n`cmoc COMMAND --help` shows a command's arguments and options.\n";
}

void printHelp(const cmoc::cli::Command& c) {
  std::cout << "usage: " << c.usage << "\n\n" << c.summary << "\n";
  if (!c.details.empty()) std::cout << "\n" << c.details << "\n";
  if (!c.options.empty()) {
    std::cout << "\noptions:\n";
    for (const auto& o : c.options) {
      std::string lhs = "--" + o.name + (o.takesValue ? " " + o.metavar : "");
      std::cout << "  " << lhs << std::string(lhs.size() < 26 ? 26 - lhs.size() : 1, ' ') << o.help
                << "\n";
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  const auto& commands = cmoc::cli::allCommands();
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    if (args.size() > 1 && args[0] == "help") args = {args[1], "--help"};
    else {
      printUsage(commands);
      return args.empty() ? 2 : 0;
    }
  }
  if (args[0] == "--version") {
    std::cout << "cmoc 0.1.0\n";
    return 0;
  }
  for (const auto& c : commands) {
    if (c.name != args[0]) continue;
    std::vector<std::string> rest(args.begin() + 1, args.end());
    for (const auto& a : rest) {
      if (a == "--help" || a == "-h") {
        printHelp(c);
        return 0;
      }
    }
    try {
      return c.run(cmoc::cli::Args(rest, c.options));
    } catch (const cmoc::Error& e) {
      std::cerr << "cmoc " << c.name << ": " << e.what() << "\n";
      return 1;
    } catch (const std::exception& e) {
      std::cerr << "cmoc " << c.name << ": internal error: " << e.what() << "\n";
      return 70;
    }
  }
  std::cerr << "cmoc: unknown command '" << args[0] << "'; `cmoc --help` lists the commands\n";
  return 2;
}

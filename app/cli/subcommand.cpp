#include "subcommand.h"

#include <algorithm>

#include "cmoc/error.h"

namespace cmoc::cli {

namespace {

Args shifted(const Args& args, const std::vector<OptionSpec>& options) {
  std::vector<std::string> argv;
  for (const OptionSpec& o : options)
    for (const std::string& v : args.all(o.name))
      argv.push_back(o.takesValue ? "--" + o.name + "=" + v : "--" + o.name);
  argv.push_back("--");
  argv.insert(argv.end(), args.positionals().begin() + 1, args.positionals().end());
  return Args(argv, options);
}

void check(const Subcommand& sub, const Args& a, const std::vector<OptionSpec>& options,
           const std::string& command) {
  for (const OptionSpec& o : options)
    if (a.has(o.name) &&
        std::find(sub.options.begin(), sub.options.end(), o.name) == sub.options.end())
      throw UsageError("--" + o.name + " does not apply to `" + command + " " + sub.name + "`");
  if (sub.orMore ? a.positionals().size() < sub.positionals
                 : a.positionals().size() != sub.positionals)
    throw UsageError(std::string("usage: ") + sub.usage);
}

}  // namespace

int runSubcommand(const Args& args, const std::vector<OptionSpec>& options,
                  const std::vector<Subcommand>& subcommands, const std::string& command) {
  std::string names;
  for (const Subcommand& s : subcommands)
    names += (names.empty() ? "" : ", ") + std::string(s.name);
  if (args.positionals().empty()) throw UsageError("missing what to do: " + names);
  const std::string& what = args.positionals()[0];
  for (const Subcommand& s : subcommands) {
    if (what != s.name) continue;
    const Args rest = shifted(args, options);
    check(s, rest, options, command);
    s.run(rest);
    return 0;
  }
  throw UsageError("unknown subcommand '" + what + "' (" + names + ")");
}

}  // namespace cmoc::cli

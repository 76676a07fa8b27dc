#pragma once
// Command-line arguments for one `cmoc` command: positionals, `--name value`, `--name=value`
// and flags. Unknown options are errors, so a typo never runs a command with defaults.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cmoc::cli {

struct OptionSpec {
  std::string name;      // without dashes
  bool takesValue = true;
  std::string help;
  std::string metavar = "VALUE";
};

class Args {
 public:
  Args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs);
  const std::vector<std::string>& positionals() const { return positionals_; }
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::optional<std::string> get(const std::string& name) const;
  std::string get(const std::string& name, const std::string& fallback) const;
  std::vector<std::string> all(const std::string& name) const;  // repeated options

 private:
  std::vector<std::string> positionals_;
  std::multimap<std::string, std::string> values_;
};

// A list option: "A,B"; repeated options add up; "\," is a comma inside a name; empty items
// are dropped. What --coders, --codes and --sources take.
std::vector<std::string> listOption(const Args& args, const std::string& name);

}  // namespace cmoc::cli

#include "args.h"

#include "cmoc/error.h"

namespace cmoc::cli {

Args::Args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs) {
  auto find = [&](const std::string& name) -> const OptionSpec* {
    for (const OptionSpec& s : specs)
      if (s.name == name) return &s;
    return nullptr;
  };
  bool onlyPositionals = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (onlyPositionals || a.size() < 2 || a.rfind("--", 0) != 0) {
      if (!onlyPositionals && a.size() > 1 && a[0] == '-' && a != "-")
        throw UsageError("unknown option '" + a + "' (options are spelt --name)");
      positionals_.push_back(a);
      continue;
    }
    if (a == "--") {
      onlyPositionals = true;
      continue;
    }
    std::string name = a.substr(2), value;
    bool inlineValue = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      inlineValue = true;
    }
    const OptionSpec* spec = find(name);
    if (!spec) throw UsageError("unknown option '--" + name + "'");
    if (spec->takesValue && !inlineValue) {
      if (i + 1 >= argv.size()) throw UsageError("option '--" + name + "' needs a value");
      value = argv[++i];
    } else if (!spec->takesValue && inlineValue) {
      throw UsageError("option '--" + name + "' takes no value");
    }
    values_.emplace(name, value);
  }
}

std::optional<std::string> Args::get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Args::get(const std::string& name, const std::string& fallback) const {
  return get(name).value_or(fallback);
}

std::vector<std::string> Args::all(const std::string& name) const {
  std::vector<std::string> out;
  auto [b, e] = values_.equal_range(name);
  for (auto it = b; it != e; ++it) out.push_back(it->second);
  return out;
}

std::vector<std::string> listOption(const Args& args, const std::string& name) {
  std::vector<std::string> out;
  for (const std::string& value : args.all(name)) {
    std::string item;
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (value[i] == '\\' && i + 1 < value.size() && value[i + 1] == ',') {
        item += ',';
        ++i;
      } else if (value[i] == ',') {
        if (!item.empty()) out.push_back(item);
        item.clear();
      } else {
        item += value[i];
      }
    }
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

}  // namespace cmoc::cli

#include "demi_options.h"

#include <algorithm>
#include <cctype>

#include "cmoc/error.h"

namespace cmoc::cli {

namespace {

int parseThreshold(const std::string& s) {
  const bool digits = !s.empty() && s.size() < 7 && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
  if (!digits || std::stoi(s) < 1)
    throw UsageError("--threshold needs a whole number of sources, at least 1 (got '" + s + "')");
  return std::stoi(s);
}

}  // namespace

std::vector<OptionSpec> demiOptionSpecs() {
  return {{"mechanism", true, "only this mechanism (name or path); repeatable", "CODE"},
          {"status", true, "only CMOCs with this status", "STATUS"},
          {"threshold", true, "sources a CMOC needs for the multiple-sources rule (default 2)", "N"}};
}

std::vector<OptionSpec> withOptions(std::vector<OptionSpec> a, const std::vector<OptionSpec>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

DemiOptions demiOptions(const Args& args) {
  DemiOptions options;
  options.filter.mechanisms = args.all("mechanism");
  if (auto s = args.get("status")) options.filter.status = parseCmocStatus(*s);
  if (auto t = args.get("threshold")) options.threshold = parseThreshold(*t);
  return options;
}

}  // namespace cmoc::cli

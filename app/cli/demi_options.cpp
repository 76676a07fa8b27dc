#include "demi_options.h"

#include "cmoc/error.h"
#include "numbers.h"

namespace cmoc::cli {

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
  if (auto t = args.get("threshold"))
    options.threshold = static_cast<int>(parseWholeNumber(*t, "--threshold", 1, kMaxThreshold));
  return options;
}

}  // namespace cmoc::cli

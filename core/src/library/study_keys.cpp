#include "study_keys.h"

#include "ascii_fold.h"

namespace cmoc::library {

std::string makeKey(const Reference& r, const std::set<std::string>& taken) {
  std::string base;
  const std::string from = r.authors.empty() ? r.title : r.authors.front().family;
  for (const char c : matchWords(from)) {
    if (c == ' ') {
      if (r.authors.empty()) break;  // a title's first word
      continue;                      // "van der Berg" -> "vanderberg"
    }
    base += c;
  }
  if (base.empty()) base = "study";
  base += r.year ? std::to_string(*r.year) : "nd";
  if (!taken.count(base)) return base;
  for (char suffix = 'a'; suffix <= 'z'; ++suffix)
    if (!taken.count(base + suffix)) return base + suffix;
  for (int n = 2;; ++n)
    if (!taken.count(base + "-" + std::to_string(n))) return base + "-" + std::to_string(n);
}

}  // namespace cmoc::library

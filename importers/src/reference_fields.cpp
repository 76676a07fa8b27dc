#include "reference_fields.h"

#include <cctype>

#include "cmoc/importers/references.h"
#include "cmoc/text.h"

namespace cmoc::importers {

std::string trimField(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::optional<int> yearIn(const std::string& s) {
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    const auto digit = [&](std::size_t k) {
      return k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]));
    };
    if ((i > 0 && digit(i - 1)) || !digit(i) || !digit(i + 1) || !digit(i + 2) || !digit(i + 3) ||
        digit(i + 4))
      continue;
    const int year = std::stoi(s.substr(i, 4));
    if (year >= 1000 && year <= 2999) return year;
  }
  return std::nullopt;
}

std::string attributeName(const std::string& field) {
  std::string out;
  for (const char c : text::fold(trimField(field))) {
    if (c == ' ' || c == '-' || c == '\t')
      out += out.empty() || out.back() == '_' ? "" : "_";
    else
      out += c;
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

void addNamedValue(Reference& r, const std::string& text) {
  const auto sep = text.find_first_of(":=");
  if (sep == std::string::npos || sep == 0) return;
  const std::string name = trimField(text.substr(0, sep));
  const std::string value = trimField(text.substr(sep + 1));
  // A name is a few words ("partnership type"), not a sentence that happens to hold a colon.
  if (name.size() > 40 || value.empty()) return;
  for (const char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '_' || c == '-')) return;
  r.fields.emplace_back(attributeName(name), value);
}

std::string doiFromUrl(const std::string& url) {
  for (const char* host : {"doi.org/", "dx.doi.org/"}) {
    const auto at = url.find(host);
    if (at != std::string::npos) return url.substr(at + std::string(host).size());
  }
  return {};
}

}  // namespace cmoc::importers

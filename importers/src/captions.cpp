#include "captions.h"

#include <charconv>
#include <cstdio>

#include "cmoc/error.h"
#include "turn_builder.h"

namespace cmoc::importers {

bool isBlank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

std::string_view trimSpaces(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string cueWhere(int cue, std::size_t line) {
  return "cue " + std::to_string(cue) + " (line " + std::to_string(line) + ")";
}

std::string formatMs(std::int64_t ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld.%03lld",
                static_cast<long long>(ms / 3600000), static_cast<long long>(ms / 60000 % 60),
                static_cast<long long>(ms / 1000 % 60), static_cast<long long>(ms % 1000));
  return buf;
}

CueTiming parseCueTiming(std::string_view line, const std::string& fileName,
                         const std::string& where, std::string_view example) {
  const std::size_t arrow = line.find("-->");
  if (arrow == std::string_view::npos) {
    const std::string_view shown = trimSpaces(line).substr(0, 60);
    if (parseClock(shown.substr(0, shown.find_first_of(" \t"))))
      throw InputError(fileName, where, "missing '-->' between the start and end times");
    throw InputError(fileName, where,
                     "expected a timing line like '" + std::string(example) + "', found '" +
                         std::string(shown) + "'");
  }
  const std::string_view startText = trimSpaces(line.substr(0, arrow));
  std::string_view rest = trimSpaces(line.substr(arrow + 3));
  const std::string_view endText = rest.substr(0, rest.find_first_of(" \t"));  // then cue settings
  if (startText.empty()) throw InputError(fileName, where, "missing start time before '-->'");
  if (endText.empty()) throw InputError(fileName, where, "missing end time after '-->'");
  const auto start = parseClock(startText);
  if (!start)
    throw InputError(fileName, where, "malformed start time '" + std::string(startText) + "'");
  const auto end = parseClock(endText);
  if (!end) throw InputError(fileName, where, "malformed end time '" + std::string(endText) + "'");
  if (*end < *start)
    throw InputError(fileName, where,
                     "end time " + formatMs(*end) + " is before start time " + formatMs(*start));
  return CueTiming{*start, *end};
}

namespace {
void appendUtf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}
}  // namespace

std::size_t appendCharacterReference(std::string_view s, std::string& out) {
  const std::size_t semi = s.find(';');
  if (s.empty() || s[0] != '&' || semi == std::string_view::npos || semi > 10) return 0;
  const std::string_view name = s.substr(1, semi - 1);
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"},  {"lt", "<"},   {"gt", ">"},       {"quot", "\""},
      {"apos", "'"}, {"nbsp", " "}, {"lrm", "\u200E"}, {"rlm", "\u200F"}};
  for (const auto& [n, v] : kNamed)
    if (name == n) {
      out.append(v);
      return semi + 1;
    }
  if (name.size() < 2 || name[0] != '#') return 0;
  const bool hex = name[1] == 'x' || name[1] == 'X';
  const std::string_view digits = name.substr(hex ? 2 : 1);
  std::uint32_t c = 0;
  const auto [end, ec] =
      std::from_chars(digits.data(), digits.data() + digits.size(), c, hex ? 16 : 10);
  if (ec != std::errc() || end != digits.data() + digits.size() || c == 0 || c > 0x10FFFF ||
      (c >= 0xD800 && c <= 0xDFFF))
    return 0;
  appendUtf8(c, out);
  return semi + 1;
}

std::size_t markupTagLength(std::string_view s) {
  const auto isLetter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  const std::size_t nameAt = s.size() > 1 && s[1] == '/' ? 2 : 1;
  if (s.empty() || s[0] != '<' || nameAt >= s.size() || !isLetter(s[nameAt])) return 0;
  const std::size_t end = s.find_first_of("<>\n", nameAt);
  return end != std::string_view::npos && s[end] == '>' ? end + 1 : 0;
}

std::string collapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace cmoc::importers

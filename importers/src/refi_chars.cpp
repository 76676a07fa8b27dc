#include "refi_chars.h"

#include <cstdint>
#include <cstdio>
#include <optional>

#include "cmoc/error.h"
#include "cmoc/names.h"
#include "cmoc/text.h"
#include "xml.h"

namespace cmoc::importers::refi_parse {

namespace {

std::string hex(std::uint32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

// XML 1.0's Char production: tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF.
bool xmlChar(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

std::optional<std::string> characterProblem(std::string_view s) {
  if (auto bad = text::firstInvalidUtf8(s)) {
    const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[*bad + i]); };
    // pugixml writes "&#xD800;" as the three bytes a surrogate would take in UTF-8.
    if (*bad + 2 < s.size() && b(0) == 0xED && b(1) >= 0xA0 && b(1) <= 0xBF)
      return "the lone surrogate " + hex(0xD000u | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu)) +
             ", which is not a character";
    return std::string("invalid UTF-8");
  }
  for (std::size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    std::uint32_t c = n == 1 ? lead : lead & (0xFFu >> (n + 1));
    for (std::size_t k = 1; k < n; ++k)
      c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    if (!xmlChar(c)) return "the character " + hex(c) + ", which XML does not allow";
    i += n;
  }
  return std::nullopt;
}

std::string elementPath(pugi::xml_node n) {
  std::string path;
  for (; n && n.type() == pugi::node_element; n = n.parent())
    path = "/" + std::string(n.name()) + path;
  return path;
}

// Whose name an element's `name` attribute is, for the message.
std::string whatIsNamed(std::string_view element) {
  if (const std::size_t colon = element.find(':'); colon != std::string_view::npos)
    element = element.substr(colon + 1);
  if (element == "Code") return "code";
  if (element == "Set") return "category";
  if (element.size() > 6 && element.substr(element.size() - 6) == "Source") return "source";
  std::string out(element);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

}  // namespace

void refuseBadCharactersAndLongNames(const pugi::xml_document& doc, std::string_view xml,
                                     const std::string& fileName, const std::string& entry) {
  xml::LineColumns lineColumns(xml);
  auto fail = [&](const pugi::xml_node& element, const std::string& problem) {
    const std::ptrdiff_t off = element.offset_debug();
    const std::string at =
        off < 0 || xml.empty() ? std::string() : lineColumns(static_cast<std::size_t>(off));
    const std::string path = elementPath(element);
    throw InputError(fileName,
                     entry.empty() ? (at.empty() ? "" : "line " + at + " ") + path
                                   : entry + (at.empty() ? "" : ":" + at) + " " + path,
                     problem);
  };
  xml::walk(doc, [&](const pugi::xml_node& n) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      if (auto problem = characterProblem(n.value()))
        fail(n.parent(), "its text holds " + *problem);
      return false;
    }
    if (n.type() != pugi::node_element) return false;
    for (pugi::xml_attribute a : n.attributes()) {
      if (auto problem = characterProblem(a.value()))
        fail(n, "attribute '" + std::string(a.name()) + "' holds " + *problem);
      if (std::string_view(a.name()) == "name")
        if (auto tooLong = nameLengthProblem(whatIsNamed(n.name()), a.value())) fail(n, *tooLong);
    }
    return true;
  });
}

}  // namespace cmoc::importers::refi_parse

#include "model/format.h"

#include <cstdio>

#include "cmoc/text.h"

namespace cmoc::gui {

namespace {

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Rgb kindColour(CodeKind kind) {
  switch (kind) {
    case CodeKind::Context:
      return {0x8e, 0x24, 0xaa};
    case CodeKind::Mechanism:
      return {0x2e, 0x7d, 0x32};
    case CodeKind::Outcome:
      return {0xef, 0x6c, 0x00};
    case CodeKind::Other:
      return {0x75, 0x75, 0x75};
  }
  return {0x75, 0x75, 0x75};
}

Rgb codeColour(std::string_view hex, CodeKind kind) {
  if (hex.size() != 7 || hex[0] != '#') return kindColour(kind);
  int v[6];
  for (int i = 0; i < 6; ++i) {
    v[i] = hexDigit(hex[static_cast<std::size_t>(i) + 1]);
    if (v[i] < 0) return kindColour(kind);
  }
  return {static_cast<unsigned char>(v[0] * 16 + v[1]),
          static_cast<unsigned char>(v[2] * 16 + v[3]),
          static_cast<unsigned char>(v[4] * 16 + v[5])};
}

std::string toHex(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
  return buf;
}

std::string_view kindTag(CodeKind kind) {
  switch (kind) {
    case CodeKind::Context:
      return "[C]";
    case CodeKind::Mechanism:
      return "[M]";
    case CodeKind::Outcome:
      return "[O]";
    case CodeKind::Other:
      return "[-]";
  }
  return "[-]";
}

std::string formatClock(std::int64_t ms) {
  if (ms < 0) ms = 0;
  const std::int64_t s = ms / 1000;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
  return buf;
}

std::string datePart(std::string_view iso) {
  const auto t = iso.find('T');
  return std::string(t == std::string_view::npos ? iso : iso.substr(0, t));
}

std::string leafName(std::string_view codePath) {
  const auto parts = splitCodePath(codePath);
  return parts.empty() ? std::string(codePath) : parts.back();
}

std::string shorten(std::string_view text, std::size_t maxChars) {
  std::string flat;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !flat.empty();
      continue;
    }
    if (space) flat += ' ';
    space = false;
    flat += c;
  }
  if (static_cast<std::size_t>(text::codePointCount(flat)) <= maxChars) return flat;
  std::string cut(text::sliceCodePoints(flat, 0, static_cast<std::int64_t>(maxChars)));
  if (const auto sp = cut.rfind(' '); sp != std::string::npos && sp > cut.size() / 2)
    cut.resize(sp);
  return cut + "\xE2\x80\xA6";  // …
}

std::string firstLine(std::string_view text) {
  return std::string(text.substr(0, text.find('\n')));
}

}  // namespace cmoc::gui

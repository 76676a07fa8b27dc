// REFI-QDA helpers shared by the exporter and the importer: derived GUIDs, GUID spelling, code
// descriptions, enum names, report counters.
#include <array>
#include <cstdio>
#include <cstring>

#include "cmoc/refi.h"

namespace cmoc::refi {

namespace {

// SHA-1 (FIPS 180-4), only for name-based UUIDs: RFC 4122 version 5 is defined over it.
std::array<std::uint8_t, 20> sha1(std::string_view data) {
  std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::string msg(data);
  const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
  msg.push_back(static_cast<char>(0x80));
  while (msg.size() % 64 != 56) msg.push_back('\0');
  for (int i = 7; i >= 0; --i) msg.push_back(static_cast<char>((bits >> (i * 8)) & 0xFF));
  auto rol = [](std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); };
  for (std::size_t chunk = 0; chunk < msg.size(); chunk += 64) {
    std::uint32_t w[80];
    for (int i = 0; i < 16; ++i) {
      const auto* p = reinterpret_cast<const unsigned char*>(msg.data() + chunk + 4 * i);
      w[i] = (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) |
             (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
    }
    for (int i = 16; i < 80; ++i) w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; ++i) {
      std::uint32_t f, k;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5A827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ED9EBA1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8F1BBCDC;
      } else {
        f = b ^ c ^ d;
        k = 0xCA62C1D6;
      }
      const std::uint32_t t = rol(a, 5) + f + e + k + w[i];
      e = d;
      d = c;
      c = rol(b, 30);
      b = a;
      a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
  }
  std::array<std::uint8_t, 20> out{};
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 4; ++j)
      out[static_cast<std::size_t>(4 * i + j)] = static_cast<std::uint8_t>(h[i] >> (24 - 8 * j));
  return out;
}

// Our namespace for version-5 GUIDs (a fixed random GUID; never change it, or exported GUIDs
// of derived elements change with it).
constexpr std::uint8_t kNamespace[16] = {0x8c, 0x1e, 0x5b, 0x42, 0x6d, 0x27, 0x4f, 0x0a,
                                         0x9e, 0x31, 0xc4, 0x7d, 0x52, 0x90, 0xab, 0x6f};

// The last paragraph starting with `heading` (at the start, or after a blank line).
bool takeSection(std::string& text, std::string_view heading, std::string& out) {
  std::size_t at = std::string::npos;
  const std::string marker = "\n\n" + std::string(heading);
  if (std::size_t p = text.rfind(marker); p != std::string::npos) at = p;
  if (at == std::string::npos && text.compare(0, heading.size(), heading) == 0) {
    out = text.substr(heading.size());
    text.clear();
    return true;
  }
  if (at == std::string::npos) return false;
  out = text.substr(at + marker.size());
  text.erase(at);
  return true;
}

}  // namespace

std::string derivedGuid(std::string_view key) {
  std::string data(reinterpret_cast<const char*>(kNamespace), sizeof kNamespace);
  data.append(key);
  std::array<std::uint8_t, 20> d = sha1(data);
  d[6] = static_cast<std::uint8_t>((d[6] & 0x0F) | 0x50);  // version 5
  d[8] = static_cast<std::uint8_t>((d[8] & 0x3F) | 0x80);  // RFC 4122 variant
  char buf[37];
  std::snprintf(buf, sizeof buf,
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", d[0], d[1],
                d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12], d[13], d[14],
                d[15]);
  return buf;
}

std::string normalizeGuid(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  if (s.size() == 38 && s.front() == '{' && s.back() == '}') s = s.substr(1, 36);
  if (s.size() != 36) return {};
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    char& c = out[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return {};
      continue;
    }
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return {};
  }
  return out;
}

std::string codeDescription(const CodeText& t, bool withMemo) {
  std::string out = t.definition;
  auto add = [&](std::string_view heading, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += "\n\n";
    out += heading;
    out += value;
  };
  add(kInclusionHeading, t.inclusion);
  add(kExclusionHeading, t.exclusion);
  if (withMemo) add(kMemoHeading, t.memo);
  return out;
}

CodeText parseCodeDescription(std::string_view description) {
  CodeText t;
  std::string rest(description);
  takeSection(rest, kMemoHeading, t.memo);
  takeSection(rest, kExclusionHeading, t.exclusion);
  takeSection(rest, kInclusionHeading, t.inclusion);
  t.definition = std::move(rest);
  return t;
}

std::string_view toString(VariableType t) {
  switch (t) {
    case VariableType::Text:
      return "Text";
    case VariableType::Boolean:
      return "Boolean";
    case VariableType::Integer:
      return "Integer";
    case VariableType::Float:
      return "Float";
    case VariableType::Date:
      return "Date";
    case VariableType::DateTime:
      return "DateTime";
  }
  return "Text";
}

std::string_view toString(Direction d) {
  switch (d) {
    case Direction::Associative:
      return "Associative";
    case Direction::OneWay:
      return "OneWay";
    case Direction::Bidirectional:
      return "Bidirectional";
  }
  return "Associative";
}

void ImportReport::add(std::vector<std::pair<std::string, std::int64_t>>& counts,
                       const std::string& kind, std::int64_t n) {
  for (auto& [k, v] : counts)
    if (k == kind) {
      v += n;
      return;
    }
  counts.emplace_back(kind, n);
}

std::int64_t ImportReport::count(const std::vector<std::pair<std::string, std::int64_t>>& counts,
                                 std::string_view kind) const {
  for (const auto& [k, v] : counts)
    if (k == kind) return v;
  return 0;
}

}  // namespace cmoc::refi

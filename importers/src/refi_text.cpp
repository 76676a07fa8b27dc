// Source text of REFI-QDA files and the ways tools count positions in it.
#include "refi_text.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <optional>

#include "cmoc/error.h"
#include "cmoc/importers/refi_qda.h"
#include "cmoc/text.h"

namespace cmoc::importers {

namespace {

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || !n) throw Error("ICU: no NFC normaliser");
  return *n;
}

void appendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::u32string codePoints(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

// White space collapsed to single spaces, trimmed, NFC.
std::string squeeze(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return text::firstInvalidUtf8(out) ? out : text::normalize(out);
}

}  // namespace

std::string describe(const PositionConvention& c) {
  return std::string(c.utf16 ? "UTF-16 units" : "code points") + ", CRLF as " +
         (c.crlfAsOne ? "1" : "2");
}

PositionConvention conventionForOrigin(std::string_view origin) {
  std::string o(origin);
  std::transform(o.begin(), o.end(), o.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (o.find("nvivo") != std::string::npos) return {true, false};
  if (o.find("atlas") != std::string::npos) return {false, true};
  return {false, false};
}

const std::vector<NamedConvention>& namedConventions() {
  static const std::vector<NamedConvention> kNamed = {
      {"codepoints", {false, false}, "QualCoder and most other tools"},
      {"codepoints-crlf1", {false, true}, "ATLAS.ti"},
      {"utf16", {true, false}, "NVivo"},
      {"utf16-crlf1", {true, true}, ""},
  };
  return kNamed;
}

std::optional<PositionConvention> conventionNamed(std::string_view name) {
  for (const NamedConvention& n : namedConventions())
    if (n.name == name) return n.convention;
  return std::nullopt;
}

PositionMap::PositionMap(std::string_view raw, PositionConvention convention) {
  const std::u32string cps = codePoints(raw);
  const std::size_t n = cps.size();
  bool hasCr = false, hasAstral = false;
  for (char32_t c : cps) {
    hasCr = hasCr || c == U'\r';
    hasAstral = hasAstral || c > 0xFFFF;
  }
  // Most texts are NFC already and written with LF: then positions are code points as they are.
  const bool unitsAreCodePoints =
      !(convention.utf16 && hasAstral) && !(convention.crlfAsOne && hasCr);
  if (unitsAreCodePoints && !hasCr) {
    std::string lf(raw);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(lf);
    UErrorCode status = U_ZERO_ERROR;
    if (nfc().isNormalized(u, status) && U_SUCCESS(status)) {
      text_ = std::move(lf);
      units_ = static_cast<std::int64_t>(n);
      identity_ = true;
      return;
    }
  }
  unitStart_.resize(n + 1);
  normStart_.resize(n + 1);
  interior_.assign(n + 1, false);
  std::int64_t unit = 0;
  for (std::size_t i = 0; i < n; ++i) {
    unitStart_[i] = static_cast<std::int32_t>(unit);
    const char32_t c = cps[i];
    if (c == U'\r' && convention.crlfAsOne && i + 1 < n && cps[i + 1] == U'\n') continue;
    unit += (convention.utf16 && c > 0xFFFF) ? 2 : 1;
  }
  unitStart_[n] = static_cast<std::int32_t>(unit);
  units_ = unit;

  // Normalise in chunks that start where NFC has a boundary: the chunks' normal forms
  // concatenate to the text's, and a position between chunks maps exactly.
  const icu::Normalizer2& norm = nfc();
  std::int64_t out = 0;  // code points written to text_
  std::size_t chunkStart = 0;
  icu::UnicodeString chunk;
  auto flush = [&](std::size_t end) {
    if (chunk.isEmpty()) return;
    for (std::size_t i = chunkStart; i < end; ++i) {
      normStart_[i] = static_cast<std::int32_t>(out);
      interior_[i] = i != chunkStart;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString done = norm.normalize(chunk, status);
    if (U_FAILURE(status)) done = chunk;
    std::string utf8;
    done.toUTF8String(utf8);
    text_ += utf8;
    out += done.countChar32();
    chunk.remove();
  };
  for (std::size_t i = 0; i < n; ++i) {
    const char32_t c = cps[i];
    if (c == U'\r' || c == U'\n') {
      flush(i);
      normStart_[i] = static_cast<std::int32_t>(out);
      if (c == U'\r' && i + 1 < n && cps[i + 1] == U'\n') continue;  // the LF writes the line end
      text_ += '\n';
      ++out;
      chunkStart = i + 1;
      continue;
    }
    if (chunk.isEmpty() || norm.hasBoundaryBefore(static_cast<UChar32>(c))) {
      flush(i);
      chunkStart = i;
    }
    chunk.append(static_cast<UChar32>(c));
  }
  flush(n);
  normStart_[n] = static_cast<std::int32_t>(out);
}

std::optional<std::int64_t> PositionMap::map(std::int64_t unit, bool isEnd) const {
  if (unit < 0 || unit > units_) return std::nullopt;
  if (identity_) return unit;
  // The first code point starting at or after `unit` (a CR counted as nothing shares the LF's).
  auto it = std::lower_bound(unitStart_.begin(), unitStart_.end(), static_cast<std::int32_t>(unit));
  std::size_t i = static_cast<std::size_t>(it - unitStart_.begin());
  if (*it != unit && !isEnd && i > 0) --i;  // inside a surrogate pair: take the whole character
  if (isEnd) {
    while (i < interior_.size() - 1 && interior_[i]) ++i;  // finish a combining sequence
  }
  return normStart_[i];
}

std::optional<std::int64_t> PositionMap::start(std::int64_t unit) const { return map(unit, false); }
std::optional<std::int64_t> PositionMap::end(std::int64_t unit) const { return map(unit, true); }

namespace refi_text {

namespace {
// Text that lost its BOM (some tools write UTF-16 without one): ASCII-range text has a NUL in
// every other byte. Returns whether the bytes look like UTF-16 LE or BE; nullopt otherwise.
std::optional<bool> bomlessUtf16(const std::string& bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size() & ~std::size_t{1}, 512);
  if (n < 2 || bytes.size() % 2 != 0) return std::nullopt;
  std::size_t evenNuls = 0, oddNuls = 0;
  for (std::size_t i = 0; i < n; ++i) (i % 2 ? oddNuls : evenNuls) += bytes[i] == '\0';
  if (oddNuls == n / 2 && evenNuls == 0) return true;
  if (evenNuls == n / 2 && oddNuls == 0) return false;
  return std::nullopt;
}

std::string decodeUtf16(const std::string& bytes, std::size_t from, bool le,
                        const std::string& fileName, const std::string& where) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = from; i < bytes.size(); i += 2) {
    if (i + 1 >= bytes.size())
      throw InputError(fileName, where, "odd number of bytes in UTF-16 text");
    auto unitAt = [&](std::size_t k) {
      const auto a = static_cast<unsigned char>(bytes[k]),
                 b = static_cast<unsigned char>(bytes[k + 1]);
      return static_cast<char32_t>(le ? (a | (b << 8)) : ((a << 8) | b));
    };
    char32_t c = unitAt(i);
    if (c >= 0xD800 && c <= 0xDBFF) {
      if (i + 3 >= bytes.size())
        throw InputError(fileName, where,
                         "broken UTF-16 surrogate pair at byte " + std::to_string(i));
      const char32_t lo = unitAt(i + 2);
      if (lo < 0xDC00 || lo > 0xDFFF)
        throw InputError(fileName, where,
                         "broken UTF-16 surrogate pair at byte " + std::to_string(i));
      c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
      i += 2;
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      throw InputError(fileName, where,
                       "broken UTF-16 surrogate pair at byte " + std::to_string(i));
    }
    appendUtf8(out, c);
  }
  return out;
}
}  // namespace

std::string decodeRaw(const std::string& bytes, const std::string& fileName,
                      const std::string& where) {
  std::string out;
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    out = decodeUtf16(bytes, 2, bytes[0] == '\xFF', fileName, where);
  } else if (const std::optional<bool> le = bomlessUtf16(bytes)) {
    out = decodeUtf16(bytes, 0, *le, fileName, where);
  } else {
    const std::size_t bom = bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    out = bytes.substr(bom);
    if (auto bad = text::firstInvalidUtf8(out))
      throw InputError(fileName, where, "invalid UTF-8 at byte " + std::to_string(*bad + bom));
  }
  // Stored, a NUL would end the text for search and for every C string it passes through.
  if (const std::size_t nul = out.find('\0'); nul != std::string::npos)
    throw InputError(
        fileName, where,
        "a NUL character after " +
            std::to_string(text::codePointCount(std::string_view(out).substr(0, nul))) +
            " characters: not plain text");
  return out;
}

bool quotes(std::string_view name, std::string_view quoted) {
  std::string n(name);
  bool prefix = false;
  for (std::string_view ellipsis : {std::string_view("\u2026"), std::string_view("...")}) {
    if (n.size() >= ellipsis.size() &&
        n.compare(n.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0) {
      n.erase(n.size() - ellipsis.size());
      prefix = true;
      break;
    }
  }
  n = squeeze(n);
  if (text::codePointCount(n) < 3) return false;
  const std::string t = squeeze(quoted);
  if (prefix) return t.compare(0, n.size(), n) == 0;
  return t == n;
}

}  // namespace refi_text

}  // namespace cmoc::importers

#include "encoding.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "cmoc/error.h"
#include "cmoc/text.h"

namespace cmoc::importers {

namespace {
bool startsWith(const std::string& s, std::string_view prefix) {
  return s.size() >= prefix.size() && std::string_view(s).substr(0, prefix.size()) == prefix;
}

// `base` is where `data` starts in the file, so an error names the file's byte offset.
std::string convert(const char* data, std::size_t size, const std::string& converter,
                    const std::string& fileName, std::size_t base) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(converter.c_str(), &status);
  if (U_FAILURE(status))
    throw InputError(fileName, "--encoding", "unknown encoding '" + converter + "'");
  // Stop at the first unmappable or illegal sequence rather than inserting U+FFFD silently.
  ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString u(data, static_cast<int32_t>(size), cnv, status);
  if (U_FAILURE(status)) {
    // Convert again in pieces to find where it stopped; the converter then sits just past the
    // offending bytes, which ucnv_getInvalidChars returns.
    ucnv_reset(cnv);
    const char* src = data;
    const char* limit = data + size;
    UChar buf[1024];
    UErrorCode st = U_ZERO_ERROR;
    while (src < limit) {
      UChar* target = buf;
      st = U_ZERO_ERROR;
      ucnv_toUnicode(cnv, &target, buf + 1024, &src, limit, nullptr, true, &st);
      if (st != U_BUFFER_OVERFLOW_ERROR) break;
    }
    char invalid[32];
    int8_t invalidLength = sizeof invalid;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(cnv, invalid, &invalidLength, &ignored);
    if (U_FAILURE(ignored)) invalidLength = 0;
    ucnv_close(cnv);
    throw InputError(fileName,
                     "byte " + std::to_string(base + static_cast<std::size_t>(src - data) -
                                              static_cast<std::size_t>(invalidLength)),
                     "not valid " + converter + " text");
  }
  ucnv_close(cnv);
  std::string out;
  u.toUTF8String(out);
  return out;
}

// NUL bytes at every other position are UTF-16 text that lost (or never had) its BOM.
std::string nulProblem(const std::string& bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size() & ~std::size_t{1}, 512);
  int evenNuls = 0, oddNuls = 0;
  for (std::size_t i = 0; i < n; ++i) (i % 2 ? oddNuls : evenNuls) += bytes[i] == '\0';
  if (n >= 2 && (oddNuls == static_cast<int>(n / 2)) != (evenNuls == static_cast<int>(n / 2)))
    return std::string(
               "NUL bytes: this looks like UTF-16 without a byte-order mark; name it with "
               "--encoding ") +
           (oddNuls ? "UTF-16LE" : "UTF-16BE");
  return "binary file (NUL byte); not a text transcript";
}

std::string requireText(std::string normalized, const std::string& fileName) {
  if (normalized.find_first_not_of(" \t\n") == std::string::npos)
    throw InputError(fileName, "file", "no text (only white space)");
  return normalized;
}
}  // namespace

std::string normalizeUtf8(const std::string& utf8, const std::string& fileName,
                          const std::string& where) {
  if (auto bad = text::firstInvalidUtf8(utf8))
    throw InputError(
        fileName,
        where.empty() ? "byte " + std::to_string(*bad) : where + ": byte " + std::to_string(*bad),
        "invalid UTF-8");
  return text::normalize(utf8);
}

std::string decodeText(const std::string& bytes, const std::string& fileName,
                       const std::string& encoding) {
  // Before UTF-16: a UTF-32LE BOM starts with the UTF-16LE one, and read as UTF-16 its text
  // is every character followed by a NUL.
  if (startsWith(bytes, std::string_view("\xFF\xFE\0\0", 4)) ||
      startsWith(bytes, std::string_view("\0\0\xFE\xFF", 4))) {
    const bool le = bytes[0] == '\xFF';
    if ((bytes.size() - 4) % 4 != 0)
      throw InputError(fileName, "byte " + std::to_string(bytes.size() - (bytes.size() - 4) % 4),
                       "truncated UTF-32 text");
    return requireText(normalizeUtf8(convert(bytes.data() + 4, bytes.size() - 4,
                                             le ? "UTF-32LE" : "UTF-32BE", fileName, 4),
                                     fileName, ""),
                       fileName);
  }
  if (startsWith(bytes, "\xFF\xFE") || startsWith(bytes, "\xFE\xFF")) {
    const bool le = bytes[0] == '\xFF';
    if ((bytes.size() - 2) % 2 != 0)
      throw InputError(fileName, "byte " + std::to_string(bytes.size() - 1),
                       "truncated UTF-16 text");
    return requireText(normalizeUtf8(convert(bytes.data() + 2, bytes.size() - 2,
                                             le ? "UTF-16LE" : "UTF-16BE", fileName, 2),
                                     fileName, ""),
                       fileName);
  }
  const std::size_t bom = startsWith(bytes, "\xEF\xBB\xBF") ? 3 : 0;
  if (bom == 0 && !encoding.empty()) {
    std::string utf8 = convert(bytes.data(), bytes.size(), encoding, fileName, 0);
    // Only the decoded text can be checked: a byte offset would depend on the encoding.
    if (utf8.find('\0') != std::string::npos)
      throw InputError(fileName, "file",
                       "binary file (NUL character after decoding as " + encoding + ")");
    return requireText(normalizeUtf8(utf8, fileName, ""), fileName);
  }
  const std::string_view utf8 = std::string_view(bytes).substr(bom);
  if (auto nul = utf8.find('\0'); nul != std::string::npos)
    throw InputError(fileName, "byte " + std::to_string(nul + bom), nulProblem(bytes));
  if (auto bad = text::firstInvalidUtf8(utf8))
    throw InputError(fileName, "byte " + std::to_string(*bad + bom),
                     "invalid UTF-8; if the file uses another encoding, name it with --encoding");
  return requireText(text::normalize(utf8), fileName);
}

}  // namespace cmoc::importers

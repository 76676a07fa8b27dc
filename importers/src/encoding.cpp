#include "encoding.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "cmoc/error.h"
#include "cmoc/text.h"

namespace cmoc::importers {

namespace {
bool startsWith(const std::string& s, std::string_view prefix) {
  return s.size() >= prefix.size() && std::string_view(s).substr(0, prefix.size()) == prefix;
}

std::string convert(const char* data, std::size_t size, const std::string& converter,
                    const std::string& fileName) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(converter.c_str(), &status);
  if (U_FAILURE(status)) throw InputError(fileName, "--encoding", "unknown encoding '" + converter + "'");
  // Stop at the first unmappable or illegal sequence rather than inserting U+FFFD silently.
  ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString u(data, static_cast<int32_t>(size), cnv, status);
  if (U_FAILURE(status)) {
    // Locate the failure: convert prefixes would be slow; report the converter's position.
    ucnv_reset(cnv);
    const char* src = data;
    const char* limit = data + size;
    UChar buf[1024];
    UErrorCode st = U_ZERO_ERROR;
    while (src < limit && U_SUCCESS(st)) {
      UChar* target = buf;
      st = U_ZERO_ERROR;
      ucnv_toUnicode(cnv, &target, buf + 1024, &src, limit, nullptr, true, &st);
      if (st == U_BUFFER_OVERFLOW_ERROR) st = U_ZERO_ERROR;
    }
    ucnv_close(cnv);
    throw InputError(fileName, "byte " + std::to_string(src - data),
                     "not valid " + converter + " text");
  }
  ucnv_close(cnv);
  std::string out;
  u.toUTF8String(out);
  return out;
}
}  // namespace

std::string normalizeUtf8(const std::string& utf8, const std::string& fileName, const std::string& where) {
  if (auto bad = text::firstInvalidUtf8(utf8))
    throw InputError(fileName, where.empty() ? "byte " + std::to_string(*bad) : where + ": byte " + std::to_string(*bad),
                     "invalid UTF-8");
  return text::normalize(utf8);
}

std::string decodeText(const std::string& bytes, const std::string& fileName,
                       const std::string& encoding) {
  std::string utf8;
  std::size_t offset = 0;  // bytes skipped (BOM), so offsets in errors are the file's
  if (startsWith(bytes, "\xEF\xBB\xBF")) {
    offset = 3;
    utf8 = bytes.substr(3);
  } else if (startsWith(bytes, "\xFF\xFE") || startsWith(bytes, "\xFE\xFF")) {
    const bool le = bytes[0] == '\xFF';
    if ((bytes.size() - 2) % 2 != 0)
      throw InputError(fileName, "byte " + std::to_string(bytes.size() - 1), "truncated UTF-16 text");
    utf8 = convert(bytes.data() + 2, bytes.size() - 2, le ? "UTF-16LE" : "UTF-16BE", fileName);
    return normalizeUtf8(utf8, fileName, "");
  } else if (!encoding.empty()) {
    return normalizeUtf8(convert(bytes.data(), bytes.size(), encoding, fileName), fileName, "");
  } else {
    utf8 = bytes;
  }
  if (auto nul = utf8.find('\0'); nul != std::string::npos)
    throw InputError(fileName, "byte " + std::to_string(nul + offset),
                     "binary file (NUL byte); not a text transcript");
  if (auto bad = text::firstInvalidUtf8(utf8))
    throw InputError(fileName, "byte " + std::to_string(*bad + offset),
                     "invalid UTF-8; if the file uses another encoding, name it with --encoding");
  std::string normalized = text::normalize(utf8);
  if (normalized.find_first_not_of(" \t\n") == std::string::npos)
    throw InputError(fileName, "file", "no text (only white space)");
  return normalized;
}

}  // namespace cmoc::importers

#pragma once
// Decoding plain-text bytes to normalised UTF-8 (NFC, LF).
#include <string>

namespace cmoc::importers {
// UTF-8 with or without BOM and UTF-16 and UTF-32 LE/BE with BOM are recognised; any other encoding
// must be named (`encoding`, an ICU converter name). Throws InputError: invalid UTF-8 names the
// byte offset; NUL bytes in undeclared text mean a binary file.
std::string decodeText(const std::string& bytes, const std::string& fileName,
                       const std::string& encoding);
// Normalises already-UTF-8 text from a container format (docx, odt), validating it.
std::string normalizeUtf8(const std::string& utf8, const std::string& fileName,
                          const std::string& where);
}  // namespace cmoc::importers

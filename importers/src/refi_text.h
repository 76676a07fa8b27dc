#pragma once
// Source text inside REFI-QDA files: decoding it as the tool wrote it, comparing a selection's
// `name` with the text it claims to quote.
#include <string>
#include <string_view>

namespace cmoc::importers::refi_text {

// The text file's bytes as UTF-8 without a BOM: UTF-8 (BOM optional), UTF-16 with a BOM, or
// UTF-16 without one when its NUL bytes show it; text holding a NUL character is refused.
// Line ends and normalisation are left as written, since positions count them. Throws
// InputError at `where` for invalid UTF-8 or UTF-16.
std::string decodeRaw(const std::string& bytes, const std::string& fileName,
                      const std::string& where);

// Whether `name` quotes `text`: equal after NFC and collapsing white space, or a prefix of it
// when `name` ends in an ellipsis (ATLAS.ti cuts long quotations at 100 characters with "…").
// Names that are labels rather than quotes ("line:6", "Quotation 6:1") simply do not match.
bool quotes(std::string_view name, std::string_view text);

}  // namespace cmoc::importers::refi_text

#pragma once
// BibTeX values are TeX: accents as \'e, {\"o}, \c{c}; letters as {\o}, \ss, \aa; braces that
// protect case; ~ and -- for spaces and dashes. btparse parses the entries but leaves the TeX,
// and Debian has no library that turns it into Unicode for C++, so this small table does.
#include <string>
#include <string_view>

namespace cmoc::importers {

// The text a reader sees, NFC UTF-8: "Ren{\'e}e L{\o}v{\aa}s" -> "Renée Løvås". Unknown
// commands drop out and keep their argument (\emph{Trust} -> "Trust"); whitespace collapses.
std::string texToUnicode(std::string_view tex);

}  // namespace cmoc::importers

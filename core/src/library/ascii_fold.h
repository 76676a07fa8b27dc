#pragma once
// Names and titles as plain lower-case ASCII words, for matching a study to a paper's file name
// or text and for making citation keys: "Løvås" -> "lovas", "Martínez-Núñez" -> "martinez-nunez".
// text::fold keeps letters with no decomposition (ø, ł, ß); file names spell them in ASCII.
#include <string>
#include <string_view>

namespace cmoc::library {

std::string asciiFold(std::string_view utf8);
// asciiFold, then every run of characters other than a-z and 0-9 as one space, trimmed:
// "Trust before structure:\nhow" -> "trust before structure how".
std::string matchWords(std::string_view utf8);

}  // namespace cmoc::library

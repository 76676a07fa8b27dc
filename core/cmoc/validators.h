#pragma once
// Checks of values that come from users and files, each written once, so that every command and
// importer accepts and refuses the same colours and times.
#include <string>
#include <string_view>

namespace cmoc::validate {

// "#RRGGBB", the form the store keeps.
bool isSixDigitColour(std::string_view c);
// "#RGB" or "#RRGGBB", the forms REFI-QDA allows.
bool isColour(std::string_view c);
// "#abc" -> "#aabbcc", "#RRGGBB" as it is, anything else -> "".
std::string sixDigitColour(std::string_view c);

// "2026-11-26T07:05:00Z": the store's UTC time, with seconds and no fraction.
bool isIsoUtc(std::string_view t);

}  // namespace cmoc::validate

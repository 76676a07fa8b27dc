#pragma once
// What a REFI-QDA XML file may hold beyond what pugixml checks: pugixml reads "&#1;",
// "&#xFFFE;" and "&#xD800;" (a lone surrogate, which it writes as invalid UTF-8), none of which
// XML 1.0 allows, so a name holding one would make the project's own export refused by its own
// import. And names have a length limit (cmoc::kMaxNameLength).
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace cmoc::importers::refi_parse {

// Throws InputError(fileName, "entry:line:column /Path/To/Element", problem) for the first
// attribute or text that holds a character XML does not allow or is not valid UTF-8, or a
// `name` attribute over the limit. `xml` is the parsed text, for the line and column.
void refuseBadCharactersAndLongNames(const pugi::xml_document& doc, std::string_view xml,
                                     const std::string& fileName, const std::string& entry);

}  // namespace cmoc::importers::refi_parse

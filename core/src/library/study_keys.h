#pragma once
// Citation keys for references that bring none (RIS has no key field that Zotero, EndNote and
// Mendeley agree on): the first author's family name in ASCII and the year, "okonkwo2019",
// "nd" for no year, and "a", "b" ... after it when the library holds the key already.
#include <set>
#include <string>

#include "cmoc/library.h"

namespace cmoc::library {

std::string makeKey(const Reference& r, const std::set<std::string>& taken);

}  // namespace cmoc::library

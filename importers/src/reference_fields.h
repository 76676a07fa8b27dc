#pragma once
// What the RIS and BibTeX readers share: trimming values, finding a year, the "name: value"
// notes that become attributes, a DOI given only as a doi.org link.
#include <optional>
#include <string>

#include "cmoc/library.h"

namespace cmoc::importers {

std::string trimField(const std::string& s);
// The first four-digit number from 1000 to 2999 in "2019", "2019/04/01/", "Spring 2019".
std::optional<int> yearIn(const std::string& s);
// "country: Ghana" or "design = case study" becomes the field (country, Ghana); other text is
// not a field (a plain keyword) and is left out.
void addNamedValue(Reference& r, const std::string& text);
// "https://doi.org/10.5555/x" -> "10.5555/x"; "" for any other link.
std::string doiFromUrl(const std::string& url);

}  // namespace cmoc::importers

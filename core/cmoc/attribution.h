#pragma once
// How a quote from a paper names where it comes from: "paper-01-hartley.pdf, p. 4". Excerpts,
// CMOC tables and search hits all ask here, so the study library can put "Smith et al. 2019"
// in place of the file name in one place.
#include <cstdint>
#include <string>
#include <string_view>

namespace cmoc {

std::string paperAttribution(std::string_view paperName, std::int64_t page);

}  // namespace cmoc

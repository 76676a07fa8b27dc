#pragma once
// How a quote from a paper names where it comes from: "paper-01-hartley.pdf, p. 4", or, once the
// paper is linked to its study in the library (cmoc/library.h), the study's citation: "Hartley
// and Osei 2017, p. 4". Excerpts, CMOC tables and search hits all ask here.
#include <cstdint>
#include <string>
#include <string_view>

namespace cmoc {

// `studyCitation` is the linked study's (studyCitation() in cmoc/library.h); empty: unlinked.
std::string paperAttribution(std::string_view paperName, std::int64_t page,
                             std::string_view studyCitation = {});

}  // namespace cmoc

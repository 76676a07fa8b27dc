#include "cmoc/attribution.h"

namespace cmoc {

std::string paperAttribution(std::string_view paperName, std::int64_t page,
                             std::string_view studyCitation) {
  return std::string(studyCitation.empty() ? paperName : studyCitation) + ", p. " +
         std::to_string(page);
}

}  // namespace cmoc

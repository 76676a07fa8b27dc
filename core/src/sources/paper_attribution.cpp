#include "cmoc/attribution.h"

namespace cmoc {

std::string paperAttribution(std::string_view paperName, std::int64_t page) {
  return std::string(paperName) + ", p. " + std::to_string(page);
}

}  // namespace cmoc

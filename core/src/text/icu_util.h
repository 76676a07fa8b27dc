#pragma once
// Private ICU helper for core's sources: one place that turns a failed UErrorCode into an error.
#include <unicode/utypes.h>

#include <string>

#include "cmoc/error.h"

namespace cmoc {
inline void icuCheck(UErrorCode status, const char* what) {
  if (U_FAILURE(status))
    throw Error(std::string("ICU failure in ") + what + ": " + u_errorName(status));
}
}  // namespace cmoc

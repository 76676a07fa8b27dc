#pragma once
// The agreement report as `cmoc agree --format md` writes it, for the demo to save as a file.
#include <ostream>

#include "cmoc/agreement.h"

namespace cmoc::cli {

void writeAgreementMarkdown(std::ostream& out, const AgreementReport& report);

}  // namespace cmoc::cli

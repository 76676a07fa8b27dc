#pragma once
// `cmoc agree PROJECT --coders A,B --cmocs`: agreement on CMOCs rather than codings
// (commands_agree_cmocs.cpp); `agree` hands over when --cmocs is given.
#include "args.h"

namespace cmoc::cli {
int runCmocAgreement(const Args& args);
}  // namespace cmoc::cli

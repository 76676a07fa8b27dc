#pragma once
// The auto-link report: which study each paper was matched to and how, or why not. Printed by
// `cmoc library import`, by `cmoc import` of papers into a project with a library, and the demo.
#include <ostream>
#include <vector>

#include "cmoc/library.h"

namespace cmoc::cli {

// "Linked 6 of 7 papers to studies:" then a line per paper:
//   "  paper-03-....pdf -> okonkwo2019 (DOI 10.5555/hisr.2019.0417)"
//   "  not matched: paper-08.pdf (no study's DOI, first author and year, or title)"
// Nothing when there were no papers to link.
void printLinks(std::ostream& out, const std::vector<PaperMatch>& links);

}  // namespace cmoc::cli

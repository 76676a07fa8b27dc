#pragma once
// A small study for CMOC table and export tests: two interviews whose participants' names
// appear inside the coded quotes (one of them accented, and once written without its accent),
// a quote holding "<&>", a CMOC backed by both sources and one backed by a single source.
//
//   a.txt  Gwen Pritchard (19; director; alliance 2)
//   b.txt  Zoë Adebayo-Müller (27; nurse; northshore group)
//   CMOC 1  Slow pace -> Conflict -> Reduced trust, affirms, codings 1-5 (2 sources)
//   CMOC 2  Slow pace -> Trust -> Reduced trust, refines CMOC 1, coding 3 (1 source: fails)
#include <filesystem>

namespace cmoc::test {

void buildCmocTableStudy(const std::filesystem::path& project);

}  // namespace cmoc::test

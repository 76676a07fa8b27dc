#pragma once
// Reading a CMOCs CSV with the columns
//   key,context,mechanism,outcome,status,prior,memo,evidence,feeds
// `key` names the row (kept as the CMOC's label); `status` is affirms, refines, refutes or novel
// (empty: novel); `prior` is an earlier row's key; `evidence` lists
// `SLOT:SOURCE@START-END` separated by `;` (slot context, mechanism or outcome, or c/m/o; the
// coding of SOURCE with that span); `feeds` lists the keys of CMOCs whose context this CMOC's
// outcome feeds (chain links), separated by `;`. `prior`, `memo`, `evidence` and `feeds` are
// optional columns. Core stores the rows (cmoc::importCmocs).
#include <filesystem>
#include <string>
#include <vector>

#include "cmoc/cmoc_bulk.h"

namespace cmoc::importers {

// Throws InputError(file, "line N", problem) for a missing column, an empty key or code, an
// unknown status or slot, or evidence not of the form SLOT:SOURCE@START-END.
// `encoding` names a legacy encoding ("windows-1252"); empty: UTF-8 or UTF-16 with a BOM.
std::vector<CmocRow> loadCmocsCsv(const std::filesystem::path& file,
                                  const std::string& encoding = "");
std::vector<CmocRow> parseCmocsCsv(const std::string& text, const std::string& fileName);

}  // namespace cmoc::importers

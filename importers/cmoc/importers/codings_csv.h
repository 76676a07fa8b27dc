#pragma once
// Reading a codings CSV: `source,start,end,code,coder,memo` (a span in code points) or
// `source,turn,code,coder,memo` (a whole speaker turn, numbered from 1). The header decides
// which; `coder` and `memo` are optional, other columns are ignored. Core stores the rows
// (cmoc::importCodings).
#include <filesystem>
#include <string>
#include <vector>

#include "cmoc/coding_bulk.h"

namespace cmoc::importers {

// Throws InputError(file, "line N", problem) for a missing column, an empty source or code,
// or a number that is not a whole number (or a turn below 1).
// `encoding` names a legacy encoding ("windows-1252"); empty: UTF-8 or UTF-16 with a BOM.
std::vector<CodingRow> loadCodingsCsv(const std::filesystem::path& file,
                                      const std::string& encoding = "");
// The same, from text already read; `fileName` is used in errors.
std::vector<CodingRow> parseCodingsCsv(const std::string& text, const std::string& fileName);

}  // namespace cmoc::importers

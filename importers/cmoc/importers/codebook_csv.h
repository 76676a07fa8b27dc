#pragma once
// Codebook CSV: one row per code, placed by its path. Nothing here writes to a project;
// Codebook::importRows stores the rows all or none.
//
// Columns (a header row is required; names are case-insensitive; any order):
//   path        "Parent/Child" ('/' inside a name written "\/"). Instead of path, a file may give
//               `name` and an optional `parent` path.
//   kind        context, mechanism, outcome or other (also c, m, o); empty: other
//   definition, inclusion, exclusion, memo    free text
//   color       #RRGGBB ("colour" is accepted as the column name too)
//   origin      deductive or inductive; empty: deductive
//   created     YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC); empty: the time of import
// Rows may come in any order. A parent the file does not list is created as a grouping code of
// kind `other`. For a code already in the project, the row's fields replace its own, except
// that an absent column, or an empty kind, origin or created cell, leaves the field as it was.
// Unknown or repeated columns, and bad cells, are InputErrors at "line N, column M".
#include <filesystem>
#include <string>
#include <vector>

#include "cmoc/codebook.h"

namespace cmoc::importers {

// `encoding` names the file's encoding when it is not UTF-8 or UTF-16 (an ICU converter name).
std::vector<CodebookRow> loadCodebookCsv(const std::filesystem::path& file,
                                         const std::string& encoding = "");
// The same from text already read and decoded (tests and fuzzing use this).
std::vector<CodebookRow> parseCodebookCsv(const std::string& text, const std::string& fileName);

}  // namespace cmoc::importers

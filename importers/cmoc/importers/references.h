#pragma once
// Reference files as reference managers export them: RIS (Zotero, EndNote, Mendeley; `.ris`,
// EndNote's `.txt`) and BibTeX (`.bib`, read with btparse). Each turns into a
// cmoc::ReferenceFile, its text NFC UTF-8 with TeX escapes resolved, or throws InputError naming
// the file and line. Nothing here writes to a project; cmoc::Library stores what they return.
#include <filesystem>
#include <string>

#include "cmoc/library.h"

namespace cmoc::importers {

// Picks the reader by extension (.ris, .bib), else by content; throws InputError for a file
// that is neither, or is empty. UTF-8 and UTF-16 with a BOM are recognised; any other encoding
// must be named (`encoding`, an ICU converter name such as "windows-1252").
ReferenceFile loadReferences(const std::filesystem::path& file, const std::string& encoding = "");

// The readers on text already decoded (UTF-8, LF line ends, no BOM), named `fileName` in errors.
ReferenceFile parseRis(const std::string& text, const std::string& fileName);
ReferenceFile parseBibtex(const std::string& text, const std::string& fileName);

// A field name as an attribute name: lower case, spaces and hyphens as underscores
// ("Partnership Type" -> "partnership_type").
std::string attributeName(const std::string& field);

}  // namespace cmoc::importers

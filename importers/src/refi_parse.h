#pragma once
// Reading the XML of a REFI-QDA project (.qde) or codebook (.qdc) into exchange values, before
// source texts are resolved and positions converted (refi_qda.cpp does both).
#include <cstdint>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "cmoc/refi.h"

namespace cmoc::importers::refi_parse {

// Where a source's text is, as the file says; parallel to Exchange::sources.
struct SourceText {
  std::string plainTextPath, richTextPath;
  bool hasContent = false;  // PlainTextContent given inline
  std::string content;
  std::vector<std::pair<std::int64_t, std::int64_t>> positions;  // per selection, as written
};

// A note's text file, when it is not inline; parallel to Exchange::notes.
struct NoteText {
  std::string plainTextPath;
};

struct Reference {
  std::string guid, where;
};

struct Parsed {
  refi::Exchange exchange;
  std::vector<SourceText> texts;
  std::vector<NoteText> noteTexts;
  std::vector<Reference> codeRefs;  // Coding/CodeRef: must name a code of the file
  std::vector<Reference> userRefs;  // creatingUser, modifyingUser: must name a user of the file
};

// `entry` names the XML inside its container in messages ("project.qde"); `xml` is the text
// the document was parsed from, for line numbers.
Parsed parse(const pugi::xml_document& doc, const std::string& fileName, const std::string& entry,
             std::string_view xml, refi::ImportReport& report);

// ISO 8601 with or without zone or fraction -> "YYYY-MM-DDTHH:MM:SSZ" (UTC); empty if unreadable.
std::string utcTime(std::string_view t);

}  // namespace cmoc::importers::refi_parse

#pragma once
// Writing REFI-QDA XML that validates: attribute and text helpers that keep every value legal
// (cleaned text, normalised GUIDs, ISO times, colours), and the writers of elements a project
// holds in more than one way (a Note, a Set, a Graph), so each is spelled once. What goes into
// the documents is refi_export.cpp's business.
#include <pugixml.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cmoc/refi.h"

namespace cmoc::refi::xml_out {

// XML 1.0 forbids most C0 controls and U+FFFE/U+FFFF even escaped; a stray one in a memo must
// not make the whole export unreadable, so it becomes U+FFFD.
std::string clean(std::string_view s);

// "#RRGGBB" or "#RGB": what the schema accepts; anything else is left out.
bool isColor(const std::string& c);

// Attributes: always, only when not empty, only a well-formed GUID, only an ISO 8601 time.
void attr(pugi::xml_node n, const char* name, const std::string& value);
void optAttr(pugi::xml_node n, const char* name, const std::string& value);
void guidAttr(pugi::xml_node n, const char* name, const std::string& guid);
void timeAttr(pugi::xml_node n, const char* name, const std::string& t);

// A child element holding `text`, left out when the text is empty.
void textChild(pugi::xml_node n, const char* name, const std::string& text);

// One child element `name` per GUID, the GUID in `attrName`.
void refs(pugi::xml_node n, const char* name, const std::vector<std::string>& guids,
          const char* attrName = "targetGUID");

// Who made an element and when. A user is named only when the file lists it (the schema wants
// every user reference resolved); the Project spells the attribute "creatingUserGUID".
void created(pugi::xml_node n, const Stamp& s, const std::set<std::string>& users,
             const char* userAttr = "creatingUser");

// Who made and last changed an element, and when; see created().
void stamp(pugi::xml_node n, const Stamp& s, const std::set<std::string>& users,
           const char* creatingAttr = "creatingUser", const char* modifyingAttr = "modifyingUser");

// The XML declaration and the root element in namespace `ns`, naming the schema it follows.
pugi::xml_node startDocument(pugi::xml_document& doc, const char* rootName, const char* ns,
                             const char* schemaLocation);

// The document as UTF-8 text, indented two spaces.
std::string save(const pugi::xml_document& doc);

// One Note: the project's own memos and the ones our conventions derive are written alike.
void writeNote(pugi::xml_node notes, const Note& note, const std::set<std::string>& users);

// One Set: code groups, CMOCs and other tools' sets are all written through here. A member's
// GUID is `targetGUID` in a project and `guid` in a codebook (each schema's spelling).
void writeSet(pugi::xml_node sets, const Set& s, const char* memberAttr = "targetGUID");

// One Graph: the chain network we draw and other tools' graphs are written alike.
void writeGraph(pugi::xml_node graphs, const Graph& graph);

}  // namespace cmoc::refi::xml_out

// See refi_xml_out.h.
#include "refi_xml_out.h"

#include <regex>
#include <sstream>

#include "cmoc/validators.h"

namespace cmoc::refi::xml_out {

namespace {

bool isTime(const std::string& t) {
  static const std::regex iso(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)");
  return std::regex_match(t, iso);
}

}  // namespace

std::string clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += "\xEF\xBF\xBD";
      continue;
    }
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) == 0xBE ||
         static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
      out += "\xEF\xBF\xBD";
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

bool isColor(const std::string& c) { return validate::isColour(c); }

void attr(pugi::xml_node n, const char* name, const std::string& value) {
  n.append_attribute(name).set_value(clean(value).c_str());
}

void optAttr(pugi::xml_node n, const char* name, const std::string& value) {
  if (!value.empty()) attr(n, name, value);
}

void guidAttr(pugi::xml_node n, const char* name, const std::string& guid) {
  const std::string g = normalizeGuid(guid);
  if (!g.empty()) n.append_attribute(name).set_value(g.c_str());
}

void timeAttr(pugi::xml_node n, const char* name, const std::string& t) {
  if (isTime(t)) n.append_attribute(name).set_value(t.c_str());
}

void textChild(pugi::xml_node n, const char* name, const std::string& text) {
  if (text.empty()) return;
  n.append_child(name).append_child(pugi::node_pcdata).set_value(clean(text).c_str());
}

void refs(pugi::xml_node n, const char* name, const std::vector<std::string>& guids,
          const char* attrName) {
  for (const std::string& g : guids) guidAttr(n.append_child(name), attrName, g);
}

void created(pugi::xml_node n, const Stamp& s, const std::set<std::string>& users,
             const char* userAttr) {
  if (users.count(s.creatingUser)) guidAttr(n, userAttr, s.creatingUser);
  timeAttr(n, "creationDateTime", s.created);
}

void stamp(pugi::xml_node n, const Stamp& s, const std::set<std::string>& users,
           const char* creatingAttr, const char* modifyingAttr) {
  created(n, s, users, creatingAttr);
  if (users.count(s.modifyingUser)) guidAttr(n, modifyingAttr, s.modifyingUser);
  timeAttr(n, "modifiedDateTime", s.modified);
}

pugi::xml_node startDocument(pugi::xml_document& doc, const char* rootName, const char* ns,
                             const char* schemaLocation) {
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "utf-8";
  pugi::xml_node root = doc.append_child(rootName);
  root.append_attribute("xmlns") = ns;
  root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  root.append_attribute("xsi:schemaLocation") = schemaLocation;
  return root;
}

void writeNote(pugi::xml_node notes, const Note& note, const std::set<std::string>& users) {
  pugi::xml_node e = notes.append_child("Note");
  guidAttr(e, "guid", note.guid);
  optAttr(e, "name", note.name);
  stamp(e, note.stamp, users);
  textChild(e, "Description", note.description);
  textChild(e, "PlainTextContent", note.text);
}

void writeSet(pugi::xml_node sets, const Set& s, const char* memberAttr) {
  pugi::xml_node e = sets.append_child("Set");
  guidAttr(e, "guid", s.guid);
  attr(e, "name", s.name);
  textChild(e, "Description", s.description);
  refs(e, "MemberCode", s.memberCodes, memberAttr);
  refs(e, "MemberSource", s.memberSources, memberAttr);
  refs(e, "MemberNote", s.memberNotes, memberAttr);
}

void writeGraph(pugi::xml_node graphs, const Graph& graph) {
  pugi::xml_node g = graphs.append_child("Graph");
  guidAttr(g, "guid", graph.guid);
  optAttr(g, "name", graph.name);
  for (const Vertex& vx : graph.vertices) {
    pugi::xml_node v = g.append_child("Vertex");
    guidAttr(v, "guid", vx.guid);
    guidAttr(v, "representedGUID", vx.represented);
    optAttr(v, "name", vx.name);
    v.append_attribute("firstX").set_value(static_cast<long long>(vx.firstX));
    v.append_attribute("firstY").set_value(static_cast<long long>(vx.firstY));
    if (vx.secondX) v.append_attribute("secondX").set_value(static_cast<long long>(*vx.secondX));
    if (vx.secondY) v.append_attribute("secondY").set_value(static_cast<long long>(*vx.secondY));
    optAttr(v, "shape", vx.shape);
    if (isColor(vx.color)) attr(v, "color", vx.color);
  }
  for (const Edge& ed : graph.edges) {
    pugi::xml_node e = g.append_child("Edge");
    guidAttr(e, "guid", ed.guid);
    guidAttr(e, "representedGUID", ed.represented);
    optAttr(e, "name", ed.name);
    guidAttr(e, "sourceVertex", ed.sourceVertex);
    guidAttr(e, "targetVertex", ed.targetVertex);
    if (isColor(ed.color)) attr(e, "color", ed.color);
    if (ed.direction)
      e.append_attribute("direction").set_value(std::string(toString(*ed.direction)).c_str());
    optAttr(e, "lineStyle", ed.lineStyle);
  }
}

std::string save(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

}  // namespace cmoc::refi::xml_out

// Writing REFI-QDA: project.qde and .qdc XML with pugixml, the .qdpx zip with libzip, both
// saved atomically. Our realist data is encoded into the standard's extension points here (and
// decoded in importers/src/refi_parse.cpp); docs/refi-qda.md describes the conventions.
#include "cmoc/refi_export.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "cmoc/atomic_file.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "export/zip_archive.h"

namespace cmoc::refi {

namespace {

constexpr const char* kProjectNs = "urn:QDA-XML:project:1.0";
constexpr const char* kCodebookNs = "urn:QDA-XML:codebook:1.0";
constexpr const char* kProjectSchema =
    "urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd";
constexpr const char* kCodebookSchema =
    "urn:QDA-XML:codebook:1.0 http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd";
constexpr const char* kOrigin = "CMOC Workbench 0.1.0";

// XML 1.0 forbids most C0 controls and U+FFFE/U+FFFF even escaped; a stray one in a memo must
// not make the whole export unreadable, so it becomes U+FFFD.
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

bool isTime(const std::string& t) {
  static const std::regex iso(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)");
  return std::regex_match(t, iso);
}

bool isColor(const std::string& c) {
  static const std::regex rgb("#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})");
  return std::regex_match(c, rgb);
}

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
          const char* attrName = "targetGUID") {
  for (const std::string& g : guids) guidAttr(n.append_child(name), attrName, g);
}

void stamp(pugi::xml_node n, const Stamp& s, const std::set<std::string>& users) {
  if (users.count(s.creatingUser)) guidAttr(n, "creatingUser", s.creatingUser);
  timeAttr(n, "creationDateTime", s.created);
  if (users.count(s.modifyingUser)) guidAttr(n, "modifyingUser", s.modifyingUser);
  timeAttr(n, "modifiedDateTime", s.modified);
}

std::string kindSetGuid(CodeKind k) { return derivedGuid("kind-set:" + std::string(toString(k))); }
std::string originSetGuid(CodeOrigin o) {
  return derivedGuid("origin-set:" + std::string(toString(o)));
}
std::string codeMemoGuid(const std::string& code) { return derivedGuid("code-memo:" + code); }
std::string chainMemoGuid(const std::string& chain) { return derivedGuid("chain-memo:" + chain); }

// Every code, depth-first, with its name for CMOC descriptions.
void collectCodes(const std::vector<Code>& codes, std::vector<const Code*>& out) {
  std::vector<const Code*> stack;
  for (auto it = codes.rbegin(); it != codes.rend(); ++it) stack.push_back(&*it);
  while (!stack.empty()) {
    const Code* c = stack.back();
    stack.pop_back();
    out.push_back(c);
    for (auto it = c->children.rbegin(); it != c->children.rend(); ++it) stack.push_back(&*it);
  }
}

// Codes nest as deep as the codebook does; written without recursion, like it is read.
void writeCodes(pugi::xml_node parent, const std::vector<Code>& codes, bool project) {
  struct Frame {
    pugi::xml_node into;
    const std::vector<Code>* list;
    std::size_t next;
  };
  std::vector<Frame> stack{{parent, &codes, 0}};
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (f.next == f.list->size()) {
      stack.pop_back();
      continue;
    }
    const Code& c = (*f.list)[f.next++];
    pugi::xml_node n = f.into.append_child("Code");
    guidAttr(n, "guid", c.guid);
    attr(n, "name", c.name);
    n.append_attribute("isCodable").set_value(c.codable ? "true" : "false");
    if (isColor(c.color)) attr(n, "color", c.color);
    textChild(n, "Description", codeDescription(c.text, !project));
    if (project) {
      if (!c.text.memo.empty())
        guidAttr(n.append_child("NoteRef"), "targetGUID", codeMemoGuid(c.guid));
      refs(n, "NoteRef", c.noteRefs);
    }
    if (!c.children.empty()) stack.push_back({n, &c.children, 0});
  }
}

// Sets of codes by kind and origin: what other tools show as code groups.
struct CodeGroups {
  std::vector<std::tuple<std::string, std::string, std::vector<std::string>>>
      sets;  // guid, name, codes
};

CodeGroups codeGroups(const std::vector<const Code*>& all) {
  CodeGroups g;
  for (CodeKind k : {CodeKind::Context, CodeKind::Mechanism, CodeKind::Outcome}) {
    std::vector<std::string> members;
    for (const Code* c : all)
      if (c->kind == k) members.push_back(c->guid);
    if (!members.empty())
      g.sets.emplace_back(kindSetGuid(k), std::string(kKindSetPrefix) + std::string(toString(k)),
                          members);
  }
  for (CodeOrigin o : {CodeOrigin::Deductive, CodeOrigin::Inductive}) {
    std::vector<std::string> members;
    for (const Code* c : all)
      if (c->origin == o) members.push_back(c->guid);
    if (!members.empty())
      g.sets.emplace_back(originSetGuid(o),
                          std::string(kOriginSetPrefix) + std::string(toString(o)), members);
  }
  return g;
}

std::string cmocDescription(const Cmoc& m, const std::map<std::string, const Code*>& codes) {
  auto name = [&](const std::string& g) {
    auto it = codes.find(g);
    return it == codes.end() ? std::string() : it->second->name;
  };
  std::string out(kCmocHeader);
  out += "\nIf " + name(m.context) + " then " + name(m.outcome) + " because " + name(m.mechanism);
  out += "\ncontext: {" + m.context + "} " + name(m.context);
  out += "\nmechanism: {" + m.mechanism + "} " + name(m.mechanism);
  out += "\noutcome: {" + m.outcome + "} " + name(m.outcome);
  out += "\nstatus: " + std::string(toString(m.status));
  if (!m.coder.empty()) out += "\ncoder: " + m.coder;
  if (!m.created.empty()) out += "\ncreated: " + m.created;
  if (!m.modified.empty()) out += "\nmodified: " + m.modified;
  if (!m.label.empty()) out += "\nlabel: " + m.label;
  if (!m.memo.empty()) out += "\nmemo:\n" + m.memo;
  return out;
}

std::string cmocName(const Cmoc& m, const std::map<std::string, const Code*>& codes) {
  if (!m.label.empty()) return "CMOC: " + m.label;
  auto name = [&](const std::string& g) {
    auto it = codes.find(g);
    return it == codes.end() ? std::string("?") : it->second->name;
  };
  return "CMOC: " + name(m.context) + " \u2192 " + name(m.mechanism) + " \u2192 " + name(m.outcome);
}

std::string save(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

ExportSummary summarize(const Exchange& x) {
  ExportSummary s;
  std::vector<const Code*> all;
  collectCodes(x.codes, all);
  s.codes = static_cast<std::int64_t>(all.size());
  s.sources = static_cast<std::int64_t>(x.sources.size());
  for (const Source& src : x.sources) {
    for (const Selection& sel : src.selections)
      s.codings += static_cast<std::int64_t>(sel.codings.size());
    s.codings += static_cast<std::int64_t>(src.codings.size());
  }
  s.notes = static_cast<std::int64_t>(x.notes.size());
  for (const Code* c : all) s.notes += c->text.memo.empty() ? 0 : 1;
  for (const Chain& ch : x.chains) s.notes += ch.memo.empty() ? 0 : 1;
  s.cases = static_cast<std::int64_t>(x.cases.size());
  s.variables = static_cast<std::int64_t>(x.variables.size());
  s.cmocs = static_cast<std::int64_t>(x.cmocs.size());
  s.chains = static_cast<std::int64_t>(x.chains.size());
  s.sets = static_cast<std::int64_t>(x.sets.size());
  s.links = static_cast<std::int64_t>(x.links.size());
  return s;
}

}  // namespace

std::string projectXml(const Exchange& x) {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "utf-8";
  pugi::xml_node root = doc.append_child("Project");
  root.append_attribute("xmlns") = kProjectNs;
  root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  root.append_attribute("xsi:schemaLocation") = kProjectSchema;
  attr(root, "name", x.name.empty() ? std::string("CMOC Workbench project") : x.name);
  attr(root, "origin", kOrigin);
  std::set<std::string> users;
  for (const User& u : x.users) users.insert(normalizeGuid(u.guid));
  if (users.count(x.stamp.creatingUser)) guidAttr(root, "creatingUserGUID", x.stamp.creatingUser);
  timeAttr(root, "creationDateTime", x.stamp.created);
  if (users.count(x.stamp.modifyingUser))
    guidAttr(root, "modifyingUserGUID", x.stamp.modifyingUser);
  timeAttr(root, "modifiedDateTime", x.stamp.modified);

  std::vector<const Code*> all;
  collectCodes(x.codes, all);
  std::map<std::string, const Code*> codeByGuid;
  for (const Code* c : all) codeByGuid[c->guid] = c;

  if (!x.users.empty()) {
    pugi::xml_node n = root.append_child("Users");
    for (const User& u : x.users) {
      pugi::xml_node e = n.append_child("User");
      guidAttr(e, "guid", u.guid);
      optAttr(e, "name", u.name);
      optAttr(e, "id", u.id);
    }
  }
  if (!x.codes.empty())
    writeCodes(root.append_child("CodeBook").append_child("Codes"), x.codes, true);
  if (!x.variables.empty()) {
    pugi::xml_node n = root.append_child("Variables");
    for (const Variable& v : x.variables) {
      pugi::xml_node e = n.append_child("Variable");
      guidAttr(e, "guid", v.guid);
      attr(e, "name", v.name);
      e.append_attribute("typeOfVariable").set_value(std::string(toString(v.type)).c_str());
      textChild(e, "Description", v.description);
    }
  }
  std::map<std::string, VariableType> variableType;
  for (const Variable& v : x.variables) variableType[v.guid] = v.type;
  auto values = [&](pugi::xml_node n, const std::vector<VariableValue>& vs) {
    for (const VariableValue& v : vs) {
      pugi::xml_node e = n.append_child("VariableValue");
      guidAttr(e.append_child("VariableRef"), "targetGUID", v.variable);
      const VariableType t =
          variableType.count(v.variable) ? variableType[v.variable] : VariableType::Text;
      const std::string element = std::string(toString(t)) + "Value";
      e.append_child(element.c_str())
          .append_child(pugi::node_pcdata)
          .set_value(clean(v.value).c_str());
    }
  };
  if (!x.cases.empty()) {
    pugi::xml_node n = root.append_child("Cases");
    for (const Case& c : x.cases) {
      pugi::xml_node e = n.append_child("Case");
      guidAttr(e, "guid", c.guid);
      optAttr(e, "name", c.name);
      textChild(e, "Description", c.description);
      refs(e, "CodeRef", c.codeRefs);
      values(e, c.values);
      refs(e, "SourceRef", c.sourceRefs);
      refs(e, "SelectionRef", c.selectionRefs);
    }
  }
  // A coding of a selection or of a whole source: the same element either way.
  auto coding = [&](pugi::xml_node parent, const Coding& c) {
    pugi::xml_node k = parent.append_child("Coding");
    guidAttr(k, "guid", c.guid);
    if (users.count(c.stamp.creatingUser)) guidAttr(k, "creatingUser", c.stamp.creatingUser);
    timeAttr(k, "creationDateTime", c.stamp.created);
    guidAttr(k.append_child("CodeRef"), "targetGUID", c.code);
    refs(k, "NoteRef", c.noteRefs);
  };
  if (!x.sources.empty()) {
    pugi::xml_node n = root.append_child("Sources");
    for (const Source& s : x.sources) {
      pugi::xml_node e = n.append_child("TextSource");
      guidAttr(e, "guid", s.guid);
      optAttr(e, "name", s.name);
      attr(e, "plainTextPath", "internal://" + normalizeGuid(s.guid) + ".txt");
      stamp(e, s.stamp, users);
      textChild(e, "Description", s.description);
      for (const Selection& sel : s.selections) {
        pugi::xml_node p = e.append_child("PlainTextSelection");
        guidAttr(p, "guid", sel.guid);
        optAttr(p, "name", sel.name);
        p.append_attribute("startPosition").set_value(static_cast<long long>(sel.start));
        p.append_attribute("endPosition").set_value(static_cast<long long>(sel.end));
        stamp(p, sel.stamp, users);
        textChild(p, "Description", sel.description);
        for (const Coding& c : sel.codings) coding(p, c);
        refs(p, "NoteRef", sel.noteRefs);
      }
      for (const Coding& c : s.codings) coding(e, c);
      refs(e, "NoteRef", s.noteRefs);
      values(e, s.values);
    }
  }

  // Notes: the project's memos, then the code memos and chain memos the conventions derive.
  std::vector<std::tuple<std::string, std::string, std::string>> derivedNotes;  // guid, name, text
  for (const Code* c : all)
    if (!c->text.memo.empty())
      derivedNotes.emplace_back(codeMemoGuid(c->guid), "Memo: " + c->name, c->text.memo);
  for (const Chain& ch : x.chains)
    if (!ch.memo.empty())
      derivedNotes.emplace_back(chainMemoGuid(ch.guid), "Memo: CMOC chain", ch.memo);
  if (!x.notes.empty() || !derivedNotes.empty()) {
    pugi::xml_node n = root.append_child("Notes");
    for (const Note& note : x.notes) {
      pugi::xml_node e = n.append_child("Note");
      guidAttr(e, "guid", note.guid);
      optAttr(e, "name", note.name);
      stamp(e, note.stamp, users);
      textChild(e, "Description", note.description);
      textChild(e, "PlainTextContent", note.text);
    }
    for (const auto& [guid, name, text] : derivedNotes) {
      pugi::xml_node e = n.append_child("Note");
      guidAttr(e, "guid", guid);
      attr(e, "name", name);
      textChild(e, "PlainTextContent", text);
    }
  }

  // Links: CMOC evidence, priors and chains, then the project's other links.
  std::set<std::string> cmocGuids;
  for (const Cmoc& m : x.cmocs) cmocGuids.insert(m.guid);
  const bool anyLinks = !x.links.empty() || !x.chains.empty() ||
                        std::any_of(x.cmocs.begin(), x.cmocs.end(), [](const Cmoc& m) {
                          return !m.evidence.empty() || !m.prior.empty();
                        });
  if (anyLinks) {
    pugi::xml_node n = root.append_child("Links");
    auto link = [&](const std::string& guid, const std::string& name, Direction d,
                    const std::string& from, const std::string& to) {
      pugi::xml_node e = n.append_child("Link");
      guidAttr(e, "guid", guid);
      attr(e, "name", name);
      e.append_attribute("direction").set_value(std::string(toString(d)).c_str());
      guidAttr(e, "originGUID", from);
      guidAttr(e, "targetGUID", to);
      return e;
    };
    for (const Cmoc& m : x.cmocs) {
      for (const auto& [slot, target] : m.evidence)
        link(derivedGuid("evidence:" + m.guid + ":" + std::string(toString(slot)) + ":" + target),
             std::string(kEvidenceLinkPrefix) + std::string(toString(slot)), Direction::OneWay,
             m.guid, target);
      if (!m.prior.empty())
        link(derivedGuid("prior:" + m.guid), std::string(kPriorLinkName), Direction::OneWay, m.guid,
             m.prior);
    }
    for (const Chain& ch : x.chains) {
      pugi::xml_node e =
          link(ch.guid, std::string(kChainLinkName), Direction::OneWay, ch.from, ch.to);
      if (!ch.memo.empty())
        guidAttr(e.append_child("NoteRef"), "targetGUID", chainMemoGuid(ch.guid));
    }
    for (const Link& l : x.links) {
      pugi::xml_node e = link(l.guid, l.name, l.direction, l.origin, l.target);
      if (isColor(l.color)) attr(e, "color", l.color);
      refs(e, "NoteRef", l.noteRefs);
    }
  }

  // Sets: code groups by kind and origin, one per CMOC, then the project's other sets.
  const CodeGroups groups = codeGroups(all);
  if (!groups.sets.empty() || !x.cmocs.empty() || !x.sets.empty()) {
    pugi::xml_node n = root.append_child("Sets");
    for (const auto& [guid, name, members] : groups.sets) {
      pugi::xml_node e = n.append_child("Set");
      guidAttr(e, "guid", guid);
      attr(e, "name", name);
      textChild(e, "Description", "Codes of this kind or origin in CMOC Workbench.");
      refs(e, "MemberCode", members);
    }
    for (const Cmoc& m : x.cmocs) {
      pugi::xml_node e = n.append_child("Set");
      guidAttr(e, "guid", m.guid);
      attr(e, "name", cmocName(m, codeByGuid));
      textChild(e, "Description", cmocDescription(m, codeByGuid));
      std::vector<std::string> members;
      for (const std::string* g : {&m.context, &m.mechanism, &m.outcome})
        if (std::find(members.begin(), members.end(), *g) == members.end()) members.push_back(*g);
      refs(e, "MemberCode", members);
      refs(e, "MemberNote", m.noteRefs);
    }
    for (const Set& s : x.sets) {
      pugi::xml_node e = n.append_child("Set");
      guidAttr(e, "guid", s.guid);
      attr(e, "name", s.name);
      textChild(e, "Description", s.description);
      refs(e, "MemberCode", s.memberCodes);
      refs(e, "MemberSource", s.memberSources);
      refs(e, "MemberNote", s.memberNotes);
    }
  }

  // Graphs: the CMOC chains as a network other tools can draw (a grid; they re-layout).
  if (!x.cmocs.empty() || !x.graphs.empty()) {
    pugi::xml_node n = root.append_child("Graphs");
    if (!x.cmocs.empty()) {
      pugi::xml_node g = n.append_child("Graph");
      guidAttr(g, "guid", derivedGuid("chain-graph"));
      attr(g, "name", std::string(kChainGraphName));
      std::map<std::string, std::string> vertexOf;
      std::int64_t i = 0;
      for (const Cmoc& m : x.cmocs) {
        pugi::xml_node v = g.append_child("Vertex");
        const std::string guid = derivedGuid("chain-vertex:" + m.guid);
        vertexOf[m.guid] = guid;
        guidAttr(v, "guid", guid);
        guidAttr(v, "representedGUID", m.guid);
        attr(v, "name", cmocName(m, codeByGuid));
        const std::int64_t x0 = 40 + (i % 4) * 300, y0 = 40 + (i / 4) * 160;
        v.append_attribute("firstX").set_value(static_cast<long long>(x0));
        v.append_attribute("firstY").set_value(static_cast<long long>(y0));
        v.append_attribute("secondX").set_value(static_cast<long long>(x0 + 240));
        v.append_attribute("secondY").set_value(static_cast<long long>(y0 + 100));
        v.append_attribute("shape").set_value("RoundedRectangle");
        ++i;
      }
      for (const Chain& ch : x.chains) {
        if (!vertexOf.count(ch.from) || !vertexOf.count(ch.to)) continue;
        pugi::xml_node e = g.append_child("Edge");
        guidAttr(e, "guid", derivedGuid("chain-edge:" + ch.guid));
        guidAttr(e, "representedGUID", ch.guid);
        guidAttr(e, "sourceVertex", vertexOf[ch.from]);
        guidAttr(e, "targetVertex", vertexOf[ch.to]);
        e.append_attribute("direction").set_value("OneWay");
      }
    }
    for (const Graph& gr : x.graphs) {
      pugi::xml_node g = n.append_child("Graph");
      guidAttr(g, "guid", gr.guid);
      optAttr(g, "name", gr.name);
      for (const Vertex& vx : gr.vertices) {
        pugi::xml_node v = g.append_child("Vertex");
        guidAttr(v, "guid", vx.guid);
        guidAttr(v, "representedGUID", vx.represented);
        optAttr(v, "name", vx.name);
        v.append_attribute("firstX").set_value(static_cast<long long>(vx.firstX));
        v.append_attribute("firstY").set_value(static_cast<long long>(vx.firstY));
        if (vx.secondX)
          v.append_attribute("secondX").set_value(static_cast<long long>(*vx.secondX));
        if (vx.secondY)
          v.append_attribute("secondY").set_value(static_cast<long long>(*vx.secondY));
        optAttr(v, "shape", vx.shape);
        if (isColor(vx.color)) attr(v, "color", vx.color);
      }
      for (const Edge& ed : gr.edges) {
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
  }
  textChild(root, "Description", x.description);
  refs(root, "NoteRef", x.noteRefs);
  return save(doc);
}

std::string codebookXml(const Exchange& x) {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "utf-8";
  pugi::xml_node root = doc.append_child("CodeBook");
  root.append_attribute("xmlns") = kCodebookNs;
  root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  root.append_attribute("xsi:schemaLocation") = kCodebookSchema;
  attr(root, "origin", kOrigin);
  pugi::xml_node codes = root.append_child("Codes");
  if (x.codes.empty()) {
    // The schema wants at least one code; an empty codebook is not worth a file.
    throw UsageError("the codebook is empty: nothing to export");
  }
  writeCodes(codes, x.codes, false);
  std::vector<const Code*> all;
  collectCodes(x.codes, all);
  const CodeGroups groups = codeGroups(all);
  if (!groups.sets.empty()) {
    pugi::xml_node n = root.append_child("Sets");
    for (const auto& [guid, name, members] : groups.sets) {
      pugi::xml_node e = n.append_child("Set");
      guidAttr(e, "guid", guid);
      attr(e, "name", name);
      textChild(e, "Description", "Codes of this kind or origin in CMOC Workbench.");
      refs(e, "MemberCode", members, "guid");  // the codebook schema's spelling
    }
  }
  return save(doc);
}

ExportSummary exportQdc(const Project& project, const std::filesystem::path& file) {
  const Exchange x = snapshot(project);
  writeAtomically(file, codebookXml(x));
  ExportSummary s;
  std::vector<const Code*> all;
  collectCodes(x.codes, all);
  s.codes = static_cast<std::int64_t>(all.size());
  return s;
}

ExportSummary exportQdpx(const Project& project, const std::filesystem::path& file) {
  Exchange x = snapshot(project);
  if (x.name.empty()) x.name = file.stem().string();
  AtomicFile out(file);
  exporting::ZipArchive zip(out.temp(), file.string());
  zip.add("project.qde", projectXml(x));
  zip.addDirectory("sources/");
  for (const Source& s : x.sources) zip.add("sources/" + lower(normalizeGuid(s.guid)) + ".txt", s.text);
  zip.close();
  out.commit();
  return summarize(x);
}

ExportSummary exportFile(const Project& project, const std::filesystem::path& file) {
  const std::string ext = lower(file.extension().string());
  if (ext == ".qdpx") return exportQdpx(project, file);
  if (ext == ".qdc") return exportQdc(project, file);
  throw UsageError(file.string() + ": export writes .qdpx (a project) or .qdc (a codebook)");
}

}  // namespace cmoc::refi

// Writing REFI-QDA: project.qde and .qdc XML with pugixml, the .qdpx zip with libzip, both
// saved atomically. Our realist data is encoded into the standard's extension points here (and
// decoded in importers/src/refi_parse.cpp); docs/refi-qda.md describes the conventions. The
// element writers that keep the XML valid are in refi_xml_out.cpp.
#include "cmoc/refi_export.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <pugixml.hpp>
#include <set>

#include "cmoc/atomic_file.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "export/zip_archive.h"
#include "refi_xml_out.h"

namespace cmoc::refi {

using namespace xml_out;  // the element writers, by their short names

namespace {

constexpr const char* kProjectNs = "urn:QDA-XML:project:1.0";
constexpr const char* kCodebookNs = "urn:QDA-XML:codebook:1.0";
constexpr const char* kProjectSchema =
    "urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd";
constexpr const char* kCodebookSchema =
    "urn:QDA-XML:codebook:1.0 http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd";
constexpr const char* kOrigin = "CMOC Workbench 0.1.0";

std::string kindSetGuid(CodeKind k) { return derivedGuid("kind-set:" + std::string(toString(k))); }
std::string originSetGuid(CodeOrigin o) {
  return derivedGuid("origin-set:" + std::string(toString(o)));
}
std::string codeMemoGuid(const std::string& code) { return derivedGuid("code-memo:" + code); }
std::string chainMemoGuid(const std::string& chain) { return derivedGuid("chain-memo:" + chain); }

// Every code, depth-first in codebook order (the order sets list their members in).
std::vector<const Code*> allCodes(const std::vector<Code>& codes) {
  std::vector<const Code*> out;
  std::vector<const Code*> stack;
  for (auto it = codes.rbegin(); it != codes.rend(); ++it) stack.push_back(&*it);
  while (!stack.empty()) {
    const Code* c = stack.back();
    stack.pop_back();
    out.push_back(c);
    for (auto it = c->children.rbegin(); it != c->children.rend(); ++it) stack.push_back(&*it);
  }
  return out;
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
      if (!c.text.memo.empty()) refs(n, "NoteRef", {codeMemoGuid(c.guid)});
      refs(n, "NoteRef", c.noteRefs);
    }
    if (!c.children.empty()) stack.push_back({n, &c.children, 0});
  }
}

// Sets of codes by kind and origin: what other tools show as code groups. Empty groups are left
// out.
std::vector<Set> codeGroups(const std::vector<const Code*>& all) {
  std::vector<Set> groups;
  auto group = [&](const std::string& guid, std::string_view prefix, std::string_view value,
                   auto isMember) {
    Set s;
    s.guid = guid;
    s.name = std::string(prefix) + std::string(value);
    s.description = "Codes of this kind or origin in CMOC Workbench.";
    for (const Code* c : all)
      if (isMember(*c)) s.memberCodes.push_back(c->guid);
    if (!s.memberCodes.empty()) groups.push_back(std::move(s));
  };
  for (CodeKind k : {CodeKind::Context, CodeKind::Mechanism, CodeKind::Outcome})
    group(kindSetGuid(k), kKindSetPrefix, toString(k), [k](const Code& c) { return c.kind == k; });
  for (CodeOrigin o : {CodeOrigin::Deductive, CodeOrigin::Inductive})
    group(originSetGuid(o), kOriginSetPrefix, toString(o),
          [o](const Code& c) { return c.origin == o; });
  return groups;
}

// The memos our conventions carry as notes of their own: each code's, then each chain's.
std::vector<Note> derivedNotes(const std::vector<const Code*>& all,
                               const std::vector<Chain>& chains) {
  std::vector<Note> out;
  auto note = [&](const std::string& guid, const std::string& name, const std::string& text) {
    Note n;
    n.guid = guid;
    n.name = name;
    n.text = text;
    out.push_back(std::move(n));
  };
  for (const Code* c : all)
    if (!c->text.memo.empty()) note(codeMemoGuid(c->guid), "Memo: " + c->name, c->text.memo);
  for (const Chain& ch : chains)
    if (!ch.memo.empty()) note(chainMemoGuid(ch.guid), "Memo: CMOC chain", ch.memo);
  return out;
}

// A code's name for CMOC names and descriptions; `unknown` for a GUID the codebook lacks.
std::string codeName(const std::map<std::string, const Code*>& codes, const std::string& guid,
                     const char* unknown) {
  auto it = codes.find(guid);
  return it == codes.end() ? std::string(unknown) : it->second->name;
}

std::string cmocDescription(const Cmoc& m, const std::map<std::string, const Code*>& codes) {
  auto name = [&](const std::string& g) { return codeName(codes, g, ""); };
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
  auto name = [&](const std::string& g) { return codeName(codes, g, "?"); };
  return "CMOC: " + name(m.context) + " \u2192 " + name(m.mechanism) + " \u2192 " + name(m.outcome);
}

// The CMOCs as a network other tools can draw: one vertex per CMOC on a grid (they re-layout),
// one edge per chain between two of them.
Graph chainGraph(const Exchange& x, const std::map<std::string, const Code*>& codeByGuid) {
  Graph g;
  g.guid = derivedGuid("chain-graph");
  g.name = std::string(kChainGraphName);
  std::map<std::string, std::string> vertexOf;
  std::int64_t i = 0;
  for (const Cmoc& m : x.cmocs) {
    Vertex v;
    v.guid = derivedGuid("chain-vertex:" + m.guid);
    vertexOf[m.guid] = v.guid;
    v.represented = m.guid;
    v.name = cmocName(m, codeByGuid);
    v.firstX = 40 + (i % 4) * 300;
    v.firstY = 40 + (i / 4) * 160;
    v.secondX = v.firstX + 240;
    v.secondY = v.firstY + 100;
    v.shape = "RoundedRectangle";
    g.vertices.push_back(std::move(v));
    ++i;
  }
  for (const Chain& ch : x.chains) {
    if (!vertexOf.count(ch.from) || !vertexOf.count(ch.to)) continue;
    Edge e;
    e.guid = derivedGuid("chain-edge:" + ch.guid);
    e.represented = ch.guid;
    e.sourceVertex = vertexOf[ch.from];
    e.targetVertex = vertexOf[ch.to];
    e.direction = Direction::OneWay;
    g.edges.push_back(std::move(e));
  }
  return g;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

ExportSummary summarize(const Exchange& x) {
  ExportSummary s;
  const std::vector<const Code*> all = allCodes(x.codes);
  s.codes = static_cast<std::int64_t>(all.size());
  s.sources = static_cast<std::int64_t>(x.sources.size());
  for (const Source& src : x.sources) {
    for (const Selection& sel : src.selections)
      s.codings += static_cast<std::int64_t>(sel.codings.size());
    s.codings += static_cast<std::int64_t>(src.codings.size());
  }
  s.notes = static_cast<std::int64_t>(x.notes.size() + derivedNotes(all, x.chains).size());
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
  pugi::xml_node root = startDocument(doc, "Project", kProjectNs, kProjectSchema);
  attr(root, "name", x.name.empty() ? std::string("CMOC Workbench project") : x.name);
  attr(root, "origin", kOrigin);
  std::set<std::string> users;
  for (const User& u : x.users) users.insert(normalizeGuid(u.guid));
  stamp(root, x.stamp, users, "creatingUserGUID", "modifyingUserGUID");

  const std::vector<const Code*> all = allCodes(x.codes);
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
    created(k, c.stamp, users);  // the schema gives a Coding no modification stamp
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
  const std::vector<Note> memoNotes = derivedNotes(all, x.chains);
  if (!x.notes.empty() || !memoNotes.empty()) {
    pugi::xml_node n = root.append_child("Notes");
    for (const Note& note : x.notes) writeNote(n, note, users);
    for (const Note& note : memoNotes) writeNote(n, note, users);
  }

  // Links: CMOC evidence, priors and chains, then the project's other links.
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
      if (!ch.memo.empty()) refs(e, "NoteRef", {chainMemoGuid(ch.guid)});
    }
    for (const Link& l : x.links) {
      pugi::xml_node e = link(l.guid, l.name, l.direction, l.origin, l.target);
      if (isColor(l.color)) attr(e, "color", l.color);
      refs(e, "NoteRef", l.noteRefs);
    }
  }

  // Sets: code groups by kind and origin, one per CMOC, then the project's other sets.
  const std::vector<Set> groups = codeGroups(all);
  if (!groups.empty() || !x.cmocs.empty() || !x.sets.empty()) {
    pugi::xml_node n = root.append_child("Sets");
    for (const Set& s : groups) writeSet(n, s);
    for (const Cmoc& m : x.cmocs) {
      Set s;
      s.guid = m.guid;
      s.name = cmocName(m, codeByGuid);
      s.description = cmocDescription(m, codeByGuid);
      for (const std::string* g : {&m.context, &m.mechanism, &m.outcome})
        if (std::find(s.memberCodes.begin(), s.memberCodes.end(), *g) == s.memberCodes.end())
          s.memberCodes.push_back(*g);
      s.memberNotes = m.noteRefs;
      writeSet(n, s);
    }
    for (const Set& s : x.sets) writeSet(n, s);
  }

  // Graphs: the CMOC chains as a network other tools can draw, then the project's other graphs.
  if (!x.cmocs.empty() || !x.graphs.empty()) {
    pugi::xml_node n = root.append_child("Graphs");
    if (!x.cmocs.empty()) writeGraph(n, chainGraph(x, codeByGuid));
    for (const Graph& gr : x.graphs) writeGraph(n, gr);
  }
  textChild(root, "Description", x.description);
  refs(root, "NoteRef", x.noteRefs);
  return save(doc);
}

std::string codebookXml(const Exchange& x) {
  pugi::xml_document doc;
  pugi::xml_node root = startDocument(doc, "CodeBook", kCodebookNs, kCodebookSchema);
  attr(root, "origin", kOrigin);
  pugi::xml_node codes = root.append_child("Codes");
  if (x.codes.empty()) {
    // The schema wants at least one code; an empty codebook is not worth a file.
    throw UsageError("the codebook is empty: nothing to export");
  }
  writeCodes(codes, x.codes, false);
  const std::vector<Set> groups = codeGroups(allCodes(x.codes));
  if (!groups.empty()) {
    pugi::xml_node n = root.append_child("Sets");
    for (const Set& s : groups) writeSet(n, s, "guid");
  }
  return save(doc);
}

ExportSummary exportQdc(const Project& project, const std::filesystem::path& file) {
  const Exchange x = snapshot(project);
  writeAtomically(file, codebookXml(x));
  ExportSummary s;
  s.codes = static_cast<std::int64_t>(allCodes(x.codes).size());
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

// The XML of REFI-QDA projects and codebooks into exchange values. Elements are matched by
// local name, so any namespace prefix or version (project:1.0, codebook:0:4, 1:0 ...) reads the
// same. Our own extension conventions (cmoc/refi.h) are decoded at the end.
#include "refi_parse.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <ctime>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "cmoc/error.h"
#include "cmoc/importers/refi_qda.h"
#include "refi_chars.h"
#include "refi_exchange.h"
#include "xml.h"

namespace cmoc::importers::refi_parse {

namespace {

std::string_view local(const pugi::xml_node& n) {
  std::string_view name = n.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_attribute attribute(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_attribute a : n.attributes()) {
    std::string_view an = a.name();
    const std::size_t colon = an.find(':');
    if (colon != std::string_view::npos && an.substr(0, colon) != "xmlns")
      an = an.substr(colon + 1);
    if (an == name) return a;
  }
  return {};
}

std::string attr(const pugi::xml_node& n, std::string_view name) {
  pugi::xml_attribute a = attribute(n, name);
  return a ? std::string(a.value()) : std::string();
}

// The text of an element: its character data, CDATA included.
std::string textOf(const pugi::xml_node& n) {
  std::string out;
  for (pugi::xml_node c : n.children())
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  return out;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The levels a top-level code's name makes: one, plus one for each "::" (counted up to just
// past the limit, which is all the check needs).
int nameLevels(std::string_view name) {
  int levels = 1;
  for (std::size_t at = name.find("::");
       at != std::string_view::npos && levels <= kMaxRefiCodeDepth; at = name.find("::", at + 2))
    ++levels;
  return levels;
}

// A name short enough for a one-line error: a hostile name can be megabytes long.
std::string shortName(const std::string& name) {
  constexpr std::size_t kShown = 60;
  if (name.size() <= kShown) return name;
  std::size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  return name.substr(0, cut) + "\u2026";
}

class Reader {
 public:
  Reader(const std::string& fileName, const std::string& entry, std::string_view xml,
         ImportReport& report, Parsed& out)
      : fileName_(fileName),
        entry_(entry),
        xml_(xml),
        lineColumns_(xml),
        report_(report),
        out_(out) {}

  void project(const pugi::xml_node& root);
  void codebook(const pugi::xml_node& root);

 private:
  const std::string& fileName_;
  const std::string& entry_;
  std::string_view xml_;
  mutable xml::LineColumns lineColumns_;  // every element's where() asks, in document order
  ImportReport& report_;
  Parsed& out_;
  std::unordered_map<std::string, std::string> codeGuids_, sourceGuids_, noteGuids_;  // -> where

  std::string where(const pugi::xml_node& n, const std::string& path) const {
    // "project.qde:12:5 /Project/Sources/TextSource[2]"; a bare XML file says "line 12:5 ...".
    const std::ptrdiff_t off = n.offset_debug();
    std::string at =
        xml_.empty() || off < 0 ? std::string() : lineColumns_(static_cast<std::size_t>(off));
    if (entry_.empty()) return (at.empty() ? "" : "line " + at + " ") + path;
    return entry_ + (at.empty() ? "" : ":" + at) + " " + path;
  }
  [[noreturn]] void fail(const pugi::xml_node& n, const std::string& path,
                         const std::string& problem) const {
    throw InputError(fileName_, where(n, path), problem);
  }
  void found(const std::string& kind) { report_.add(report_.found, kind); }

  // Element children with their paths ("/Project/Sources/TextSource[3]").
  template <class F>
  void children(const pugi::xml_node& n, const std::string& path, F f) {
    std::map<std::string, int, std::less<>> index;
    for (pugi::xml_node c : n.children()) {
      if (c.type() != pugi::node_element) continue;
      const std::string name(local(c));
      // Containers the schema allows once are named without an index.
      static const std::set<std::string, std::less<>> once{
          "Users",   "CodeBook", "Codes", "Variables", "Cases",
          "Sources", "Notes",    "Links", "Sets",      "Graphs"};
      f(c, name,
        once.count(name) ? path + "/" + name
                         : path + "/" + name + "[" + std::to_string(++index[name]) + "]");
    }
  }

  // A reference: any spelling of a GUID; a non-GUID value is kept consistently so references
  // to it still resolve, since nothing in the schema checks them.
  static std::string guidOf(std::string_view raw) {
    const std::string g = normalizeGuid(raw);
    if (!g.empty()) return g;
    std::string t(raw);
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.erase(t.begin());
    return t.empty() ? std::string() : derivedGuid("foreign:" + lower(t));
  }

  std::string identity(const pugi::xml_node& n, const std::string& path) {
    const std::string raw = attr(n, "guid");
    if (raw.empty()) {
      report_.notes.push_back(where(n, path) + ": no guid; one was made up");
      return derivedGuid("missing:" + path);
    }
    return guidOf(raw);
  }

  void unique(std::unordered_map<std::string, std::string>& seen, const std::string& guid,
              const pugi::xml_node& n, const std::string& path, const char* what) {
    auto [it, fresh] = seen.emplace(guid, where(n, path));
    if (!fresh)
      fail(n, path,
           std::string("duplicate GUID ") + guid + ": another " + what + " has it (" + it->second +
               ")");
  }

  std::string user(const pugi::xml_node& n, const char* name, const std::string& path) {
    const std::string raw = attr(n, name);
    if (raw.empty()) return {};
    const std::string g = guidOf(raw);
    out_.userRefs.push_back({g, where(n, path) + " @" + name});
    return g;
  }

  Stamp stamp(const pugi::xml_node& n, const std::string& path, bool project = false) {
    Stamp s;
    s.creatingUser = user(n, project ? "creatingUserGUID" : "creatingUser", path);
    s.created = utcTime(attr(n, "creationDateTime"));
    s.modifyingUser = user(n, project ? "modifyingUserGUID" : "modifyingUser", path);
    s.modified = utcTime(attr(n, "modifiedDateTime"));
    return s;
  }

  std::int64_t integer(const pugi::xml_node& n, const char* name, const std::string& path) {
    std::string v = attr(n, name);
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.pop_back();
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.erase(v.begin());
    if (!v.empty() && v.front() == '+') v.erase(v.begin());
    if (v.empty()) fail(n, path, std::string("missing ") + name);
    std::int64_t out = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || end != v.data() + v.size())
      fail(n, path, std::string(name) + " '" + v + "' is not a whole number");
    return out;
  }

  std::optional<std::int64_t> optInteger(const pugi::xml_node& n, const char* name,
                                         const std::string& path) {
    if (attr(n, name).empty()) return std::nullopt;
    return integer(n, name, path);
  }

  void noteRef(const pugi::xml_node& n, std::vector<std::string>& refs) {
    if (std::string g = guidOf(attr(n, "targetGUID")); !g.empty()) refs.push_back(g);
  }

  Code code(const pugi::xml_node& n, const std::string& path, int depth) {
    Code c;
    c.name = attr(n, "name");
    if (c.name.empty()) c.name = "(unnamed code)";
    // refi::apply reads a top-level "A::B::C" as C under B under A: each "::" is a level, so
    // the limit counts them (issue 21: 100,000 of them crashed an import at 17.8 GB).
    if (depth == 1) depth = nameLevels(c.name);
    if (depth > kMaxRefiCodeDepth)
      fail(n, path,
           "code '" + shortName(c.name) + "' is nested more than " +
               std::to_string(kMaxRefiCodeDepth) + " levels deep" +
               (nameLevels(c.name) > 1 ? " (each \"::\" in an ATLAS.ti-style name is a level)"
                                       : ""));
    found("Code");
    c.where = where(n, path);
    c.guid = identity(n, path);
    unique(codeGuids_, c.guid, n, path, "code");
    const std::string codable = lower(attr(n, "isCodable"));
    c.codable = !(codable == "false" || codable == "0");
    c.color = attr(n, "color");
    children(n, path, [&](const pugi::xml_node& k, const std::string& name, const std::string& p) {
      if (name == "Description")
        c.text = parseCodeDescription(textOf(k));
      else if (name == "NoteRef")
        noteRef(k, c.noteRefs);
      else if (name == "Code")
        c.children.push_back(code(k, p, depth + 1));
    });
    return c;
  }

  void codes(const pugi::xml_node& n, const std::string& path) {
    children(n, path, [&](const pugi::xml_node& k, const std::string& name, const std::string& p) {
      if (name == "Code") out_.exchange.codes.push_back(code(k, p, 1));
    });
  }

  VariableValue value(const pugi::xml_node& n, const std::string& path) {
    VariableValue v;
    children(n, path, [&](const pugi::xml_node& k, const std::string& name, const std::string&) {
      if (name == "VariableRef")
        v.variable = guidOf(attr(k, "targetGUID"));
      else if (name.size() > 5 && name.compare(name.size() - 5, 5, "Value") == 0)
        v.value = textOf(k);
    });
    return v;
  }

  Coding coding(const pugi::xml_node& n, const std::string& path) {
    found("Coding");
    Coding c;
    c.where = where(n, path);
    c.guid = identity(n, path);
    c.stamp.creatingUser = user(n, "creatingUser", path);
    c.stamp.created = utcTime(attr(n, "creationDateTime"));
    children(n, path, [&](const pugi::xml_node& k, const std::string& name, const std::string& p) {
      if (name == "CodeRef") {
        c.code = guidOf(attr(k, "targetGUID"));
        out_.codeRefs.push_back({c.code, where(k, p)});
      } else if (name == "NoteRef") {
        noteRef(k, c.noteRefs);
      }
    });
    if (c.code.empty()) fail(n, path, "Coding without a CodeRef");
    return c;
  }

  // A TextSource, a PDF's text Representation, or a Note: all are TextSourceType.
  void textSource(const pugi::xml_node& n, const std::string& path, Source& s, SourceText& t) {
    s.where = where(n, path);
    s.guid = identity(n, path);
    s.name = attr(n, "name");
    s.stamp = stamp(n, path);
    t.plainTextPath = attr(n, "plainTextPath");
    t.richTextPath = attr(n, "richTextPath");
    children(n, path, [&](const pugi::xml_node& k, const std::string& name, const std::string& p) {
      if (name == "Description") {
        s.description = textOf(k);
      } else if (name == "PlainTextContent") {
        t.hasContent = true;
        t.content = textOf(k);
      } else if (name == "PlainTextSelection") {
        found("PlainTextSelection");
        Selection sel;
        sel.where = where(k, p);
        sel.guid = identity(k, p);
        sel.name = attr(k, "name");
        sel.stamp = stamp(k, p);
        const std::int64_t a = integer(k, "startPosition", p), b = integer(k, "endPosition", p);
        if (a < 0 || b < 0) fail(k, p, "negative position");
        if (b < a)
          fail(
              k, p,
              "endPosition " + std::to_string(b) + " is before startPosition " + std::to_string(a));
        t.positions.emplace_back(a, b);
        children(k, p, [&](const pugi::xml_node& e, const std::string& en, const std::string& ep) {
          if (en == "Description")
            sel.description = textOf(e);
          else if (en == "Coding")
            sel.codings.push_back(coding(e, ep));
          else if (en == "NoteRef")
            noteRef(e, sel.noteRefs);
        });
        s.selections.push_back(std::move(sel));
      } else if (name == "Coding") {
        s.codings.push_back(coding(k, p));
      } else if (name == "NoteRef") {
        noteRef(k, s.noteRefs);
      } else if (name == "VariableValue") {
        s.values.push_back(value(k, p));
      }
    });
  }

  // Media we cannot show: counted and reported with what they held.
  void skipMedia(const pugi::xml_node& n, const std::string& name, const std::string& path) {
    int selections = 0, codings = 0;
    xml::walk(n, [&](const pugi::xml_node& d) {
      const std::string_view l = local(d);
      if (l == "Representation") return false;  // read as text
      if (l.size() > 9 && l.substr(l.size() - 9) == "Selection") ++selections;
      if (l == "Coding") ++codings;
      return true;
    });
    std::string why =
        name == "PDFSource"
            ? "PDF pages are not kept (its text Representation, if any, is read as a text source)"
        : name == "PictureSource"
            ? "pictures are not supported"
            : "audio and video are not supported; their transcripts are not read";
    if (selections || codings)
      why += "; " + std::to_string(selections) + " selection(s) and " + std::to_string(codings) +
             " coding(s) on it left out";
    report_.skipped.push_back({where(n, path), name + " '" + attr(n, "name") + "'", why});
  }

  void sources(const pugi::xml_node& n, const std::string& path) {
    children(n, path, [&](const pugi::xml_node& k, const std::string& name, const std::string& p) {
      found(name);
      if (name == "TextSource") {
        Source s;
        SourceText t;
        textSource(k, p, s, t);
        unique(sourceGuids_, s.guid, k, p, "source");
        out_.exchange.sources.push_back(std::move(s));
        out_.texts.push_back(std::move(t));
        return;
      }
      skipMedia(k, name, p);
      if (name != "PDFSource") return;
      children(k, p, [&](const pugi::xml_node& r, const std::string& rn, const std::string& rp) {
        if (rn != "Representation") return;
        Source s;
        SourceText t;
        textSource(r, rp, s, t);
        const std::string pdf = attr(k, "name");
        s.name = pdf.empty() ? (s.name.empty() ? "PDF text" : s.name) : pdf + " (text)";
        unique(sourceGuids_, s.guid, r, rp, "source");
        report_.notes.push_back(s.where + ": the text of PDF '" + pdf +
                                "' is read as a text source");
        out_.exchange.sources.push_back(std::move(s));
        out_.texts.push_back(std::move(t));
      });
    });
  }

  void notes(const pugi::xml_node& n, const std::string& path) {
    children(n, path, [&](const pugi::xml_node& k, const std::string& name, const std::string& p) {
      if (name != "Note") return;
      found("Note");
      Source s;
      SourceText t;
      textSource(k, p, s, t);
      unique(noteGuids_, s.guid, k, p, "note");
      if (!s.selections.empty() || !s.codings.empty())
        report_.skipped.push_back(
            {s.where, "codings in a Note", "memos are not coded in CMOC Workbench"});
      Note note;
      note.guid = s.guid;
      note.name = s.name;
      note.description = s.description;
      note.text = t.content;
      note.stamp = s.stamp;
      note.where = s.where;
      out_.exchange.notes.push_back(std::move(note));
      out_.noteTexts.push_back({t.hasContent ? std::string() : t.plainTextPath});
    });
  }

  void sets(const pugi::xml_node& n, const std::string& path) {
    children(n, path, [&](const pugi::xml_node& k, const std::string& name, const std::string& p) {
      if (name != "Set") return;
      found("Set");
      Set s;
      s.where = where(k, p);
      s.guid = identity(k, p);
      s.name = attr(k, "name");
      children(k, p, [&](const pugi::xml_node& m, const std::string& mn, const std::string&) {
        // A .qdc's MemberCode says guid=, a project's targetGUID=.
        std::string g = guidOf(attr(m, "targetGUID"));
        if (g.empty()) g = guidOf(attr(m, "guid"));
        if (mn == "Description")
          s.description = textOf(m);
        else if (g.empty())
          return;
        else if (mn == "MemberCode")
          s.memberCodes.push_back(g);
        else if (mn == "MemberSource")
          s.memberSources.push_back(g);
        else if (mn == "MemberNote")
          s.memberNotes.push_back(g);
      });
      out_.exchange.sets.push_back(std::move(s));
    });
  }

  static std::optional<Direction> direction(const std::string& d) {
    if (d == "Associative") return Direction::Associative;
    if (d == "OneWay") return Direction::OneWay;
    if (d == "Bidirectional") return Direction::Bidirectional;
    return std::nullopt;
  }
};

void Reader::codebook(const pugi::xml_node& root) {
  out_.exchange.codebookOnly = true;
  out_.exchange.origin = attr(root, "origin");
  children(root, "/CodeBook",
           [&](const pugi::xml_node& k, const std::string& name, const std::string& p) {
             if (name == "Codes")
               codes(k, p);
             else if (name == "Sets")
               sets(k, p);
           });
}

void Reader::project(const pugi::xml_node& root) {
  Exchange& x = out_.exchange;
  x.name = attr(root, "name");
  x.origin = attr(root, "origin");
  x.basePath = attr(root, "basePath");
  x.stamp = stamp(root, "/Project", true);
  children(
      root, "/Project",
      [&](const pugi::xml_node& n, const std::string& name, const std::string& path) {
        if (name == "Users") {
          std::set<std::string> seen;
          children(n, path, [&](const pugi::xml_node& k, const std::string&, const std::string& p) {
            found("User");
            User u{identity(k, p), attr(k, "name"), attr(k, "id")};
            if (seen.insert(u.guid).second) x.users.push_back(std::move(u));
          });
        } else if (name == "CodeBook") {
          children(n, path,
                   [&](const pugi::xml_node& k, const std::string& kn, const std::string& p) {
                     if (kn == "Codes") codes(k, p);
                   });
        } else if (name == "Variables") {
          children(n, path, [&](const pugi::xml_node& k, const std::string&, const std::string& p) {
            found("Variable");
            Variable v{identity(k, p), attr(k, "name"), "", VariableType::Text};
            const std::string t = attr(k, "typeOfVariable");
            for (VariableType vt :
                 {VariableType::Text, VariableType::Boolean, VariableType::Integer,
                  VariableType::Float, VariableType::Date, VariableType::DateTime})
              if (t == toString(vt)) v.type = vt;
            if (pugi::xml_node d =
                    k.find_child([](const pugi::xml_node& c) { return local(c) == "Description"; }))
              v.description = textOf(d);
            x.variables.push_back(std::move(v));
          });
        } else if (name == "Cases") {
          children(n, path, [&](const pugi::xml_node& k, const std::string&, const std::string& p) {
            found("Case");
            Case c;
            c.where = where(k, p);
            c.guid = identity(k, p);
            c.name = attr(k, "name");
            children(k, p,
                     [&](const pugi::xml_node& e, const std::string& en, const std::string& ep) {
                       const std::string g = guidOf(attr(e, "targetGUID"));
                       if (en == "Description")
                         c.description = textOf(e);
                       else if (en == "VariableValue")
                         c.values.push_back(value(e, ep));
                       else if (g.empty())
                         return;
                       else if (en == "CodeRef")
                         c.codeRefs.push_back(g);
                       else if (en == "SourceRef")
                         c.sourceRefs.push_back(g);
                       else if (en == "SelectionRef")
                         c.selectionRefs.push_back(g);
                     });
            x.cases.push_back(std::move(c));
          });
        } else if (name == "Sources") {
          sources(n, path);
        } else if (name == "Notes") {
          notes(n, path);
        } else if (name == "Links") {
          children(n, path, [&](const pugi::xml_node& k, const std::string&, const std::string& p) {
            found("Link");
            Link l;
            l.where = where(k, p);
            l.guid = identity(k, p);
            l.name = attr(k, "name");
            l.direction = direction(attr(k, "direction")).value_or(Direction::Associative);
            l.color = attr(k, "color");
            l.origin = guidOf(attr(k, "originGUID"));
            l.target = guidOf(attr(k, "targetGUID"));
            children(k, p, [&](const pugi::xml_node& e, const std::string& en, const std::string&) {
              if (en == "NoteRef") noteRef(e, l.noteRefs);
            });
            x.links.push_back(std::move(l));
          });
        } else if (name == "Sets") {
          sets(n, path);
        } else if (name == "Graphs") {
          children(n, path, [&](const pugi::xml_node& k, const std::string&, const std::string& p) {
            found("Graph");
            Graph g;
            g.where = where(k, p);
            g.guid = identity(k, p);
            g.name = attr(k, "name");
            children(k, p,
                     [&](const pugi::xml_node& e, const std::string& en, const std::string& ep) {
                       if (en == "Vertex") {
                         Vertex v{identity(e, ep),
                                  guidOf(attr(e, "representedGUID")),
                                  attr(e, "name"),
                                  attr(e, "color"),
                                  attr(e, "shape"),
                                  integer(e, "firstX", ep),
                                  integer(e, "firstY", ep),
                                  optInteger(e, "secondX", ep),
                                  optInteger(e, "secondY", ep)};
                         g.vertices.push_back(std::move(v));
                       } else if (en == "Edge") {
                         Edge d{identity(e, ep),
                                guidOf(attr(e, "representedGUID")),
                                attr(e, "name"),
                                guidOf(attr(e, "sourceVertex")),
                                guidOf(attr(e, "targetVertex")),
                                attr(e, "color"),
                                attr(e, "lineStyle"),
                                direction(attr(e, "direction"))};
                         g.edges.push_back(std::move(d));
                       }
                     });
            x.graphs.push_back(std::move(g));
          });
        } else if (name == "Description") {
          x.description = textOf(n);
        } else if (name == "NoteRef") {
          noteRef(n, x.noteRefs);
        }
      });
}

// --- Our conventions -------------------------------------------------------------------------

std::optional<Cmoc> readCmoc(const Set& s) {
  const std::string& d = s.description;
  if (d.compare(0, kCmocHeader.size(), kCmocHeader) != 0) return std::nullopt;
  Cmoc m;
  m.guid = s.guid;
  m.where = s.where;
  m.noteRefs = s.memberNotes;
  std::size_t pos = 0;
  while (pos < d.size()) {
    std::size_t nl = d.find('\n', pos);
    if (nl == std::string::npos) nl = d.size();
    const std::string line = d.substr(pos, nl - pos);
    pos = nl + 1;
    if (line == "memo:") {
      m.memo = pos < d.size() ? d.substr(pos) : std::string();
      break;
    }
    const std::size_t colon = line.find(": ");
    if (colon == std::string::npos) continue;
    const std::string key = line.substr(0, colon), value = line.substr(colon + 2);
    auto code = [&]() -> std::string {
      const std::size_t open = value.find('{'), close = value.find('}');
      if (open == std::string::npos || close == std::string::npos || close < open) return {};
      return normalizeGuid(value.substr(open, close - open + 1));
    };
    if (key == "context")
      m.context = code();
    else if (key == "mechanism")
      m.mechanism = code();
    else if (key == "outcome")
      m.outcome = code();
    else if (key == "status") {
      try {
        m.status = parseCmocStatus(value);
      } catch (const UsageError&) {
        m.status = CmocStatus::Novel;
      }
    } else if (key == "coder")
      m.coder = value;
    else if (key == "created")
      m.created = utcTime(value);
    else if (key == "modified")
      m.modified = utcTime(value);
    else if (key == "label")
      m.label = value;
  }
  if (m.context.empty() || m.mechanism.empty() || m.outcome.empty()) return std::nullopt;
  return m;
}

void decodeConventions(Exchange& x, ImportReport& report) {
  std::map<std::string, Code*> codes;
  walkCodes(x.codes, [&](Code& c) { codes[c.guid] = &c; });

  // Code groups by kind and origin.
  std::vector<Set> sets;
  for (Set& s : x.sets) {
    bool ours = false;
    if (s.name.compare(0, kKindSetPrefix.size(), kKindSetPrefix) == 0 && s.memberSources.empty()) {
      try {
        const CodeKind k = parseCodeKind(s.name.substr(kKindSetPrefix.size()));
        for (const std::string& g : s.memberCodes)
          if (codes.count(g)) codes[g]->kind = k;
        ours = true;
      } catch (const UsageError&) {
      }
    } else if (s.name.compare(0, kOriginSetPrefix.size(), kOriginSetPrefix) == 0 &&
               s.memberSources.empty()) {
      try {
        const CodeOrigin o = parseCodeOrigin(s.name.substr(kOriginSetPrefix.size()));
        for (const std::string& g : s.memberCodes)
          if (codes.count(g)) codes[g]->origin = o;
        ours = true;
      } catch (const UsageError&) {
      }
    } else if (auto m = readCmoc(s)) {
      x.cmocs.push_back(std::move(*m));
      ours = true;
    }
    if (!ours) sets.push_back(std::move(s));
  }
  x.sets = std::move(sets);

  // Evidence, priors and chains.
  std::map<std::string, Cmoc*> cmocs;
  for (Cmoc& m : x.cmocs) cmocs[m.guid] = &m;
  std::vector<Link> links;
  for (Link& l : x.links) {
    Cmoc* from = cmocs.count(l.origin) ? cmocs[l.origin] : nullptr;
    if (from && l.name.compare(0, kEvidenceLinkPrefix.size(), kEvidenceLinkPrefix) == 0) {
      try {
        from->evidence.emplace_back(parseSlot(l.name.substr(kEvidenceLinkPrefix.size())), l.target);
        continue;
      } catch (const UsageError&) {
      }
    }
    if (from && l.name == kPriorLinkName) {
      from->prior = l.target;
      continue;
    }
    if (from && l.name == kChainLinkName && cmocs.count(l.target)) {
      Chain ch{l.guid, l.origin, l.target, ""};
      const std::string memo = derivedGuid("chain-memo:" + l.guid);
      for (const std::string& r : l.noteRefs)
        if (r == memo)
          for (const Note& n : x.notes)
            if (n.guid == memo) ch.memo = n.text;
      x.chains.push_back(std::move(ch));
      continue;
    }
    links.push_back(std::move(l));
  }
  x.links = std::move(links);

  // The chain network we draw for other tools is rebuilt from the links.
  std::vector<Graph> graphs;
  for (Graph& g : x.graphs) {
    const bool ours = g.name == kChainGraphName &&
                      std::all_of(g.vertices.begin(), g.vertices.end(),
                                  [&](const Vertex& v) { return cmocs.count(v.represented) > 0; });
    if (!ours) graphs.push_back(std::move(g));
  }
  x.graphs = std::move(graphs);

  // Code and chain memos we wrote as notes.
  std::set<std::string> derived;
  std::map<std::string, const Note*> notes;
  for (const Note& n : x.notes) notes[n.guid] = &n;
  walkCodes(x.codes, [&](Code& c) {
    const std::string memo = derivedGuid("code-memo:" + c.guid);
    auto it = std::find(c.noteRefs.begin(), c.noteRefs.end(), memo);
    if (it == c.noteRefs.end() || !notes.count(memo)) return;
    c.text.memo = notes[memo]->text;
    c.noteRefs.erase(it);
    derived.insert(memo);
  });
  for (const Chain& ch : x.chains) derived.insert(derivedGuid("chain-memo:" + ch.guid));
  if (!derived.empty()) {
    std::vector<Note> kept;
    for (Note& n : x.notes)
      if (!derived.count(n.guid)) kept.push_back(std::move(n));
    x.notes = std::move(kept);
  }
  if (!x.cmocs.empty())
    report.notes.push_back(std::to_string(x.cmocs.size()) + " CMOC(s) and " +
                           std::to_string(x.chains.size()) +
                           " chain link(s) read from CMOC Workbench sets and links");
}

}  // namespace

std::string utcTime(std::string_view t) {
  // YYYY-MM-DDTHH:MM:SS[.fff][Z|+hh:mm|-hh:mm]
  auto digits = [&](std::size_t at, std::size_t n) {
    if (at + n > t.size()) return -1;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(t[i]))) return -1;
      v = v * 10 + (t[i] - '0');
    }
    return v;
  };
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
  if (t.size() < 19 || t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != ' ') ||
      t[13] != ':' || t[16] != ':')
    return {};
  std::tm tm{};
  const int y = digits(0, 4), mo = digits(5, 2), d = digits(8, 2), h = digits(11, 2),
            mi = digits(14, 2), s = digits(17, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 ||
      s < 0 || s > 60)
    return {};
  std::size_t i = 19;
  if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
    ++i;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  }
  long offset = 0;
  if (i < t.size()) {
    if (t[i] == 'Z' || t[i] == 'z') {
      ++i;
    } else if (t[i] == '+' || t[i] == '-') {
      const int oh = digits(i + 1, 2);
      const bool colon = i + 3 < t.size() && t[i + 3] == ':';
      const int om = digits(i + (colon ? 4 : 3), 2);
      if (oh < 0 || om < 0) return {};
      offset = (t[i] == '-' ? -1 : 1) * (oh * 3600L + om * 60L);
      i += colon ? 6 : 5;
    }
    if (i != t.size()) return {};
  }
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  const std::time_t utc = timegm(&tm) - offset;
  std::tm out{};
  gmtime_r(&utc, &out);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &out);
  return buf;
}

Parsed parse(const pugi::xml_document& doc, const std::string& fileName, const std::string& entry,
             std::string_view xml, ImportReport& report) {
  Parsed out;
  const pugi::xml_node root = doc.document_element();
  Reader reader(fileName, entry, xml, report, out);
  const std::string_view name = root ? local(root) : std::string_view();
  std::string ns;
  for (pugi::xml_attribute a : root.attributes()) {
    const std::string_view an = a.name();
    const std::string prefix =
        root.name() == name
            ? "xmlns"
            : "xmlns:" + std::string(std::string_view(root.name())
                                         .substr(0, std::string_view(root.name()).find(':')));
    if (an == prefix) ns = a.value();
  }
  if (name == "Project") {
    reader.project(root);
  } else if (name == "CodeBook" || name == "Codebook") {
    reader.codebook(root);
  } else {
    throw InputError(fileName, entry.empty() ? "file" : entry,
                     "not a REFI-QDA file: the root element is <" + std::string(root.name()) +
                         ">, not <Project> or <CodeBook>");
  }
  // After the reader, whose errors (nesting past the limit) say more about a file than its
  // length of names does.
  refuseBadCharactersAndLongNames(doc, xml, fileName, entry);
  if (ns.rfind("urn:QDA-XML:", 0) != 0)
    report.notes.push_back(entry + ": namespace '" + ns + "' is not a REFI-QDA one; read anyway");
  decodeConventions(out.exchange, report);
  return out;
}

}  // namespace cmoc::importers::refi_parse

// REFI-QDA import: the container (.qdpx zip, bare .qde, .qdc), the source texts it names, the
// position convention, and the checks that make a file importable or refused as a whole.
#include "cmoc/importers/refi_qda.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "bytes.h"
#include "cmoc/error.h"
#include "cmoc/progress.h"
#include "cmoc/report_table.h"
#include "cmoc/text.h"
#include "docx.h"
#include "extension.h"
#include "refi_exchange.h"
#include "refi_files.h"
#include "refi_parse.h"
#include "refi_text.h"
#include "turn_builder.h"
#include "xml.h"
#include "zip_archive.h"

namespace cmoc::importers {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool isZip(const std::string& bytes) {
  return bytes.size() >= 4 && bytes[0] == 'P' && bytes[1] == 'K' &&
         (bytes[2] == 3 || bytes[2] == 5 || bytes[2] == 7);
}

// The project XML inside a .qdpx: project.qde in any case, else the only other .qde at the root.
// Two project.qde entries that differ only in case are refused as the zip reader refuses two of
// one name: programs would disagree on which is the project.
const ZipEntry& projectEntry(const ZipArchive& zip) {
  const ZipEntry* other = nullptr;
  const ZipEntry* project = nullptr;
  for (const ZipEntry& e : zip.entries()) {
    const std::string n = lower(e.name);
    if (n == "project.qde" && project)
      throw InputError(zip.fileName(), "file",
                       "the archive holds two project files, " + project->name + " and " + e.name +
                           "; which one is meant is not clear, so it is refused");
    if (n == "project.qde") project = &e;
    if (n.find('/') == std::string::npos && n.size() > 4 &&
        n.compare(n.size() - 4, 4, ".qde") == 0 && !other)
      other = &e;
  }
  if (project) return *project;
  if (other) return *other;
  throw InputError(zip.fileName(), "file",
                   "not a REFI-QDA project: the archive holds no project.qde");
}

// NVivo for Mac keeps the text in the .docx and writes a 1-byte .txt beside it.
std::optional<Transcript> richText(RefiFiles& files, const std::string& richPath,
                                   const std::string& name, std::string& refused) {
  if (lower(std::filesystem::path(richPath).extension().string()) != ".docx") return std::nullopt;
  FoundFile found = files.read(richPath);
  refused = found.refused;
  auto& bytes = found.bytes;
  if (!bytes || bytes->empty()) return std::nullopt;
  const std::filesystem::path tmp = std::filesystem::temp_directory_path() /
                                    ("cmoc-refi-" + std::to_string(getpid()) + "-" +
                                     std::to_string(std::hash<std::string>{}(richPath)) + ".docx");
  {
    std::ofstream out(tmp, std::ios::binary);
    out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
  }
  std::optional<Transcript> t;
  try {
    t = DocxImporter().load(tmp, {});
    t->fileName = name;
  } catch (const InputError&) {
    t.reset();  // an empty or unreadable .docx: keep the .txt
  }
  std::error_code ec;
  std::filesystem::remove(tmp, ec);
  return t;
}

std::vector<Turn> recogniseTurns(const std::string& text, const std::string& name) {
  std::vector<Block> lines;
  std::size_t pos = 0;
  while (true) {
    const std::size_t nl = text.find('\n', pos);
    lines.push_back(
        Block{text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos)});
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  try {
    return buildTranscript(name, "refi", std::move(lines)).turns;
  } catch (const InputError&) {
    return {};  // no text at all
  }
}

bool needsConvention(const std::string& raw) {
  for (unsigned char c : raw)
    if (c == '\r' || c >= 0xF0) return true;
  return false;
}

// The convention under which most selections that quote their text do quote it.
PositionConvention chooseConvention(const refi_parse::Parsed& p,
                                    const std::vector<std::optional<std::string>>& raws,
                                    PositionConvention preferred, std::string& why) {
  const PositionConvention candidates[] = {
      preferred, {false, false}, {false, true}, {true, false}, {true, true}};
  int scores[5] = {};
  int quoted = 0;
  for (std::size_t i = 0; i < raws.size(); ++i) {
    if (!raws[i] || !needsConvention(*raws[i])) continue;
    const Source& s = p.exchange.sources[i];
    for (int c = 0; c < 5; ++c) {
      const PositionMap map(*raws[i], candidates[c]);
      for (std::size_t j = 0; j < s.selections.size(); ++j) {
        if (s.selections[j].name.empty()) continue;
        const auto [a, b] = p.texts[i].positions[j];
        const auto sa = map.start(a), sb = map.end(b);
        if (c == 0) ++quoted;
        if (sa && sb &&
            refi_text::quotes(s.selections[j].name, text::sliceCodePoints(map.text(), *sa, *sb)))
          ++scores[c];
      }
    }
  }
  int best = 0;
  for (int c = 1; c < 5; ++c)
    if (scores[c] > scores[best]) best = c;
  if (best != 0)
    why = "chosen over the origin's " + describe(preferred) + ": " + std::to_string(scores[best]) +
          " of " + std::to_string(quoted) + " selection names quote the text this way, " +
          std::to_string(scores[0]) + " the other";
  else if (scores[0] > 0)
    why = "confirmed by " + std::to_string(scores[0]) + " of " + std::to_string(quoted) +
          " selection names";
  return candidates[best];
}

// Names and descriptions NFC with LF line ends like our text (ATLAS.ti on a Mac writes NFD).
void normalizeNames(Exchange& x) {
  auto nfc = [](std::string& s) {
    if (!s.empty() && !text::firstInvalidUtf8(s)) s = text::normalize(s);
  };
  // Most elements carry a name and a description, some attribute values.
  auto named = [&](auto& e) {
    nfc(e.name);
    nfc(e.description);
  };
  auto values = [&](std::vector<VariableValue>& vs) {
    for (VariableValue& v : vs) nfc(v.value);
  };
  for (User& u : x.users) nfc(u.name);
  walkCodes(x.codes, [&](Code& c) {
    for (std::string* f :
         {&c.name, &c.text.definition, &c.text.inclusion, &c.text.exclusion, &c.text.memo})
      nfc(*f);
  });
  for (Variable& v : x.variables) named(v);
  for (Case& c : x.cases) {
    named(c);
    values(c.values);
  }
  for (Source& s : x.sources) {
    named(s);
    values(s.values);
    for (Selection& sel : s.selections) nfc(sel.description);
  }
  for (Note& n : x.notes) named(n);
  for (Set& st : x.sets) named(st);
  for (Link& l : x.links) nfc(l.name);
  for (Cmoc& m : x.cmocs) {
    nfc(m.label);
    nfc(m.memo);
  }
}

// Hash sets: a project of 200,000 codings holds half a million GUIDs, and ordered sets of them
// spent more time comparing strings than the import spent on anything else (issue 21).
using GuidSet = std::unordered_set<std::string>;

void collectGuids(const pugi::xml_node& root, GuidSet& out) {
  xml::walk(root.parent(), [&](const pugi::xml_node& n) {
    if (n.type() != pugi::node_element) return false;
    for (pugi::xml_attribute a : n.attributes()) {
      std::string_view an = a.name();
      if (an == "guid") {
        const std::string g = normalizeGuid(a.value());
        out.insert(g.empty() ? derivedGuid("foreign:" + lower(a.value())) : g);
      }
    }
    return true;
  });
}

// `root` is the document's element: a reference to a source, a selection or anything else
// (links, sets, graphs) may name any element's GUID, so those are checked against every GUID in
// the document, collected only when some such reference is there to check.
void checkDangling(const Exchange& x, const pugi::xml_node& root, ImportReport& report) {
  GuidSet notes, codes, variables;
  std::optional<GuidSet> anyGuid;
  auto check = [&](const std::vector<std::string>& refs, const GuidSet& in,
                   const std::string& where, const char* what) {
    for (const std::string& r : refs)
      if (!in.count(r)) report.dangling.push_back({where, what, r});
  };
  auto defined = [&]() -> const GuidSet& {
    if (!anyGuid) collectGuids(root, anyGuid.emplace());
    return *anyGuid;
  };
  auto checkAny = [&](const std::vector<std::string>& refs, const std::string& where,
                      const char* what) {
    if (!refs.empty()) check(refs, defined(), where, what);
  };
  auto checkValues = [&](const std::vector<VariableValue>& values, const std::string& where) {
    for (const VariableValue& v : values)
      if (!variables.count(v.variable))
        report.dangling.push_back({where, "VariableRef", v.variable});
  };
  for (const Note& n : x.notes) notes.insert(n.guid);
  walkCodes(x.codes, [&](const Code& c) {
    codes.insert(c.guid);
    check(c.noteRefs, notes, c.where, "NoteRef");
  });
  for (const Variable& v : x.variables) variables.insert(v.guid);
  check(x.noteRefs, notes, "/Project", "NoteRef");
  for (const Source& s : x.sources) {
    check(s.noteRefs, notes, s.where, "NoteRef");
    checkValues(s.values, s.where);
    for (const Selection& sel : s.selections) {
      check(sel.noteRefs, notes, sel.where, "NoteRef");
      for (const Coding& c : sel.codings) check(c.noteRefs, notes, c.where, "NoteRef");
    }
  }
  for (const Case& c : x.cases) {
    check(c.codeRefs, codes, c.where, "CodeRef");
    checkAny(c.sourceRefs, c.where, "SourceRef");
    checkAny(c.selectionRefs, c.where, "SelectionRef");
    checkValues(c.values, c.where);
  }
  for (const Set& s : x.sets) {
    check(s.memberCodes, codes, s.where, "MemberCode");
    checkAny(s.memberSources, s.where, "MemberSource");
    check(s.memberNotes, notes, s.where, "MemberNote");
  }
  for (const Link& l : x.links) {
    checkAny({l.origin}, l.where, "Link originGUID");
    checkAny({l.target}, l.where, "Link targetGUID");
    check(l.noteRefs, notes, l.where, "NoteRef");
  }
  for (const Graph& g : x.graphs)
    for (const Vertex& v : g.vertices)
      if (!v.represented.empty() && !defined().count(v.represented))
        report.dangling.push_back({g.where, "Vertex representedGUID", v.represented});
  for (const Cmoc& m : x.cmocs)
    for (const std::string* g : {&m.context, &m.mechanism, &m.outcome})
      if (!codes.count(*g)) report.dangling.push_back({m.where, "CMOC code", *g});
}

}  // namespace

bool isRefiFile(const std::filesystem::path& file) {
  return hasExtension(file, {".qdpx", ".qdc", ".qde"});
}

RefiImport loadRefi(const std::filesystem::path& file, const RefiOptions& options,
                    Progress* progress) {
  std::filesystem::path folder = file.parent_path();
  if (folder.empty()) folder = ".";
  return parseRefi(readFileBytes(file), displayName(file), folder, options, progress);
}

RefiImport parseRefi(std::string bytes, const std::string& fileName,
                     const std::filesystem::path& folder, const RefiOptions& options,
                     Progress* progress) {
  NoProgress silent;
  Progress& reading = progress ? *progress : silent;
  RefiImport r;
  ImportReport& report = r.report;
  report.file = fileName;
  std::optional<ZipArchive> zip;
  std::string xmlBytes, entry;
  if (isZip(bytes) || hasExtension(fileName, {".qdpx"})) {
    zip.emplace(std::move(bytes), fileName);
    const ZipEntry& e = projectEntry(*zip);
    xmlBytes = zip->read(e);
    entry = e.name;
  } else {
    xmlBytes = std::move(bytes);
  }
  if (xmlBytes.compare(0, 3, "\xEF\xBB\xBF") == 0) xmlBytes.erase(0, 3);
  pugi::xml_document doc;
  xml::parse(doc, xmlBytes, fileName, entry.empty() ? "line" : entry);
  const bool utf16 = xmlBytes.size() >= 2 && (xmlBytes[0] == '\xFF' || xmlBytes[0] == '\xFE');
  refi_parse::Parsed p = refi_parse::parse(
      doc, fileName, entry, utf16 ? std::string_view() : std::string_view(xmlBytes), report);
  Exchange& x = p.exchange;
  normalizeNames(x);

  // References the file must resolve itself: codes of codings, users of anything.
  {
    GuidSet users;
    for (const User& u : x.users) users.insert(u.guid);
    for (const auto& ref : p.userRefs)
      if (!users.count(ref.guid))
        throw InputError(fileName, ref.where, "refers to unknown user " + ref.guid);
    GuidSet codes;
    walkCodes(x.codes, [&](const Code& c) { codes.insert(c.guid); });
    for (const auto& ref : p.codeRefs)
      if (!codes.count(ref.guid))
        throw InputError(fileName, ref.where, "CodeRef refers to unknown code " + ref.guid);
  }

  std::filesystem::path sourceFolder = zip ? std::filesystem::path() : folder;
  RefiFiles files(std::move(zip), folder, sourceFolder, x.basePath, options.allowExternal, report);

  // Reading, decoding and mapping the texts is what takes time in a big project: each source
  // counts twice, once read and once mapped.
  auto step = [&reading, n = x.sources.size()](std::size_t done, const std::string& name) {
    reading.update(done, 2 * n, name);
    if (reading.cancelled()) throw Cancelled();
  };

  // Files outside the archive that may not be read, per source and note: all of them are
  // listed in one refusal, before any missing text is, since they are what the user must judge.
  ExternalRefusals outside;

  // Source texts, as written.
  std::vector<std::optional<std::string>> raws(x.sources.size());
  std::vector<std::optional<Transcript>> rich(x.sources.size());
  std::optional<InputError> missing;
  for (std::size_t i = 0; i < x.sources.size(); ++i) {
    Source& s = x.sources[i];
    refi_parse::SourceText& t = p.texts[i];
    if (s.name.empty())
      s.name = !t.plainTextPath.empty() ? std::filesystem::path(t.plainTextPath).filename().string()
                                        : "source " + s.guid.substr(0, 8);
    step(i, s.name);
    std::vector<std::string> refused;
    FoundFile found;
    if (t.hasContent)
      found.bytes = t.content;
    else if (!t.plainTextPath.empty())
      found = files.read(t.plainTextPath);
    if (!found.refused.empty()) refused.push_back(found.refused);
    if (found.bytes)
      raws[i] =
          refi_text::decodeRaw(*found.bytes, fileName, s.where + " (" + t.plainTextPath + ")");
    const bool blank = !raws[i] || raws[i]->find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank && !t.richTextPath.empty()) {
      std::string richRefused;
      if ((rich[i] = richText(files, t.richTextPath, s.name, richRefused))) {
        raws[i] = rich[i]->text;
        report.notes.push_back(s.where + ": the text was read from " + t.richTextPath +
                               " (the plain text is empty)");
      }
      if (!richRefused.empty()) refused.push_back(richRefused);
    }
    if (!refused.empty()) {
      raws[i].reset();
      rich[i].reset();
      if (!options.skipMissingSources) {
        outside.sources.insert(outside.sources.end(), refused.begin(), refused.end());
        ++outside.sourceCount;
        continue;
      }
      report.skipped.push_back({s.where, "TextSource '" + s.name + "'",
                                "names a file outside " + std::string(files.container()) + " (" +
                                    joined(refused, ", ") + "); left out with its " +
                                    std::to_string(s.selections.size()) + " selection(s)"});
      continue;
    }
    if (raws[i]) continue;
    const std::string what = t.plainTextPath.empty()
                                 ? "has neither PlainTextContent nor plainTextPath"
                                 : "text file " + t.plainTextPath + " is missing";
    if (!options.skipMissingSources) {
      if (!missing) missing.emplace(fileName, s.where, "source '" + s.name + "': " + what);
      continue;
    }
    report.skipped.push_back(
        {s.where, "TextSource '" + s.name + "'",
         what + "; left out with its " + std::to_string(s.selections.size()) + " selection(s)"});
  }

  // Notes kept in files.
  for (std::size_t i = 0; i < x.notes.size(); ++i) {
    const std::string& path = p.noteTexts[i].plainTextPath;
    if (path.empty()) continue;
    FoundFile found = files.read(path);
    if (found.bytes) {
      x.notes[i].text =
          text::normalize(refi_text::decodeRaw(*found.bytes, fileName, x.notes[i].where));
    } else if (!found.refused.empty() && !options.skipMissingSources) {
      outside.notes.push_back(found.refused);
    } else {
      report.skipped.push_back({x.notes[i].where, "Note text",
                                (found.refused.empty() ? "file " + path + " is missing"
                                                       : "file " + found.refused +
                                                             " lies outside " + files.container()) +
                                    "; the note is kept without it"});
    }
  }
  for (Note& n : x.notes) {
    if (!text::firstInvalidUtf8(n.text)) n.text = text::normalize(n.text);
  }
  outside.refuseAny(fileName, files);
  if (missing) throw *missing;

  // Positions: the origin's convention unless the quoted selections say otherwise.
  PositionConvention convention = options.positions.value_or(conventionForOrigin(x.origin));
  std::string why = options.positions ? "as asked" : "";
  if (!options.positions) convention = chooseConvention(p, raws, convention, why);
  if (!x.sources.empty())
    report.positions = describe(convention) +
                       (why.empty() ? " (from the origin '" + x.origin + "')" : " (" + why + ")");

  std::vector<Source> kept;
  for (std::size_t i = 0; i < x.sources.size(); ++i) {
    if (!raws[i]) continue;
    Source& s = x.sources[i];
    step(x.sources.size() + i, s.name);
    const PositionMap map(*raws[i],
                          rich[i] ? PositionConvention{convention.utf16, false} : convention);
    for (std::size_t j = 0; j < s.selections.size(); ++j) {
      Selection& sel = s.selections[j];
      const auto [a, b] = p.texts[i].positions[j];
      const auto sa = map.start(a), sb = map.end(b);
      if (!sa || !sb)
        throw InputError(fileName, sel.where,
                         "selection [" + std::to_string(a) + ", " + std::to_string(b) +
                             ") lies outside the text of '" + s.name + "' (" +
                             std::to_string(map.units()) + " " +
                             (convention.utf16 ? "UTF-16 units" : "characters") + " under " +
                             describe(convention) + ")");
      sel.start = *sa;
      sel.end = *sb;
    }
    s.text = map.text();
    s.turns =
        rich[i] && map.text() == rich[i]->text ? rich[i]->turns : recogniseTurns(s.text, s.name);
    kept.push_back(std::move(s));
  }
  x.sources = std::move(kept);

  checkDangling(x, doc.document_element(), report);
  if (!x.cmocs.empty()) report.add(report.found, "CMOC", static_cast<std::int64_t>(x.cmocs.size()));
  if (!x.chains.empty())
    report.add(report.found, "CMOC chain", static_cast<std::int64_t>(x.chains.size()));
  r.exchange = std::move(x);
  return r;
}

}  // namespace cmoc::importers
